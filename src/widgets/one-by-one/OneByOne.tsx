// §16: a 6×6×32 volume and n filters of 1×1×32. Pick a pixel: its fibre of 32 channel values
// times the filter's 32 weights, summed, plus the bias, then ReLU — one number per pixel per
// filter, so the output is 6×6×n. z and a come from the engine (worker job 'conv-layer', f = 1);
// the 32 products are the presentation of that one sum. Below: the 28×28×192 → 28×28×32 shrink.
import { useMemo, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, CellGrid, ErrorNote, Formula, Metric, PixelGrid, Select, Slider, useAsync, useThemePalette } from '../../ui';
import { convMultiplyCount, convOutputSize, convParamCount } from '../../engine/shape';
import { divergingScale, formatCell, formatCount, formatShape, maxAbs, rawShape } from '../../viz';
import { channelMap, OBO_C, OBO_MAX_FILTERS, OBO_N, oboBias, oboFibre, oboFilter, oboInput, packOneByOne } from './view';
import { computeClient } from '../../worker/client';
import { VolumeGlyph } from '../shared/VolumeGlyph';
import { oneByOneStrings } from './strings';
import type { OneByOneParams } from './params';
import './style.css';

const ROWS = 4; // the fibre of 32 values drawn as 4 rows of 8
const COLS = OBO_C / ROWS;

function layer(filters: number) {
  return computeClient().request('conv-layer', { ...packOneByOne(filters), stride: 1, pad: 0 }).then((r) => ({ ...r, filters }));
}

export default function OneByOne(_: WidgetProps<OneByOneParams>) {
  const t = useStrings(oneByOneStrings);
  const palette = useThemePalette();
  const [filters, setFilters] = useState(1);
  const [sel, setSel] = useState(0);
  const [px, setPx] = useState({ row: 2, col: 3 });
  const k = Math.min(sel, filters - 1);
  const out = convOutputSize(OBO_N, 1, 0, 1); // 6
  const res = useAsync(() => layer(filters), [filters]);
  const r = res.value && res.value.filters === filters ? res.value : null;

  const channel0 = useMemo(() => Array.from({ length: OBO_N * OBO_N }, (_, i) => oboInput(Math.floor(i / OBO_N), i % OBO_N, 0)), []);
  const fibre = oboFibre(px.row, px.col);
  const w = oboFilter(k);
  const prods = fibre.map((x, i) => x * w[i]);
  const sum = prods.reduce((a, b) => a + b, 0);
  const b = oboBias(k);
  const o = (px.row * OBO_N + px.col) * filters + k;
  const maps = useMemo(() => (r ? Array.from({ length: filters }, (_, f) => channelMap(r.a.data, out * out, filters, f)) : []), [r, filters, out]);
  const inScale = useMemo(() => divergingScale(3, palette), [palette]);
  const wScale = useMemo(() => divergingScale(1.5, palette), [palette]);
  const pScale = useMemo(() => divergingScale(3, palette), [palette]);
  const outScale = useMemo(() => divergingScale(Math.max(1, ...maps.map((m) => maxAbs(m))), palette), [maps, palette]);
  const params = convParamCount(1, OBO_C, filters);
  const shrink = { params: convParamCount(1, 192, 32), mult: convMultiplyCount(28, 28, 32, 1, 192), out: convOutputSize(28, 1, 0, 1) };

  return (
    <div className="w-one-by-one">
      <Card title={t.title}>
        <div className="obo-controls">
          <Slider label={t.filters} value={filters} min={1} max={OBO_MAX_FILTERS} onChange={setFilters} />
          <Select label={t.inspect} value={String(k)} options={Array.from({ length: filters }, (_, i) => ({ value: String(i), label: fmt(t.filterN, { k: i + 1 }) }))}
            onChange={(v) => setSel(Number(v))} />
        </div>
        <div className="obo-metrics">
          <Metric name="output-shape" value={rawShape([out, out, filters])} label={t.outputShape}>{formatShape([out, out, filters])}</Metric>
          <Metric name="param-count" value={params} label={t.params}>{formatCount(params)}</Metric>
          <Metric name="multiply-count" value={convMultiplyCount(out, out, filters, 1, OBO_C)} label={t.multiplies}>{formatCount(convMultiplyCount(out, out, filters, 1, OBO_C))}</Metric>
        </div>
        <Formula display tex={`6\\times 6\\times 32 \\;*\\; \\underbrace{1\\times 1\\times 32}_{\\times ${filters}} \\;\\longrightarrow\\; 6\\times 6\\times \\mathbf{${filters}}, \\qquad (1\\cdot 1\\cdot 32+1)\\cdot ${filters} = ${params}`} />

        <div className="obo-row">
          <figure className="obo-fig">
            <figcaption>{t.input}</figcaption>
            <div className="obo-stack">
              <CellGrid rows={OBO_N} cols={OBO_N} values={channel0} cellEm={1.7} name="input" label={t.inputGrid} color={inScale}
                highlights={[{ row: px.row, col: px.col, rows: 1, cols: 1 }]} onCellActivate={setPx} />
            </div>
            <span className="obo-behind">{t.behind}</span>
          </figure>
          <div className="obo-fibre">
            <p className="obo-pixel">{fmt(t.pixel, { r: px.row + 1, c: px.col + 1 })}</p>
            <div className="obo-strips">
              <figure className="obo-fig">
                <figcaption>{t.fibre}</figcaption>
                <CellGrid rows={ROWS} cols={COLS} values={fibre} cellEm={1.45} name="fibre" label={t.fibre} color={inScale} />
              </figure>
              <span className="obo-op" aria-hidden="true">⊙</span>
              <figure className="obo-fig">
                <figcaption>{fmt(t.weights, { k: k + 1 })}</figcaption>
                <CellGrid rows={ROWS} cols={COLS} values={w} cellEm={1.45} name="weights" label={fmt(t.weights, { k: k + 1 })} color={wScale} />
              </figure>
              <span className="obo-op" aria-hidden="true">=</span>
              <figure className="obo-fig">
                <figcaption>{t.products}</figcaption>
                <CellGrid rows={ROWS} cols={COLS} values={prods} cellEm={1.45} name="products" label={t.products} color={pScale} />
              </figure>
            </div>
          </div>
        </div>
        <Formula display tex={`z = \\sum_{c=1}^{32} x_c\\, w_c + b = ${formatCell(sum)} ${b < 0 ? '-' : '+'} ${Math.abs(b)} = ${formatCell(sum + b)}, \\qquad a = \\max(0, z) = ${formatCell(Math.max(0, sum + b))}`} />
        {r ? (
          <p className="obo-engine" data-metric="pixel-z" data-value={String(r.z.data[o])}>
            {fmt(t.engine, { z: formatCell(r.z.data[o]), a: formatCell(r.a.data[o]) })}
          </p>
        ) : (
          !res.error && <p className="obo-engine">{t.computing}</p>
        )}
        {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}

        {r && (
          <div className="obo-row">
            <figure className="obo-fig">
              <figcaption>{fmt(t.outStack, { n: filters })}</figcaption>
              <div className="obo-maps" style={{ width: `${4.6 + 0.35 * (filters - 1)}em`, height: `${4.6 + 0.35 * (filters - 1)}em` }}>
                {maps.map((m, f) => (
                  <button key={f} type="button" className={`obo-map${f === k ? ' obo-map-sel' : ''}`} aria-pressed={f === k}
                    aria-label={fmt(t.filterN, { k: f + 1 })} onClick={() => setSel(f)}
                    style={{ left: `${0.35 * f}em`, top: `${0.35 * (filters - 1 - f)}em`, zIndex: f === k ? filters + 1 : f }}>
                    <PixelGrid rows={out} cols={out} values={m} widthEm={4.2} color={outScale} label={fmt(t.outMap, { k: f + 1 })} />
                  </button>
                ))}
              </div>
            </figure>
            <figure className="obo-fig">
              <figcaption>{fmt(t.outMap, { k: k + 1 })}</figcaption>
              <CellGrid rows={out} cols={out} values={maps[k]} cellEm={1.7} name="output" label={fmt(t.outMap, { k: k + 1 })} color={outScale}
                highlights={[{ row: px.row, col: px.col, rows: 1, cols: 1 }]} onCellActivate={setPx} />
            </figure>
          </div>
        )}
        <Callout kind="mistake" title={t.mistakeTitle}>{t.mistake}</Callout>

        <h4 className="obo-sub">{t.shrinkTitle}</h4>
        <div className="obo-shrink">
          <VolumeGlyph shape={[28, 28, 192]} tone="in" em={4} />
          <span className="obo-arrow" aria-hidden="true">⟶</span>
          <VolumeGlyph shape={[shrink.out, shrink.out, 32]} tone="out" em={4} />
          <div className="obo-shrink-metrics">
            <Metric name="shrink-param-count" value={shrink.params} label={t.params}>{formatCount(shrink.params)}</Metric>
            <Formula tex={`(192 + 1)\\cdot 32 = ${formatCount(shrink.params).replace(/,/g, '{,}')}`} />
            <Metric name="shrink-multiply-count" value={shrink.mult} label={t.multiplies}>{formatCount(shrink.mult)}</Metric>
            <Formula tex={`(28\\cdot 28\\cdot 32)\\cdot 192 = ${formatCount(shrink.mult).replace(/,/g, '{,}')}`} />
          </div>
        </div>
        <p className="obo-note">{t.shrinkNote}</p>
      </Card>
    </div>
  );
}
