// <Slider label value min max step? onChange format? />  — a labelled range input with its value.
import { useId, type ReactNode } from 'react';
import { useParamInAddress } from './WidgetAddress';

export interface SliderProps {
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange(v: number): void;
  format?(v: number): string;
  disabled?: boolean;
  /** The widget param this slider sets: marks it data-param and keeps it in the address. */
  param?: string;
}

export function Slider({ label, value, min, max, step = 1, onChange, format, disabled, param }: SliderProps) {
  const id = useId();
  useParamInAddress(param, value);
  const shown = format ? format(value) : String(value);
  return (
    <div className="ui-field ui-slider">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} disabled={disabled} data-param={param}
        aria-valuetext={shown} onChange={(e) => onChange(Number(e.target.value))} />
      <output htmlFor={id} className="ui-slider-value">{shown}</output>
    </div>
  );
}
