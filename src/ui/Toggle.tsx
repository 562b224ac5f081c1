// <Toggle label checked onChange />  — a switch (a checkbox with role="switch").
import { useId, type ReactNode } from 'react';
import { useParamInAddress } from './WidgetAddress';

export interface ToggleProps {
  label: ReactNode;
  checked: boolean;
  onChange(on: boolean): void;
  disabled?: boolean;
  /** The widget param this switch sets: marks it data-param and keeps it in the address. */
  param?: string;
}

export function Toggle({ label, checked, onChange, disabled, param }: ToggleProps) {
  const id = useId();
  useParamInAddress(param, checked);
  return (
    <div className="ui-field ui-toggle">
      <input id={id} type="checkbox" role="switch" checked={checked} disabled={disabled} data-param={param}
        onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
