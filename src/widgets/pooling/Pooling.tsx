// Pooling: max or average over f×f windows with stride s, stepped
// through on a 4×4 (or 6×6) input with 1–3 channels, each pooled separately. Values and
// max winners come from the engine (worker job pool2d); sizes from engine/shape.ts.
import { useMemo, useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import {
  Callout, Card, CellGrid, ErrorNote, Metric, NumberField, Select, StepControls, useAnimationStep, useAsync,
  useThemePalette, type GridHighlight,
} from '../../ui';
import { formatCell, rawShape, sequentialScale, tryWindowGeometry, windowAt } from '../../viz';
import { pool, winnerCell } from './compute';
import { packChannels, POOL_EXAMPLES, type PoolExample } from './examples';
import { poolingStrings } from './strings';
import type { PoolingParams } from './params';
import './style.css';

export default function Pooling({ params }: WidgetProps<PoolingParams>) {
  const t = useStrings(poolingStrings);
  const palette = useThemePalette();
  const root = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState(params.mode);
  const [f, setF] = useState<number | null>(params.f);
  const [s, setS] = useState<number | null>(params.s);
  const [example, setExample] = useState<PoolExample>('4x4');
  const [channels, setChannels] = useState(1);

  const { n, data } = useMemo(() => packChannels(example, channels), [example, channels]);
  const geo = f !== null && s !== null ? tryWindowGeometry(n, n, f, s, 0) : null;
  const g = geo?.ok ? geo.geom : null;
  const tooBig = f !== null && Number.isInteger(f) && f > n ? fmt(t.tooBig, { f, n }) : null;
  const res = useAsync(() => (g ? pool(data, n, channels, mode, g.f, g.s) : Promise.resolve(null)), [data, n, channels, mode, g?.f, g?.s]);
  const anim = useAnimationStep({ total: g ? g.steps : 0, intervalMs: 900 });
  const k = anim.k;
  const out = res.value && g && res.value.y.shape[1] === g.outH && res.value.y.shape[3] === channels ? res.value : null;
  const scale = useMemo(() => sequentialScale(0, 9, palette), [palette]);
  const current = g && k > 0 ? windowAt(g, k - 1) : null;

  const channelRows = [];
  for (let ch = 0; ch < channels; ch++) {
    const values = POOL_EXAMPLES[example].channels[ch].slice(0, n * n);
    const winners = new Set<string>();
    if (out?.argmax && g) for (let o = 0; o < Math.min(k, g.steps); o++) {
      const w = winnerCell(out.argmax, o * channels + ch, n, channels);
      winners.add(`${w.row},${w.col}`);
    }
    const highlights: GridHighlight[] = current ? [{ ...current.padded }] : g ? [{ ...windowAt(g, 0).padded, dashed: true }] : [];
    const outValues = g ? Array.from({ length: g.steps }, (_, o) => (out ? out.y.data[o * channels + ch] : 0)) : [];
    channelRows.push(
      <div className="pl-channel" key={ch}>
        <figure className="pl-figure">
          <figcaption>{fmt(t.input, { n, c: ch + 1 })}</figcaption>
          <CellGrid rows={n} cols={n} values={values} name={`input-${ch}`} label={fmt(t.input, { n, c: ch + 1 })} color={scale}
            highlights={highlights} cellState={(r, c) => (mode === 'max' && winners.has(`${r},${c}`) ? 'win' : undefined)} />
        </figure>
        <span className="pl-op" aria-hidden="true">→</span>
        {g && (
          <figure className="pl-figure">
            <figcaption>{fmt(t.output, { o: g.outH, c: ch + 1 })}</figcaption>
            <CellGrid rows={g.outH} cols={g.outW} values={outValues} name={`output-${ch}`} label={fmt(t.output, { o: g.outH, c: ch + 1 })}
              color={scale} cellState={(r, c) => (out && r * g.outW + c < k ? undefined : 'empty')}
              highlights={current ? [{ row: current.outRow, col: current.outCol, rows: 1, cols: 1 }] : []}
              onCellActivate={(cell) => anim.setK(cell.row * g.outW + cell.col + 1)} />
          </figure>
        )}
      </div>,
    );
  }

  let explain = null;
  if (g && current && out) {
    const vals: number[] = [];
    for (let dr = 0; dr < g.f; dr++) for (let dc = 0; dc < g.f; dc++) vals.push(POOL_EXAMPLES[example].channels[0][(current.padded.row + dr) * n + current.padded.col + dc]);
    const o = (k - 1) * channels;
    explain = (
      <p className="pl-explain">
        {fmt(t.current, { r: current.outRow, c: current.outCol })}{' '}
        <code>{mode}({vals.join(', ')}) = {formatCell(out.y.data[o], 3)}</code>
      </p>
    );
  }

  return (
    <div className="w-pooling" ref={root}>
      <Card title={t.title}>
        <div className="pl-controls">
          <Select<'max' | 'avg'> param="mode" label={t.mode} value={mode} options={[{ value: 'max', label: t.max }, { value: 'avg', label: t.avg }]} onChange={setMode} />
          <NumberField label={t.f} param="f" value={params.f} integer min={1} max={4} error={tooBig} onChange={(v) => setF(v)} />
          <NumberField label={t.s} param="s" value={params.s} integer min={1} max={4} onChange={(v) => setS(v)} />
          <Select<PoolExample> label={t.example} value={example} options={[{ value: '4x4', label: '4×4' }, { value: '6x6', label: '6×6' }]} onChange={setExample} />
          <Select label={t.channels} value={String(channels)} options={['1', '2', '3'].map((v) => ({ value: v, label: v }))} onChange={(v) => setChannels(Number(v))} />
        </div>
        <div className="pl-metrics">
          <Metric name="output-size" value={g ? rawShape([g.outH, g.outW]) : null} label={t.outputSize}>{g ? `${g.outH}×${g.outW}` : '—'}</Metric>
          <Metric name="output-shape" value={g ? rawShape([g.outH, g.outW, channels]) : null} label={t.outputShape}>{g ? `${g.outH}×${g.outW}×${channels}` : '—'}</Metric>
          <Metric name="param-count" value={0} label={t.params} />
        </div>
        {tooBig && <ErrorNote>{tooBig}</ErrorNote>}
        {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}
        {g && (
          <>
            <div className="pl-channels">{channelRows}</div>
            <StepControls anim={anim} keyScope={root} />
            {explain ?? <p className="pl-explain">{out ? t.startHint : t.computing}</p>}
            {mode === 'max' && <p className="pl-explain">{t.maxWin}</p>}
          </>
        )}
        <Callout kind="note">{t.noParams}</Callout>
        <Callout kind="tip">{fmt(t.perChannel, { c: channels })}</Callout>
      </Card>
    </div>
  );
}
