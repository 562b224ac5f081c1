// Lesson 26: classic sliding windows. A 14×14 window steps over the image with a chosen stride;
// each position is one crop, one forward pass. Counts, coverage and the overlap follow the stride.
import { useRef, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Metric, Select, StepControls, useAnimationStep } from '../../ui';
import { windowAt } from '../../viz/window';
import { coveredPixels, sharedColumns, swGeometry, SW_WINDOW } from './view';
import { ImageView, type DrawnWindow } from './ImageView';
import { slidingWindowsStrings } from './strings';

const STRIDES = ['1', '2', '3', '4'] as const;

export function CropsMode({ n, image }: { n: number; image: Float32Array | null }) {
  const t = useStrings(slidingWindowsStrings);
  const root = useRef<HTMLDivElement>(null);
  const [stride, setStride] = useState(2);
  const g = swGeometry(n, stride);
  const anim = useAnimationStep({ total: g.steps, intervalMs: 900 });
  const k = anim.k;
  const windows: DrawnWindow[] = [];
  for (let q = 0; q < k - 1; q++) windows.push({ rect: windowAt(g, q).padded, kind: 'visited' });
  if (k > 0) {
    const cur = windowAt(g, k - 1).padded;
    if (k > 1) {
      // the part the current window shares with the previous one: computed twice
      const prev = windowAt(g, k - 2).padded;
      const r0 = Math.max(cur.row, prev.row), c0 = Math.max(cur.col, prev.col);
      const r1 = Math.min(cur.row + cur.rows, prev.row + prev.rows), c1 = Math.min(cur.col + cur.cols, prev.col + prev.cols);
      if (r1 > r0 && c1 > c0) windows.push({ rect: { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 }, kind: 'shared' });
    }
    windows.push({ rect: cur, kind: 'current' });
  }
  const covered = coveredPixels(g);
  const missed = n - ((g.outW - 1) * g.s + g.f);
  const cur = k > 0 ? windowAt(g, k - 1).padded : null;
  const pct = Math.round((1000 * covered) / (n * n)) / 10;

  return (
    <div className="w-sliding-windows" ref={root}>
      <Card title={fmt(t.titleCrops, { n })}>
        <div className="sw-controls">
          <Select label={t.stride} value={String(stride)} options={STRIDES.map((v) => ({ value: v, label: v }))}
            onChange={(v) => { setStride(Number(v)); anim.reset(); }} />
        </div>
        <div className="sw-main">
          <figure className="sw-figure">
            <ImageView n={n} image={image} windows={windows} label={fmt(t.image, { n })} />
          </figure>
          <div className="sw-side">
            <StepControls anim={anim} keyScope={root} />
            <p className="sw-narrative" aria-live="polite">
              {cur ? fmt(t.stepText, { k, total: g.steps, r1: cur.row + 1, r2: cur.row + SW_WINDOW, c1: cur.col + 1, c2: cur.col + SW_WINDOW }) : t.startText}
            </p>
            <div className="sw-metrics">
              <Metric name="windows" value={`${g.outH}x${g.outW}`} label={t.windows} className="sw-big">{g.outH}×{g.outW}</Metric>
              <Metric name="crops" value={g.steps} label={t.crops} className="sw-big" />
            </div>
            <div className="sw-metrics">
              <Metric name="crops-done" value={k} label={t.done} />
              <Metric name="coverage" value={covered / (n * n)} label={t.coverage}>{fmt(t.pixels, { v: pct })}</Metric>
              <Metric name="shared-columns" value={sharedColumns(g)} label={t.shared} />
            </div>
            {sharedColumns(g) > 0 && <Callout kind="note">{fmt(t.sharedNote, { c: sharedColumns(g) })}</Callout>}
            {missed > 0 && <Callout kind="mistake">{fmt(t.missed, { s: stride, m: missed })}</Callout>}
          </div>
        </div>
      </Card>
    </div>
  );
}
