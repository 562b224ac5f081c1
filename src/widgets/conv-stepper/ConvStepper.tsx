// Convolution stepper: an editable input and 3×3 filter; the window
// slides step by step, the nine products and their sum are shown, the output fills in.
// Output values come from the engine's conv2d in the worker (compute.ts); the products are
// the presentation of the current window. Hover/focus links output cells and input windows.
import { useMemo, useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import {
  Callout, Card, CellGrid, ErrorNote, Metric, NumberField, Select, StepControls, Toggle,
  useAnimationStep, useAsync, useThemePalette, type GridHighlight,
} from '../../ui';
import {
  divergingScale, FILTER_NAMES, FILTERS, flipKernel, IMAGE_NAMES, isFlipSymmetric, isPadding, maxAbs, outputsSeeing,
  rawShape, smallImage, stepOf, tryWindowGeometry, unreachedPadded, windowAt, windowProducts, type FilterName, type ImageName,
} from '../../viz';
import { crossCorrelate } from './compute';
import { ProductsView } from './ProductsView';
import { stepperStrings } from './strings';
import type { ConvStepperParams } from './params';
import './style.css';

const F = 3;
/** A sane range for a typed cell: small numbers keep every product readable and finite. */
const CELL_LIMIT = 1000;
type Cell = { row: number; col: number };

export default function ConvStepper({ params }: WidgetProps<ConvStepperParams>) {
  const t = useStrings(stepperStrings);
  const palette = useThemePalette();
  const root = useRef<HTMLDivElement>(null);
  const [imageName, setImageName] = useState<ImageName>(params.input);
  const [image, setImage] = useState(() => smallImage(params.input));
  const [filterName, setFilterName] = useState<FilterName | 'custom'>(params.filter);
  const [kernel, setKernel] = useState<number[]>(() => FILTERS[params.filter].slice());
  const [stride, setStride] = useState(params.stride);
  const [pad, setPad] = useState(params.pad);
  const [flip, setFlip] = useState(params.flip);
  const [hoverOut, setHoverOut] = useState<Cell | null>(null);
  const [hoverIn, setHoverIn] = useState<Cell | null>(null); // padded coordinates

  const geo = tryWindowGeometry(image.rows, image.cols, F, stride, pad);
  const g = geo.ok ? geo.geom : null;
  const flipped = useMemo(() => flipKernel(kernel, F), [kernel]);
  const conv = useAsync(
    () => crossCorrelate(image, flip ? [kernel, flipped] : [kernel], F, stride, pad),
    [image, kernel, flipped, stride, pad, flip],
  );
  const anim = useAnimationStep({ total: g ? g.steps : 0, intervalMs: 800 });
  const k = anim.k;
  // Only trust the engine's maps when they match the current geometry.
  const maps = conv.value && g && conv.value.outH === g.outH && conv.value.outW === g.outW ? conv.value.maps : undefined;

  const inputScale = useMemo(() => divergingScale(maxAbs(image.values), palette), [image, palette]);
  const kernelScale = useMemo(() => divergingScale(maxAbs(kernel), palette), [kernel, palette]);
  const outScale = useMemo(() => divergingScale(Math.max(maxAbs(maps?.[0] ?? []), maxAbs(maps?.[1] ?? [])), palette), [maps, palette]);

  const padded = useMemo(() => {
    if (!g) return [];
    const v: number[] = [];
    for (let r = 0; r < g.paddedH; r++)
      for (let c = 0; c < g.paddedW; c++) v.push(isPadding(g, r, c) ? 0 : image.values[(r - g.pad.top) * image.cols + (c - g.pad.left)]);
    return v;
  }, [g?.paddedH, g?.paddedW, g?.pad.top, g?.pad.left, image]); // eslint-disable-line react-hooks/exhaustive-deps -- g is a new object each render; its sizes are the real inputs

  const current = g && k > 0 ? windowAt(g, k - 1) : null;
  const products = g && k > 0 ? windowProducts(g, image.values, kernel, k - 1) : null;
  const engineValue = maps && k > 0 ? maps[0][k - 1] : undefined;
  const unreached = g ? unreachedPadded(g) : { rows: [], cols: [] };

  const inputHighlights: GridHighlight[] = [];
  if (g) {
    if (current) inputHighlights.push({ ...current.padded, tone: 'accent' });
    else inputHighlights.push({ ...windowAt(g, 0).padded, tone: 'accent', dashed: true });
    if (hoverOut) inputHighlights.push({ ...windowAt(g, stepOf(g, hoverOut.row, hoverOut.col)).padded, tone: 'pos', dashed: true });
  }
  const outHighlights: GridHighlight[] = [];
  if (current) outHighlights.push({ row: current.outRow, col: current.outCol, rows: 1, cols: 1, tone: 'accent' });
  if (hoverOut) outHighlights.push({ ...hoverOut, rows: 1, cols: 1, tone: 'pos', dashed: true });
  if (g && hoverIn) for (const o of outputsSeeing(g, hoverIn.row - g.pad.top, hoverIn.col - g.pad.left)) outHighlights.push({ ...o, rows: 1, cols: 1, tone: 'pos', dashed: true });

  const outState = (r: number, c: number) => (g && r * g.outW + c < k && maps ? undefined : 'empty' as const);

  const cellRange = (v: number) => (Math.abs(v) <= CELL_LIMIT ? null : fmt(t.cellRange, { v }));
  const editKernel = (r: number, c: number, v: number) => {
    const next = kernel.slice();
    next[r * F + c] = v;
    setKernel(next);
    setFilterName('custom');
  };
  const editInput = (r: number, c: number, v: number) => {
    if (!g || isPadding(g, r, c)) return;
    const values = image.values.slice();
    values[(r - g.pad.top) * image.cols + (c - g.pad.left)] = v;
    setImage({ ...image, values });
  };

  const outputGrid = (map: Float32Array | undefined, name: string, caption: string) =>
    g && (
      <figure className="cs-figure">
        <figcaption>{caption}</figcaption>
        <CellGrid rows={g.outH} cols={g.outW} values={map ?? new Float32Array(g.steps)} name={name} label={caption}
          color={outScale} cellState={outState} highlights={outHighlights}
          onCellHover={(cell) => { setHoverOut(cell); setHoverIn(null); }}
          onCellActivate={(cell) => anim.setK(stepOf(g, cell.row, cell.col) + 1)} />
      </figure>
    );

  return (
    <div className="w-conv-stepper" ref={root}>
      <Card title={t.title}>
        <div className="cs-controls">
          <Select param="input" label={t.image} value={imageName}
            options={IMAGE_NAMES.map((n) => ({ value: n, label: t[`img.${n}`] }))}
            onChange={(n) => { setImageName(n); setImage(smallImage(n)); }} />
          <Select<FilterName | 'custom'> param="filter" label={t.filter} value={filterName}
            options={[...FILTER_NAMES.map((n) => ({ value: n as FilterName | 'custom', label: t[`f.${n}`] })), { value: 'custom', label: t['f.custom'] }]}
            onChange={(n) => { setFilterName(n); if (n !== 'custom') setKernel(FILTERS[n].slice()); }} />
          <NumberField label={t.stride} value={stride} integer min={1} max={4} param="stride"
            onChange={(v) => v !== null && Number.isInteger(v) && v >= 1 && v <= 4 && setStride(v)} />
          <NumberField label={t.pad} value={pad} integer min={0} max={3} param="pad"
            onChange={(v) => v !== null && Number.isInteger(v) && v >= 0 && v <= 3 && setPad(v)} />
          <Toggle param="flip" label={t.flip} checked={flip} onChange={setFlip} />
        </div>

        {!geo.ok && <ErrorNote>{geo.error}</ErrorNote>}
        {g && (
          <>
            <div className="cs-grids">
              <figure className="cs-figure">
                <figcaption>{g.paddedH === g.h && g.paddedW === g.w ? fmt(t.input, { h: g.h, w: g.w }) : fmt(t.paddedInput, { h: g.h, w: g.w, ph: g.paddedH, pw: g.paddedW })}</figcaption>
                <CellGrid rows={g.paddedH} cols={g.paddedW} values={padded} name="input" label={t.image} editable onEdit={editInput} validate={cellRange}
                  color={inputScale} highlights={inputHighlights}
                  cellState={(r, c) => (isPadding(g, r, c) ? 'pad' : unreached.rows.includes(r) || unreached.cols.includes(c) ? 'dim' : undefined)}
                  onCellHover={(cell) => { setHoverIn(cell); setHoverOut(null); }} />
              </figure>
              <span className="cs-op" aria-hidden="true">∗</span>
              <figure className="cs-figure">
                <figcaption>{t.kernel}</figcaption>
                <CellGrid rows={F} cols={F} values={kernel} name="filter" label={t.filter} editable onEdit={editKernel} validate={cellRange} color={kernelScale} />
              </figure>
              {flip && (
                <figure className="cs-figure">
                  <figcaption>{t.flipped}</figcaption>
                  <CellGrid rows={F} cols={F} values={flipped} name="filter-flipped" label={t.flipped} color={kernelScale} />
                </figure>
              )}
              <span className="cs-op" aria-hidden="true">=</span>
              {outputGrid(maps?.[0], 'output', fmt(t.output, { oh: g.outH, ow: g.outW }))}
              {flip && outputGrid(maps?.[1], 'output-true', t.outputTrue)}
            </div>

            <StepControls anim={anim} keyScope={root} />
            <div className="cs-metrics">
              <Metric name="output-size" value={rawShape([g.outH, g.outW])} label={t.outputSize}>{`${g.outH}×${g.outW}`}</Metric>
              <Metric name="output-cell" value={engineValue ?? null} label={t.cellValue} />
            </div>
            {conv.error && <ErrorNote>{fmt(t.engineError, { msg: conv.error })}</ErrorNote>}
            {!maps && !conv.error && <p className="cs-hint">{t.computing}</p>}
            {products && current ? (
              <>
                <p className="cs-hint">{fmt(t.windowAt, { r: current.outRow, c: current.outCol, pr: current.padded.row, pc: current.padded.col })}</p>
                <ProductsView products={products} f={F} engineValue={engineValue} />
              </>
            ) : (
              <p className="cs-hint">{t.startHint}</p>
            )}
            <p className="cs-hint">{t.hoverHint}</p>
            {flip && (
              <Callout kind="note">
                {t.differ} {isFlipSymmetric(kernel, F) ? t.same : t.notSame}
              </Callout>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
