// Transposed convolution (lesson 34): the lecture's 2×2 input, 3×3 filter, stride 2, padding 1
// → 4×4. Step by step each input value stamps value × filter onto the 5×5 canvas (overlaps add);
// the padding crops the top row and left column. All numbers come from the engine in the worker
// (conv2dBackward's dx: a transposed convolution is the gradient of a convolution w.r.t. its input).
import { useMemo, useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Card, CellGrid, ErrorNote, Metric, StepControls, useAnimationStep, useAsync, useThemePalette, type GridHighlight } from '../../ui';
import { divergingScale, formatCell, maxAbs } from '../../viz';
import { canvasSize, contributions, croppedSides, stampRect, TCONV, TCONV_FILTER, TCONV_INPUT } from './view';
import { transposedConvOutputSize } from '../../engine/shape';
import { computeClient } from '../../worker/client';
import { transposedConvStrings } from './strings';
import type { TransposedConvParams } from './params';
import './style.css';

const { n, f, s, p, outputPadding } = TCONV;
const C = canvasSize(n, f, s);
const OUT = transposedConvOutputSize(n, f, p, s, outputPadding);
const crop = croppedSides(p, outputPadding);

export default function TransposedConv(_props: WidgetProps<TransposedConvParams>) {
  const t = useStrings(transposedConvStrings);
  const root = useRef<HTMLDivElement>(null);
  const palette = useThemePalette();
  const [input, setInput] = useState<number[]>(TCONV_INPUT);
  const [filter, setFilter] = useState<number[]>(TCONV_FILTER);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const anim = useAnimationStep({ total: n * n, intervalMs: 1100 });
  const k = anim.k;
  const job = useAsync(() => computeClient().request('transposed-conv', {
    input: { shape: [1, n, n, 1], data: Float32Array.from(input) },
    filter: { shape: [f, f, 1, 1], data: Float32Array.from(filter) },
    stride: s, pad: p, outputPadding,
  }), [input, filter]);
  const r = job.value;
  const canvas = r ? Array.from(r.full[k].data) : null;
  const output = r ? Array.from(r.output[k].data) : null;
  // The stamp of step k is what step k added to the canvas (engine numbers, not recomputed).
  const cur = k > 0 ? { i: Math.floor((k - 1) / n), j: (k - 1) % n } : null;
  const rect = cur ? stampRect(cur.i, cur.j, f, s) : null;
  const stamp = useMemo(() => {
    if (!r || !rect) return null;
    const a = r.full[k].data, b = r.full[k - 1].data;
    return Array.from({ length: f * f }, (_, q) => {
      const at = (rect.row + Math.floor(q / f)) * C + rect.col + (q % f);
      return a[at] - b[at];
    });
  }, [r, k, rect]);
  const scale = useMemo(() => divergingScale(Math.max(1, maxAbs(r ? r.full[n * n].data : [1])), palette), [r, palette]);
  const small = useMemo(() => divergingScale(Math.max(1, maxAbs(input), maxAbs(filter)), palette), [input, filter, palette]);
  const edit = (set: typeof setInput, cols: number) => (row: number, col: number, v: number) =>
    set((a) => a.map((x, q) => (q === row * cols + col ? v : x)));

  const canvasHighlights: GridHighlight[] = [
    { row: crop.before, col: crop.before, rows: OUT, cols: OUT, tone: 'muted', dashed: true },
    ...(rect ? [{ ...rect, tone: 'accent' as const }] : []),
  ];
  const outHighlights: GridHighlight[] = rect
    ? [{ row: rect.row - crop.before, col: rect.col - crop.before, rows: f, cols: f, tone: 'accent' }]
    : [];
  const rawRows = output ? Array.from({ length: OUT }, (_, q) => output.slice(q * OUT, q * OUT + OUT).join(' ')).join('/') : null;

  let hoverText = t.hoverHint;
  if (hover && output) {
    const terms = contributions(hover.row, hover.col, n, f, s, p).filter((q) => q.i * n + q.j < k);
    const v = output[hover.row * OUT + hover.col];
    hoverText = terms.length
      ? fmt(t.hover, { r: hover.row + 1, c: hover.col + 1, v: formatCell(v), terms: terms.map((q) => `${formatCell(input[q.i * n + q.j])}·${formatCell(filter[q.u * f + q.v])}`).join(' + ') })
      : fmt(t.hoverNone, { r: hover.row + 1, c: hover.col + 1 });
  }
  const narrative = k === 0 ? t.start : k === n * n ? `${stepLine()} ${t.done}` : stepLine();
  function stepLine() {
    if (!cur || !rect) return '';
    const x = formatCell(input[cur.i * n + cur.j]);
    return fmt(t.stepText, { k, i: cur.i + 1, j: cur.j + 1, x, r1: rect.row + 1, r2: rect.row + f, c1: rect.col + 1, c2: rect.col + f });
  }

  return (
    <div className="w-transposed-conv" ref={root}>
      <Card title={t.title}>
        <p className="tc-setup">{t.setup}</p>
        <div className="tc-row">
          <figure className="tc-fig">
            <figcaption>{t.input}</figcaption>
            <CellGrid name="input" rows={n} cols={n} values={input} label={t.input} color={small} editable onEdit={edit(setInput, n)}
              highlights={cur ? [{ row: cur.i, col: cur.j, rows: 1, cols: 1, tone: 'accent' }] : []} />
          </figure>
          <figure className="tc-fig">
            <figcaption>{t.filter}</figcaption>
            <CellGrid name="filter" rows={f} cols={f} values={filter} label={t.filter} color={small} editable onEdit={edit(setFilter, f)} />
          </figure>
          <figure className="tc-fig">
            <figcaption>{t.stamp}</figcaption>
            {stamp ? <CellGrid name="stamp" rows={f} cols={f} values={stamp} label={t.stamp} color={scale} /> : <p className="tc-none">{t.stampNone}</p>}
          </figure>
        </div>
        <StepControls anim={anim} keyScope={root} />
        <p className="tc-narrative" aria-live="polite">{narrative}</p>
        {job.error && <ErrorNote>{fmt(t.engineError, { msg: job.error })}</ErrorNote>}
        {!r && !job.error && <p className="tc-none">{t.computing}</p>}
        {canvas && output && (
          <div className="tc-row">
            <figure className="tc-fig">
              <figcaption>{t.canvas}</figcaption>
              <CellGrid name="canvas" rows={C} cols={C} values={canvas} label={t.canvas} color={scale} highlights={canvasHighlights}
                cellState={(rr, cc) => (rr < crop.before || cc < crop.before || rr >= C - crop.after || cc >= C - crop.after ? 'dim' : undefined)} />
            </figure>
            <div className="tc-arrow" aria-hidden="true">→</div>
            <figure className="tc-fig">
              <figcaption>{t.output}</figcaption>
              <CellGrid name="output" rows={OUT} cols={OUT} values={output} label={t.output} color={scale} highlights={outHighlights}
                onCellHover={setHover} />
              <p className="tc-hover" aria-live="polite">{hoverText}</p>
            </figure>
          </div>
        )}
        <div className="tc-metrics">
          <Metric name="output-size" value={`${OUT}x${OUT}`} label={t.outputSize}>{OUT}×{OUT}</Metric>
          <span className="tc-formula">{fmt(t.sizeFormula, { n: OUT })}</span>
          <Metric name="output" value={rawRows} className="tc-hidden-metric">{rawRows}</Metric>
        </div>
      </Card>
    </div>
  );
}
