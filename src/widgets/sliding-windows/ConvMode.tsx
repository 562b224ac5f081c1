// Lesson 27: the convolutional implementation. The converted net runs once on the whole image
// (engine, in the worker); each output cell is the prediction for one 14×14 window at stride 2.
// Pick a cell (pointer, touch, keyboard or the step controls) to see its window, and compare
// the one-pass numbers with the net run on that crop alone.
import { useMemo, useRef } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Card, CellGrid, Metric, StepControls, useAnimationStep, useThemePalette } from '../../ui';
import { formatCell, sequentialScale } from '../../viz';
import { windowAt } from '../../viz/window';
import { netShapes, swGeometry, SW_NET_STRIDE, SW_WINDOW } from './view';
import type { SlidingWindowsResult } from './job/net';
import { ImageView, type DrawnWindow } from './ImageView';
import { slidingWindowsStrings } from './strings';

const CAR = 1;

export function ConvMode({ n, result }: { n: number; result: SlidingWindowsResult | null }) {
  const t = useStrings(slidingWindowsStrings);
  const root = useRef<HTMLDivElement>(null);
  const palette = useThemePalette();
  const g = swGeometry(n, SW_NET_STRIDE);
  const m = g.outH;
  const anim = useAnimationStep({ total: g.steps, intervalMs: 700, initial: 1 });
  const k = anim.k;
  const sel = k > 0 ? { r: Math.floor((k - 1) / m), c: (k - 1) % m } : null;
  const layers = netShapes(n);
  const out = layers[layers.length - 1].shape;
  const pCar = useMemo(() => (result ? Array.from({ length: m * m }, (_, q) => result.output.data[q * 4 + CAR]) : new Array<number>(m * m).fill(0)), [result, m]);
  const scale = useMemo(() => sequentialScale(0, 1, palette), [palette]);
  const windows: DrawnWindow[] = [];
  if (sel) {
    const cur = windowAt(g, k - 1).padded;
    if (sel.c + 1 < m) {
      const next = windowAt(g, k).padded; // the right neighbour: shares 12 of 14 columns
      windows.push({ rect: { row: cur.row, col: next.col, rows: cur.rows, cols: cur.col + cur.cols - next.col }, kind: 'shared' });
    }
    windows.push({ rect: cur, kind: 'current' });
  }
  const classes = t.classes.split('|');
  const cell = sel ? (sel.r * m + sel.c) * 4 : 0;

  return (
    <div className="w-sliding-windows" ref={root}>
      <Card title={fmt(t.titleConv, { n })}>
        <div className="sw-main">
          <figure className="sw-figure">
            <ImageView n={n} image={result?.image ?? null} windows={windows} label={fmt(t.image, { n })} />
            <p className="sw-hint">{t.stride2}</p>
          </figure>
          <div className="sw-side">
            <h4>{fmt(t.net, { n })}</h4>
            <ol className="sw-layers">
              {layers.map((l) => (
                <li key={l.name}>{t[`layer.${l.name}` as 'layer.input']}: <b>{l.shape.join('×')}</b></li>
              ))}
            </ol>
            <div className="sw-metrics">
              <Metric name="output-shape" value={out.join('x')} label={t.outputShape} className="sw-big">{out.join('×')}</Metric>
              <Metric name="windows" value={`${m}x${m}`} label={t.windows}>{m}×{m}</Metric>
            </div>
            <figure className="sw-out-fig">
              <figcaption>{fmt(t.outputGrid, { m })}</figcaption>
              <CellGrid name="output" rows={m} cols={m} values={pCar} label={fmt(t.outputGrid, { m })} color={scale}
                format={(v) => formatCell(v, 2)} cellEm={m > 4 ? 1.9 : 2.4} cellState={() => (result ? undefined : 'empty')}
                highlights={sel ? [{ row: sel.r, col: sel.c, rows: 1, cols: 1, tone: 'accent' }] : []}
                onCellHover={(q) => q && anim.setK(q.row * m + q.col + 1)} onCellActivate={(q) => anim.setK(q.row * m + q.col + 1)} />
            </figure>
            <StepControls anim={anim} keyScope={root} />
            <p className="sw-narrative" aria-live="polite">
              {sel ? fmt(t.cellText, { r: sel.r + 1, c: sel.c + 1, r1: sel.r * 2 + 1, r2: sel.r * 2 + SW_WINDOW, c1: sel.c * 2 + 1, c2: sel.c * 2 + SW_WINDOW }) : t.pick}
            </p>
            {sel && <Metric name="window" value={`${sel.r * 2 + 1}-${sel.r * 2 + SW_WINDOW},${sel.c * 2 + 1}-${sel.c * 2 + SW_WINDOW}`} className="sw-hidden" />}
            {result && sel && (
              <table className="sw-table">
                <caption>{fmt(t.compare, { r: sel.r + 1, c: sel.c + 1 })}</caption>
                <thead><tr><th scope="col">{t.klass}</th><th scope="col">{t.onePass}</th><th scope="col">{t.cropAlone}</th></tr></thead>
                <tbody>
                  {classes.map((name, q) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{result.output.data[cell + q].toFixed(4)}</td>
                      <td>{result.crops[cell + q].toFixed(4)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {result && (
              <div className="sw-metrics">
                <Metric name="max-diff" value={result.maxDiff} label={fmt(t.maxDiff, { cells: m * m })}>{result.maxDiff.toExponential(1)}</Metric>
              </div>
            )}
            <p className="sw-hint">{t.untrained}</p>
          </div>
        </div>
      </Card>
    </div>
  );
}
