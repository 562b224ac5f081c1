// <Select label value options={[{ value, label }]} onChange />  — a labelled native select
// (native: keyboard, touch and screen readers work without extra code).
import { useId, type ReactNode } from 'react';
import { useParamInAddress } from './WidgetAddress';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string> {
  label: ReactNode;
  value: T;
  options: readonly SelectOption<T>[];
  onChange(v: T): void;
  disabled?: boolean;
  /** The widget param this select sets: marks it data-param and keeps it in the address. */
  param?: string;
}

export function Select<T extends string>({ label, value, options, onChange, disabled, param }: SelectProps<T>) {
  const id = useId();
  useParamInAddress(param, value);
  return (
    <div className="ui-field ui-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} data-param={param} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
