// One output unit of the §11 layer and the inputs it depends on: a 5×5×3 window for the conv
// layer (sparsity, and the same 456 parameters everywhere: sharing) vs all 3,072 inputs for a
// dense layer. The counts come from engine/shape.ts.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Metric, PixelGrid, useThemePalette } from '../../ui';
import { computeClient } from '../../worker/client';
import { divergingScale, maxAbs } from '../../viz/colors';
import { fmt, useStrings } from '../../ui/i18n';
import { convOutputSize, convParamCount, denseParamCount } from '../../engine/shape';
import { formatCount } from '../../viz/format';
import { drawPicture } from '../../data/pictures';
import { windowGeometry, inputWindowOf } from '../../viz/window';
import { whyConvStrings } from './strings';
import './why-convolutions.css';

const N = 32, C = 3, F = 5, K = 6;

export default function WhyConvolutions() {
  const t = useStrings(whyConvStrings);
  const [mode, setMode] = useState<'conv' | 'dense'>('conv');
  const [unit, setUnit] = useState({ row: 10, col: 12 });

  const out = convOutputSize(N, F, 0, 1); // 28
  const nIn = N * N * C; // 3072
  const nOut = out * out * K; // 4704
  const dense = denseParamCount(nIn, nOut, false); // 14,450,688 (weights only, as in the lecture)
  const conv = convParamCount(F, C, K); // 456
  const geom = useMemo(() => windowGeometry(N, N, F, 1, 0), []);
  // The three input channels: built-in pictures, drawn in place (cheap and pure).
  const channels = useMemo(() => (['shapes', 'checkerboard', 'gradient'] as const).map((name) => drawPicture(name, N).data), []);
  const palette = useThemePalette();
  // Map 1 of 6: one 5×5×3 filter (a vertical-edge detector on every channel), computed by the
  // engine's conv2d in the worker. Until it arrives, a blank map.
  const [outMap, setOutMap] = useState<Float32Array>(() => new Float32Array(out * out));
  useEffect(() => {
    let live = true;
    const client = computeClient();
    const w = new Float32Array(F * F * C);
    const column = [1, 1, 0, -1, -1];
    for (let u = 0; u < F; u++) for (let v = 0; v < F; v++) for (let c = 0; c < C; c++) w[(u * F + v) * C + c] = column[v];
    const image = new Float32Array(N * N * C);
    for (let i = 0; i < N * N; i++) for (let c = 0; c < C; c++) image[i * C + c] = channels[c][i];
    client
      .request('edge-maps', { image: { shape: [1, N, N, C], data: image }, bank: { shape: [F, F, C, 1], data: w } })
      .then((r) => live && setOutMap(r.maps[0]))
      .catch(() => undefined); // the map is decoration; the counts and windows do not depend on it
    return () => {
      live = false;
    };
  }, [channels]);
  const win = inputWindowOf(geom, unit.row, unit.col);
  const highlight = mode === 'conv' ? win : { row: 0, col: 0, rows: N, cols: N };

  const onKey = (e: KeyboardEvent) => {
    const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = d[e.key];
    if (!m) return;
    e.preventDefault();
    setUnit((u) => ({ row: Math.min(out - 1, Math.max(0, u.row + m[0])), col: Math.min(out - 1, Math.max(0, u.col + m[1])) }));
  };

  return (
    <div className="wc">
      <strong className="wc-title">{t.title}</strong>
      <fieldset className="wc-mode">
        <legend>{t.layerAs}</legend>
        {(['conv', 'dense'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="wc-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t[m]}
          </label>
        ))}
      </fieldset>
      <div className="wc-metrics">
        <div className={mode === 'dense' ? 'wc-metric wc-on' : 'wc-metric'}>
          <Metric name="dense-weights" value={dense} label={t.denseWeights}>{formatCount(dense)}</Metric>
          <code>{formatCount(nIn)} × {formatCount(nOut)}</code>
        </div>
        <div className={mode === 'conv' ? 'wc-metric wc-on' : 'wc-metric'}>
          <Metric name="conv-params" value={conv} label={t.convParams}>{formatCount(conv)}</Metric>
          <code>(5·5·3 + 1)·6</code>
        </div>
        <div className="wc-ratio">{fmt(t.ratio, { ratio: formatCount(Math.round(dense / conv)) })}</div>
      </div>
      <div className="wc-stage">
        <figure>
          <figcaption>{t.input}</figcaption>
          <div className="wc-channels">
            {channels.map((ch, i) => (
              <PixelGrid key={i} rows={N} cols={N} values={ch} label={`${t.input}, ${fmt(t.channel, { c: i + 1 })}`} widthEm={8} highlight={highlight} name={`input-${i}`} />
            ))}
          </div>
        </figure>
        <span className="wc-arrow" aria-hidden="true">→</span>
        <figure>
          <figcaption>{t.output}</figcaption>
          <div className="wc-out" tabIndex={0} role="group" aria-label={`${t.output}. ${t.outputHelp}`} onKeyDown={onKey}>
            <PixelGrid rows={out} cols={out} values={outMap} color={divergingScale(maxAbs(outMap), palette)} label={t.output} widthEm={10} highlight={{ row: unit.row, col: unit.col, rows: 1, cols: 1 }}
              onPixelHover={(c) => c && setUnit(c)} name="output" />
          </div>
        </figure>
      </div>
      <p className="wc-explain" aria-live="polite">
        <strong>{fmt(t.unit, { r: unit.row + 1, c: unit.col + 1 })}</strong>{' '}
        {mode === 'conv' ? fmt(t.convSees, { n: (win ? win.rows * win.cols : 0) * C }) : t.denseSees}
      </p>
      <ul className="wc-points">
        <li>{t.sharing}</li>
        <li>{t.sparsity}</li>
      </ul>
      <p className="wc-help">{t.outputHelp}</p>
    </div>
  );
}
