// <Metric name="output-size" value="4x4" label="Output">4×4</Metric>
// A live number a user reads, with the test hooks data-metric=<name> and data-value=<raw>.
// value null/undefined/NaN → data-value="" and data-invalid (never "NaN" in the DOM).
import type { ReactNode } from 'react';

export interface MetricProps {
  name: string;
  /** Raw value for tests (number or string such as "4x4"). */
  value: number | string | null | undefined;
  /** Visible label before the value. */
  label?: ReactNode;
  /** What to show (defaults to the raw value). */
  children?: ReactNode;
  className?: string;
}

export function Metric({ name, value, label, children, className }: MetricProps) {
  const invalid = value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));
  const raw = invalid ? '' : String(value);
  return (
    <span className={['ui-metric', className].filter(Boolean).join(' ')}>
      {label != null && <span className="ui-metric-label">{label} </span>}
      <output className="ui-metric-value" data-metric={name} data-value={raw} data-invalid={invalid ? '' : undefined} aria-live="polite">
        {children ?? (invalid ? '—' : raw)}
      </output>
    </span>
  );
}
