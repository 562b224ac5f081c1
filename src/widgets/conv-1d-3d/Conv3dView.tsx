// 3-D: a 14×14×14×1 scan and 16 filters of 5×5×5 → 10×10×10×16 from the engine's conv3d
// (worker). Sliders move the cube through depth, rows and columns; the five input slices it
// covers are drawn with the window, beside the output slice at that depth.
import { useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, ErrorNote, Metric, PixelGrid, Select, Slider, useAsync, useThemePalette } from '../../ui';
import { convOutputSize, convParamCountNd } from '../../engine/shape';
import { divergingScale, formatCell, formatCount, grayScale, maxAbs } from '../../viz';
import { FILTERS, pack3d, VOL_F, VOL_N, volumeSlice } from './view';
import { computeClient } from '../../worker/client';
import { convNdStrings } from './strings';

export function Conv3dView() {
  const t = useStrings(convNdStrings);
  const palette = useThemePalette();
  const n = convOutputSize(VOL_N, VOL_F, 0, 1); // 10
  const [k, setK] = useState(0);
  const [cube, setCube] = useState({ t: 8, i: 1, j: 8 }); // on the small blob: the detector fires
  const packed = useMemo(() => pack3d(), []);
  const res = useAsync(() => computeClient().request('conv3d', pack3d()), []);
  const y = res.value ?? null;
  const outSlice = useMemo(() => (y ? volumeSlice(y, cube.t, k) : new Float32Array(n * n)), [y, cube.t, k, n]);
  const outScale = useMemo(() => divergingScale(y ? maxAbs(y.data.filter((_, idx) => idx % FILTERS === k)) : 1, palette), [y, k, palette]);
  const gray = useMemo(() => grayScale(0, 1.6), []);
  const names = [t.filterBall, t.filterDepth, t.filterSide];
  const params = convParamCountNd([VOL_F, VOL_F, VOL_F], 1, FILTERS);
  const value = y ? outSlice[cube.i * n + cube.j] : null;
  const shape = [n, n, n, FILTERS];

  return (
    <div className="w-conv-nd">
      <Card title={t.title3d}>
        <div className="cn-controls">
          <Slider label={t.depth} value={cube.t + 1} min={1} max={n} onChange={(v) => setCube((c) => ({ ...c, t: v - 1 }))} />
          <Slider label={t.row} value={cube.i + 1} min={1} max={n} onChange={(v) => setCube((c) => ({ ...c, i: v - 1 }))} />
          <Slider label={t.col} value={cube.j + 1} min={1} max={n} onChange={(v) => setCube((c) => ({ ...c, j: v - 1 }))} />
          <Select label={t.filter} value={String(k)} options={Array.from({ length: FILTERS }, (_, i) => ({ value: String(i), label: names[i] ?? fmt(t.filterN, { k: i + 1 }) }))}
            onChange={(v) => setK(Number(v))} />
        </div>
        <div className="cn-metrics">
          <Metric name="output-shape" value={shape.join('x')} label={t.outputShape}>{shape.join('×')}</Metric>
          <Metric name="params" value={params} label={t.params}>{`5·5·5·1·16 + 16 = ${formatCount(params)}`}</Metric>
          <span className="cn-note">{fmt(t.perAxis, { n })}</span>
        </div>

        <div className="cn-ruler" role="img" aria-label={t.depthRuler}>
          {Array.from({ length: VOL_N }, (_, z) => (
            <span key={z} className={z >= cube.t && z < cube.t + VOL_F ? 'cn-tick cn-tick-on' : 'cn-tick'}>{z + 1}</span>
          ))}
        </div>
        <div className="cn-row">
          <figure className="cn-fig">
            <figcaption>{fmt(t.slices, { a: cube.t + 1, b: cube.t + VOL_F })}</figcaption>
            <div className="cn-slices">
              {Array.from({ length: VOL_F }, (_, a) => (
                <figure key={a} className="cn-slice">
                  <PixelGrid rows={VOL_N} cols={VOL_N} values={volumeSlice(packed.x, cube.t + a, 0)} widthEm={5.2} color={gray}
                    label={fmt(t.sliceN, { z: cube.t + a + 1 })} highlight={{ row: cube.i, col: cube.j, rows: VOL_F, cols: VOL_F }} />
                  <figcaption>{fmt(t.sliceN, { z: cube.t + a + 1 })}</figcaption>
                </figure>
              ))}
            </div>
          </figure>
          <span className="cn-arrow" aria-hidden="true">⟶</span>
          <figure className="cn-fig">
            <figcaption>{fmt(t.outSlice, { t: cube.t + 1 })}</figcaption>
            <PixelGrid rows={n} cols={n} values={outSlice} widthEm={8} color={outScale} name="out-slice" label={fmt(t.outSlice, { t: cube.t + 1 })}
              highlight={{ row: cube.i, col: cube.j, rows: 1, cols: 1 }} onPixelHover={(c) => c && setCube((o) => ({ ...o, i: c.row, j: c.col }))} />
            <Metric name="output-value" value={value} label={`${t.value} (${cube.t + 1}, ${cube.i + 1}, ${cube.j + 1})`}>{value === null ? '—' : formatCell(value, 3)}</Metric>
          </figure>
        </div>
        {!y && !res.error && <p className="cn-note">{t.computing}</p>}
        {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}
        <Callout kind="mistake" title={t.mistakeTitle}>{t.mistake}</Callout>
      </Card>
    </div>
  );
}
