// Convolution over volumes: a 6×6×C input and F filters of 3×3×C.
// For the current window: the per-channel sums of products, their total, plus the bias (z),
// then ReLU (a). The F output maps stack into the output's depth. z and a come from the
// engine (worker job 'conv-layer'); the per-channel sums are the presentation of one window.
import { useMemo, useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import {
  Callout, Card, CellGrid, ErrorNote, Formula, Metric, NumberField, PixelGrid, Select, StepControls,
  useAnimationStep, useAsync, useThemePalette,
} from '../../ui';
import { convOutputSize, convParamCount } from '../../engine/shape';
import { divergingScale, formatCell, formatCount, maxAbs, rawShape, windowAt, windowGeometry, windowProducts } from '../../viz';
import { convLayerOnEngine } from './compute';
import { bias, F, filterSlice, inputChannel, N } from './volume';
import { volumeStrings } from './strings';
import type { ConvVolumeParams } from './params';
import './style.css';

const NAMES = ['R', 'G', 'B', '4'];
const ok = (v: number | null, lo: number, hi: number): v is number => v !== null && Number.isInteger(v) && v >= lo && v <= hi;

export default function ConvVolume({ params }: WidgetProps<ConvVolumeParams>) {
  const t = useStrings(volumeStrings);
  const palette = useThemePalette();
  const root = useRef<HTMLDivElement>(null);
  const [channels, setChannels] = useState(params.channels);
  const [filters, setFilters] = useState(params.filters);
  const [sel, setSel] = useState(0);
  const k = Math.min(sel, filters - 1);
  const g = useMemo(() => windowGeometry(N, N, F, 1, 0), []);
  const out = convOutputSize(N, F, 0, 1); // 4
  const res = useAsync(() => convLayerOnEngine(channels, filters), [channels, filters]);
  const r = res.value && res.value.channels === channels && res.value.filters === filters ? res.value : null;
  const anim = useAnimationStep({ total: g.steps, intervalMs: 900 });
  const step = anim.k;
  const current = step > 0 ? windowAt(g, step - 1) : null;
  const inputs = useMemo(() => Array.from({ length: channels }, (_, ch) => inputChannel(ch)), [channels]);
  const inScale = useMemo(() => divergingScale(3, palette), [palette]);
  const wScale = useMemo(() => divergingScale(4, palette), [palette]);
  const maps = useMemo(
    () => (r ? Array.from({ length: filters }, (_, f) => Float32Array.from({ length: out * out }, (_, i) => r.a.data[i * filters + f])) : []),
    [r, filters, out],
  );
  const outScale = useMemo(() => divergingScale(Math.max(1, ...maps.map((m) => maxAbs(m))), palette), [maps, palette]);
  const params_ = convParamCount(F, channels, filters);
  const highlight = current ? [{ ...current.padded }] : [{ ...windowAt(g, 0).padded, dashed: true }];

  let arithmetic = null;
  if (current) {
    const sums = inputs.map((x, ch) => windowProducts(g, x, filterSlice(k, ch), step - 1).sum);
    const total = sums.reduce((a, b) => a + b, 0);
    const z = total + bias(k);
    const o = (step - 1) * filters + k;
    arithmetic = (
      <div className="cv-arith">
        <p>{fmt(t.at, { r: current.outRow, c: current.outCol })}</p>
        <Formula display tex={`z = ${sums.map((s, ch) => `\\underbrace{${formatCell(s)}}_{${NAMES[ch]}}`).join(' + ')} ${bias(k) < 0 ? '-' : '+'} \\underbrace{${Math.abs(bias(k))}}_{b} = ${formatCell(z)}, \\quad a = \\max(0, z) = ${formatCell(Math.max(0, z))}`} />
        {r && <p className="cv-engine" data-metric="cell-z" data-value={String(r.z.data[o])}>{fmt(t.engine, { z: formatCell(r.z.data[o]), a: formatCell(r.a.data[o]) })}</p>}
      </div>
    );
  }

  return (
    <div className="w-conv-volume" ref={root}>
      <Card title={t.title}>
        <div className="cv-controls">
          <NumberField label={t.channels} param="channels" value={params.channels} integer min={1} max={4} onChange={(v) => ok(v, 1, 4) && setChannels(v)} />
          <NumberField label={t.filters} param="filters" value={params.filters} integer min={1} max={16} onChange={(v) => ok(v, 1, 16) && setFilters(v)} />
          <Select label={t.inspect} value={String(k)} options={Array.from({ length: filters }, (_, i) => ({ value: String(i), label: fmt(t.filterN, { k: i + 1 }) }))}
            onChange={(v) => setSel(Number(v))} />
        </div>
        <div className="cv-metrics">
          <Metric name="param-count" value={params_} label={t.params}>{formatCount(params_)}</Metric>
          <Metric name="output-shape" value={rawShape([out, out, filters])} label={t.outputShape}>{`${out}×${out}×${filters}`}</Metric>
        </div>
        <Formula display tex={`(f\\cdot f\\cdot n_C^{[l-1]} + 1)\\cdot n_C^{[l]} = (3\\cdot 3\\cdot ${channels} + 1)\\cdot ${filters} = ${params_}`} />

        <div className="cv-row">
          <span className="cv-label">{fmt(t.inputVolume, { c: channels })}</span>
          {inputs.map((x, ch) => (
            <figure key={ch} className="cv-fig">
              <figcaption>{fmt(t.channelName, { name: NAMES[ch] })}</figcaption>
              <CellGrid rows={N} cols={N} values={x} cellEm={1.6} name={`input-${ch}`} label={fmt(t.channelName, { name: NAMES[ch] })} color={inScale} highlights={highlight} />
            </figure>
          ))}
        </div>
        <div className="cv-row">
          <span className="cv-label">{fmt(t.filterVolume, { k: k + 1, c: channels, b: bias(k) })}</span>
          {inputs.map((_, ch) => (
            <figure key={ch} className="cv-fig">
              <figcaption>{NAMES[ch]}</figcaption>
              <CellGrid rows={F} cols={F} values={filterSlice(k, ch)} cellEm={1.6} name={`filter-${ch}`} label={`${fmt(t.filterN, { k: k + 1 })} ${NAMES[ch]}`} color={wScale} />
            </figure>
          ))}
        </div>

        <StepControls anim={anim} keyScope={root} />
        {arithmetic ?? <p className="cv-hint">{r ? t.startHint : t.computing}</p>}
        {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}

        {r && (
          <div className="cv-row">
            <figure className="cv-fig">
              <figcaption>{fmt(t.outputStack, { f: filters })}</figcaption>
              <div className="cv-stack" style={{ width: `${5 + 0.7 * (filters - 1)}em`, height: `${5 + 0.7 * (filters - 1)}em` }}>
                {maps.map((m, f) => (
                  <button key={f} type="button" className={`cv-layer${f === k ? ' cv-layer-sel' : ''}`} aria-pressed={f === k}
                    aria-label={fmt(t.filterN, { k: f + 1 })} onClick={() => setSel(f)}
                    style={{ left: `${0.7 * f}em`, top: `${0.7 * (filters - 1 - f)}em`, zIndex: f === k ? filters + 1 : f }}>
                    <PixelGrid rows={out} cols={out} values={m} widthEm={4.6} color={outScale} label={fmt(t.outputMap, { k: f + 1 })} />
                  </button>
                ))}
              </div>
            </figure>
            <figure className="cv-fig">
              <figcaption>{fmt(t.outputMap, { k: k + 1 })}</figcaption>
              <CellGrid rows={out} cols={out} values={maps[k]} name="output" label={fmt(t.outputMap, { k: k + 1 })} color={outScale}
                cellState={(rr, cc) => (rr * out + cc < step ? undefined : 'empty')}
                highlights={current ? [{ row: current.outRow, col: current.outCol, rows: 1, cols: 1 }] : []} />
            </figure>
          </div>
        )}
        <Callout kind="note">{fmt(t.paramsNote, { f: filters })}</Callout>
      </Card>
    </div>
  );
}
