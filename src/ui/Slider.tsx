// <Slider label value min max step? onChange format? />  — a labelled range input with its value.
import { useId, type ReactNode } from 'react';

export interface SliderProps {
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange(v: number): void;
  format?(v: number): string;
  disabled?: boolean;
}

export function Slider({ label, value, min, max, step = 1, onChange, format, disabled }: SliderProps) {
  const id = useId();
  const shown = format ? format(value) : String(value);
  return (
    <div className="ui-field ui-slider">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} disabled={disabled}
        aria-valuetext={shown} onChange={(e) => onChange(Number(e.target.value))} />
      <output htmlFor={id} className="ui-slider-value">{shown}</output>
    </div>
  );
}
