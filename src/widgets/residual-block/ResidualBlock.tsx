// §14–15: a[l] through two dense layers with ReLU, with or without the skip connection.
// Sliders scale W[l+2] and b[l+2] towards 0 (what weight decay does): with the skip on, the
// output becomes g(a[l]) = a[l] — the identity is easy to learn; without it, g(0) = 0.
// A toggle makes a[l] smaller than the block, so the shortcut needs W_s. Every vector comes
// from the engine (worker job 'residual-block': dense, relu, add).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, CellGrid, ErrorNote, Metric, PixelGrid, Slider, Toggle, useAsync, useThemePalette, usePrefersReducedMotion } from '../../ui';
import { divergingScale, formatCell } from '../../viz';
import { maxAbsDiff, packResidual, RES_N, RES_N_SMALL, residualMatrices } from './view';
import { computeClient } from '../../worker/client';
import { residualStrings } from './strings';
import { Bottleneck } from './Bottleneck';
import type { ResidualBlockParams } from './params';
import './style.css';

const CELL = 1.9;

export default function ResidualBlock(_: WidgetProps<ResidualBlockParams>) {
  const t = useStrings(residualStrings);
  const palette = useThemePalette();
  const reduced = usePrefersReducedMotion();
  const [skip, setSkip] = useState(true);
  const [scaleW, setScaleW] = useState(1);
  const [scaleB, setScaleB] = useState(1);
  const [proj, setProj] = useState(false);
  const nIn = proj ? RES_N_SMALL : RES_N;
  const setup = { nIn, scaleW, scaleB, skip };
  const res = useAsync(() => computeClient().request('residual-block', packResidual(setup)).then((r) => ({ r, key: JSON.stringify(setup) })), [nIn, scaleW, scaleB, skip]);
  const r = res.value?.r ?? null;
  const packed = useMemo(() => packResidual(setup), [nIn, scaleW, scaleB, skip]); // eslint-disable-line react-hooks/exhaustive-deps -- setup is a new object each render; its four fields are listed
  const w2 = useMemo(() => residualMatrices(nIn, scaleW, 1).w2, [nIn, scaleW]);
  const scale = useMemo(() => divergingScale(2, palette), [palette]);
  const wScale = useMemo(() => divergingScale(1, palette), [palette]);

  // "Shrink to 0": weight decay in a few visible steps (one jump under reduced motion).
  const timer = useRef<number | null>(null);
  useEffect(() => () => { if (timer.current !== null) clearInterval(timer.current); }, []);
  const animateTo = (target: number) => {
    if (timer.current !== null) clearInterval(timer.current);
    if (reduced) {
      setScaleW(target);
      setScaleB(target);
      return;
    }
    timer.current = window.setInterval(() => {
      let done = false;
      const step = (v: number) => {
        const n = Math.round((v + Math.sign(target - v) * 0.1) * 100) / 100;
        const out = Math.abs(target - v) <= 0.1 ? target : n;
        if (out === target) done = true;
        return out;
      };
      setScaleW(step);
      setScaleB(step);
      if (done && timer.current !== null) {
        clearInterval(timer.current);
        timer.current = null;
      }
    }, 90);
  };

  const aL = packed.a.data;
  const gap = r && !proj ? maxAbsDiff(r.out.data, aL) : null;
  const isIdentity = gap !== null && gap < 1e-6 && skip;
  const allZero = r ? r.out.data.every((v) => v === 0) : false;
  const vec = (name: string, label: string, values: ArrayLike<number> | undefined, rows = RES_N) => (
    <figure className="rb-vec">
      <figcaption>{label}</figcaption>
      <CellGrid rows={rows} cols={1} values={values ?? new Float32Array(rows)} cellEm={CELL} name={name} label={label} color={scale}
        cellState={values ? undefined : () => 'empty'} />
    </figure>
  );
  const arrow = (text: string) => <span className="rb-arrow"><span className="rb-arrow-text">{text}</span><span aria-hidden="true">⟶</span></span>;

  return (
    <div className="w-residual-block">
      <Card title={t.title}>
        <div className="rb-controls">
          <Toggle label={t.skip} checked={skip} onChange={setSkip} />
          <Toggle label={t.project} checked={proj} onChange={setProj} />
        </div>
        <div className="rb-controls">
          <Slider label={t.scaleW} value={scaleW} min={0} max={1} step={0.05} onChange={setScaleW} format={(v) => v.toFixed(2)} />
          <Slider label={t.scaleB} value={scaleB} min={0} max={1} step={0.05} onChange={setScaleB} format={(v) => v.toFixed(2)} />
          <button type="button" className="rb-button" data-action="shrink" onClick={() => animateTo(0)}>{t.decay}</button>
          <button type="button" className="rb-button" data-action="restore" onClick={() => animateTo(1)}>{t.restore}</button>
        </div>

        <div className="rb-flow-wrap">
          <div className="rb-flow">
            <div className={`rb-skip${skip ? '' : ' rb-skip-off'}`} aria-hidden="true"><span>{skip ? t.shortcutPath : t.shortcutOff}</span></div>
            {vec('a-l', t.aL, aL, nIn)}
            {arrow('W[l+1], b[l+1]')}
            {vec('z1', t.z1, r?.z1.data)}
            {arrow('g')}
            {vec('a1', t.a1, r?.a1.data)}
            {arrow('W[l+2], b[l+2]')}
            {vec('z2', t.z2, r?.z2.data)}
            <span className={`rb-plus${skip ? '' : ' rb-dim'}`} aria-hidden="true">+</span>
            <div className={skip ? '' : 'rb-dim'}>{vec('shortcut', proj ? t.shortcutWs : t.shortcut, r?.shortcut.data)}</div>
            <span className={`rb-plus${skip ? '' : ' rb-dim'}`} aria-hidden="true">=</span>
            <div className={skip ? '' : 'rb-dim'}>{vec('sum', t.sum, r?.sum.data)}</div>
            {arrow(skip ? 'g' : 'g(z[l+2])')}
            {vec('out', t.out, r?.out.data)}
          </div>
        </div>
        {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}
        {!r && !res.error && <p className="rb-note">{t.computing}</p>}

        <div className="rb-metrics">
          <Metric name="output" value={r ? Array.from(r.out.data, (v) => formatCell(v, 4)).join(',') : null} label={t.out}>
            {r ? `[${Array.from(r.out.data, (v) => formatCell(v)).join(', ')}]` : '—'}
          </Metric>
          {!proj && <Metric name="identity-gap" value={gap} label={t.gap}>{gap === null ? '—' : formatCell(gap, 3)}</Metric>}
        </div>

        <div className="rb-mats">
          <figure className="rb-vec">
            <figcaption>{t.w2}</figcaption>
            <PixelGrid rows={RES_N} cols={RES_N} values={w2} widthEm={6} color={wScale} label={t.w2} />
          </figure>
          {proj && packed.ws && (
            <figure className="rb-vec">
              <figcaption>{t.ws}</figcaption>
              <PixelGrid rows={RES_N_SMALL} cols={RES_N} values={packed.ws.data} widthEm={6} color={wScale} label={t.ws} />
            </figure>
          )}
          <div className="rb-explain">
            {proj && <p>{t.projNote}</p>}
            {isIdentity ? <Callout kind="tip">{t.identity}</Callout> : !skip && allZero && scaleW === 0 ? <Callout kind="mistake">{t.plainZero}</Callout> : <p>{skip ? t.working : t.plain}</p>}
          </div>
        </div>
        <Callout kind="mistake" title={t.mistakeTitle}>{t.mistake}</Callout>
      </Card>
      <Bottleneck />
    </div>
  );
}
