// <NumberField label value onChange validate? error? integer? min? max? step? />
// A typed number input that KEEPS what the user typed. Bad input is never clamped or thrown
// away: the field turns red and the reason shows right under it.
//   onChange(v, text) fires on every edit: v is the parsed number (null when the text is not a
//   number). The widget decides what to do with an invalid-but-numeric value (e.g. show why
//   f > n + 2p is impossible). validate(v) → message | null adds the widget's own rules;
//   `error` shows a reason computed elsewhere (e.g. from a combination of fields).
import { useEffect, useId, useState, type ReactNode } from 'react';
import { fmt, useStrings } from './i18n';
import { uiStrings } from './strings';
import { useParamInAddress } from './WidgetAddress';

export interface NumberFieldProps {
  label: ReactNode;
  value: number;
  onChange(v: number | null, text: string): void;
  validate?(v: number): string | null | undefined;
  /** A reason from outside (cross-field); shown under the field, field marked invalid. */
  error?: string | null;
  integer?: boolean;
  min?: number;
  max?: number;
  step?: number;
  /** Width in characters. */
  size?: number;
  disabled?: boolean;
  name?: string;
  /** The widget param this field sets: marks it data-param and keeps it in the address. */
  param?: string;
}

export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/^−/, '-').replace(/，/g, '.');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export function NumberField(props: NumberFieldProps) {
  const { label, value, onChange, validate, error, integer, min, max, step, size = 5, disabled, name, param } = props;
  const t = useStrings(uiStrings);
  const id = useId();
  const [text, setText] = useState(String(value));
  // Follow outside changes (a preset) unless the text already means that value.
  useEffect(() => {
    if (parseNumber(text) !== value) setText(String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an outside change of value should reset the text, not each keystroke
  }, [value]);

  const parsed = parseNumber(text);
  let reason: string | null = null;
  if (text.trim() === '') reason = t.empty;
  else if (parsed === null) reason = fmt(t.notANumber, { text });
  else if (integer && !Number.isInteger(parsed)) reason = t.notWhole;
  else if (min !== undefined && parsed < min) reason = fmt(t.atLeast, { min });
  else if (max !== undefined && parsed > max) reason = fmt(t.atMost, { max });
  else reason = validate?.(parsed) ?? null;
  reason = reason ?? error ?? null;
  useParamInAddress(param, parsed, reason === null);

  return (
    <div className={`ui-field ui-number${reason ? ' ui-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name ?? param}
        data-param={param}
        type="text"
        inputMode={integer && (min ?? 0) >= 0 ? 'numeric' : 'decimal'}
        size={size}
        value={text}
        disabled={disabled}
        aria-invalid={reason ? true : undefined}
        aria-describedby={reason ? `${id}-err` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseNumber(e.target.value), e.target.value);
        }}
        onKeyDown={(e) => {
          // ↑/↓ nudge by step, like a native number input, without ever clamping.
          if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && parsed !== null) {
            e.preventDefault();
            const next = parsed + (e.key === 'ArrowUp' ? 1 : -1) * (step ?? 1);
            const s = String(Number(next.toFixed(6)));
            setText(s);
            onChange(Number(s), s);
          }
        }}
      />
      {reason && (
        <div className="ui-error" id={`${id}-err`} data-error="">
          {reason}
        </div>
      )}
    </div>
  );
}
