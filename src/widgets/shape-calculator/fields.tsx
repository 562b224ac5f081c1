// Small inline inputs for the table cells. Each keeps the user's own text (so a half-typed
// or wrong value is never thrown away) and reports a number, NaN for unreadable text, or
// 'same' for the padding field.
import { useState } from 'react';

export function IntCell({ value, label, onChange, allowSame = false, width = 3.2 }: {
  value: number | 'same';
  label: string;
  onChange(v: number | 'same'): void;
  allowSame?: boolean;
  width?: number;
}) {
  const [text, setText] = useState(String(value));
  // Follow the value when it changes from outside (a preset), not while the user types.
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (String(value) !== text.trim()) setText(String(value));
  }
  const parse = (t: string): number | 'same' => {
    const s = t.trim().toLowerCase();
    if (allowSame && s === 'same') return 'same';
    return /^\d+$/.test(s) ? Number(s) : NaN;
  };
  const bad = Number.isNaN(parse(text) as number);
  return (
    <input
      className="sc-cell-input"
      type="text"
      inputMode={allowSame ? 'text' : 'numeric'}
      aria-label={label}
      aria-invalid={bad || undefined}
      value={text}
      style={{ width: `${width}em` }}
      onChange={(e) => {
        setText(e.target.value);
        const v = parse(e.target.value);
        setSeen(v);
        onChange(v);
      }}
    />
  );
}
