// 1-D: a length-14 EKG trace, 16 filters of length f (slider) → (14 − f + 1)×16 from the
// engine's conv1d (worker). Step the window along the signal; each output value appears.
import { useMemo, useRef, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Card, CellGrid, ErrorNote, Formula, Metric, PixelGrid, Select, Slider, StepControls, useAnimationStep, useAsync, useThemePalette } from '../../ui';
import { convOutputSize, convParamCountNd } from '../../engine/shape';
import { divergingScale, formatCell, formatCount, maxAbs } from '../../viz';
import { EKG, FILTERS, filter1d, pack1d, SIGNAL_LEN, sequenceChannel } from './view';
import { computeClient } from '../../worker/client';
import { convNdStrings } from './strings';

const W = 420, H = 120, PAD = 14;

/** x position of sample i of n, y of value v in [lo, hi] (SVG user units). */
function chart(n: number, lo: number, hi: number) {
  const span = hi - lo || 1;
  return { x: (i: number) => PAD + ((W - 2 * PAD) * (i + 0.5)) / n, y: (v: number) => H - PAD - ((H - 2 * PAD) * (v - lo)) / span, step: (W - 2 * PAD) / n };
}

export function Conv1dView() {
  const t = useStrings(convNdStrings);
  const palette = useThemePalette();
  const root = useRef<HTMLDivElement>(null);
  const [f, setF] = useState(5);
  const [k, setK] = useState(0);
  const nOut = convOutputSize(SIGNAL_LEN, f, 0, 1);
  const res = useAsync(() => computeClient().request('conv1d', pack1d(f)).then((y) => ({ y, f })), [f]);
  const y = res.value && res.value.f === f ? res.value.y : null;
  const anim = useAnimationStep({ total: nOut, intervalMs: 700 });
  const pos = anim.k > 0 ? anim.k - 1 : -1;
  const taps = filter1d(k, f);
  const out = useMemo(() => (y ? sequenceChannel(y, k) : null), [y, k]);
  const heat = useMemo(() => {
    if (!y) return new Float32Array(FILTERS * nOut);
    const m = new Float32Array(FILTERS * nOut);
    for (let kk = 0; kk < FILTERS; kk++) for (let i = 0; i < nOut; i++) m[kk * nOut + i] = y.data[i * FILTERS + kk];
    return m;
  }, [y, nOut]);
  const heatScale = useMemo(() => divergingScale(maxAbs(heat), palette), [heat, palette]);
  const tapScale = useMemo(() => divergingScale(Math.max(1, maxAbs(taps)), palette), [taps, palette]);
  const sig = chart(SIGNAL_LEN, -0.8, 1.8);
  const outLo = out ? Math.min(0, ...out) : -1, outHi = out ? Math.max(0.1, ...out) : 1;
  const oc = chart(SIGNAL_LEN, outLo, outHi); // same x grid as the input: output i sits under its window's centre
  const mid = (f - 1) / 2;
  const names = [t.filterSpike, t.filterSmooth, t.filterSlope];
  const params = convParamCountNd([f], 1, FILTERS); // f·1·16 + 16
  const path = (vals: ArrayLike<number>, c: ReturnType<typeof chart>, n: number, offset = 0) =>
    Array.from({ length: n }, (_, i) => `${i ? 'L' : 'M'}${c.x(i + offset).toFixed(1)},${c.y(vals[i]).toFixed(1)}`).join(' ');

  return (
    <div className="w-conv-nd" ref={root}>
      <Card title={t.title1d}>
        <div className="cn-controls">
          <Slider label={t.f} value={f} min={1} max={SIGNAL_LEN} onChange={(v) => { setF(v); anim.reset(); }} />
          <Select label={t.filter} value={String(k)} options={Array.from({ length: FILTERS }, (_, i) => ({ value: String(i), label: names[i] ?? fmt(t.filterN, { k: i + 1 }) }))}
            onChange={(v) => setK(Number(v))} />
        </div>
        <div className="cn-metrics">
          <Metric name="output-shape" value={`${nOut}x${FILTERS}`} label={t.outputShape}>{`${nOut}×${FILTERS}`}</Metric>
          <Metric name="output-length" value={nOut} label="n − f + 1">{`${SIGNAL_LEN} − ${f} + 1 = ${nOut}`}</Metric>
          <Metric name="param-count" value={params} label={t.params}>{`${f}·1·16 + 16 = ${formatCount(params)}`}</Metric>
        </div>

        <figure className="cn-fig">
          <figcaption>{fmt(t.signal, { f })}</figcaption>
          <svg className="cn-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={fmt(t.signal, { f })}>
            <line className="cn-zero" x1={PAD} x2={W - PAD} y1={sig.y(0)} y2={sig.y(0)} />
            {pos >= 0 && <rect className="cn-window" x={sig.x(pos) - sig.step / 2} y={4} width={sig.step * f} height={H - 8} rx={4} />}
            <path className="cn-line" d={path(EKG, sig, SIGNAL_LEN)} />
            {EKG.map((v, i) => (
              <circle key={i} className={pos >= 0 && i >= pos && i < pos + f ? 'cn-dot cn-dot-on' : 'cn-dot'} cx={sig.x(i)} cy={sig.y(v)} r={3.5} />
            ))}
          </svg>
        </figure>
        <div className="cn-row">
          <figure className="cn-fig">
            <figcaption>{t.taps}</figcaption>
            <CellGrid rows={1} cols={f} values={taps} cellEm={Math.min(2.4, 28 / Math.max(f, 1) / 1.2)} name="taps" label={t.taps} color={tapScale} />
          </figure>
          <StepControls anim={anim} keyScope={root} />
        </div>
        {pos >= 0 && out && (
          <div className="cn-arith">
            <p className="cn-at">{fmt(t.at, { i: pos + 1 })}</p>
            <Formula tex={`y_{${pos + 1}} = \\sum_{u=1}^{${f}} w_u\\, x_{${pos + 1}+u-1} = ${taps.map((w, u) => `(${formatCell(w, 3)})(${formatCell(EKG[pos + u])})`).join(' + ')}`} />
            <p className="cn-value"><Metric name="output-value" value={out[pos]} label={t.value}>{formatCell(out[pos], 3)}</Metric></p>
          </div>
        )}

        <figure className="cn-fig">
          <figcaption>{fmt(t.output, { n: nOut })}</figcaption>
          <svg className="cn-chart cn-chart-out" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={fmt(t.output, { n: nOut })}>
            <line className="cn-zero" x1={PAD} x2={W - PAD} y1={oc.y(0)} y2={oc.y(0)} />
            {out && anim.k > 1 && <path className="cn-line cn-line-out" d={path(out, oc, anim.k, mid)} />}
            {out && Array.from({ length: nOut }, (_, i) => (
              <circle key={i} className={i < anim.k ? (i === pos ? 'cn-dot cn-dot-out cn-dot-now' : 'cn-dot cn-dot-out') : 'cn-dot cn-dot-todo'} cx={oc.x(i + mid)} cy={i < anim.k ? oc.y(out[i]) : oc.y(0)} r={i < anim.k ? 4 : 2.5} />
            ))}
          </svg>
        </figure>
        {!y && !res.error && <p className="cn-note">{t.computing}</p>}
        {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}
        <figure className="cn-fig">
          <figcaption>{fmt(t.allFilters, { n: nOut })}</figcaption>
          <PixelGrid rows={FILTERS} cols={nOut} values={heat} widthEm={Math.max(6, nOut * 1.4)} color={heatScale} label={fmt(t.allFilters, { n: nOut })}
            highlight={pos >= 0 ? { row: k, col: pos, rows: 1, cols: 1 } : { row: k, col: 0, rows: 1, cols: nOut }} />
        </figure>
      </Card>
    </div>
  );
}
