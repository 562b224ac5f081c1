// <Formula tex="\\lfloor (n+2p-f)/s \\rfloor + 1" display? label?>
// KaTeX render of a TeX string (throwOnError: false — a typo shows red TeX, never a crash).
// Widgets build the TeX with live numbers, e.g. `\\left\\lfloor\\frac{${n}+2\\cdot${p}-${f}}{${s}}\\right\\rfloor+1`.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

export interface FormulaProps {
  tex: string;
  /** Block (display) maths instead of inline. */
  display?: boolean;
  className?: string;
}

export function Formula({ tex, display = false, className }: FormulaProps) {
  const html = useMemo(
    () => katex.renderToString(tex, { throwOnError: false, displayMode: display, output: 'htmlAndMathml' }),
    [tex, display],
  );
  const Tag = display ? 'div' : 'span';
  return <Tag className={['ui-formula', className].filter(Boolean).join(' ')} dangerouslySetInnerHTML={{ __html: html }} />;
}
