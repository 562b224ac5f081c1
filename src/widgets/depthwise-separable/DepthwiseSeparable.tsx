// Lesson 19: normal convolution vs depthwise + pointwise on n×n×n_C with n_C' filters of f×f.
// Step through the separable version (depthwise channel by channel, then pointwise filter by
// filter) while its multiply counter climbs towards the normal convolution's. Counts from
// engine/shape.ts (through viz/depthwise); bad sizes show the engine's reason, keeping the input.
import { useMemo, useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Formula, Metric, NumberField, Select, StepControls, useAnimationStep } from '../../ui';
import { formatCount, formatShape, rawShape } from '../../viz/format';
import { depthwiseCosts, depthwiseSteps, type DepthwiseCosts, type DwPadding } from './view';
import { Slices } from './Slices';
import { MobileNetV2 } from './MobileNetV2';
import { MeasuredCost } from '../shared/MeasuredCost';
import { dwStrings } from './strings';
import type { DepthwiseSeparableParams } from './params';
import './style.css';

type Sizes = { n: number; nC: number; f: number; nC2: number; pad: DwPadding };
const START: Sizes = { n: 6, nC: 3, f: 3, nC2: 5, pad: 'valid' };
const tex = (v: number) => formatCount(v).replace(/,/g, '{,}');

function tryCosts(s: Sizes): { c: DepthwiseCosts; error: null } | { c: null; error: string } {
  try {
    return { c: depthwiseCosts(s.n, s.nC, s.f, s.nC2, s.pad), error: null };
  } catch (e) {
    return { c: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export default function DepthwiseSeparable(_: WidgetProps<DepthwiseSeparableParams>) {
  const t = useStrings(dwStrings);
  const root = useRef<HTMLDivElement>(null);
  const [sizes, setSizes] = useState<Sizes>(START);
  const lastGood = useRef<{ s: Sizes; c: DepthwiseCosts } | null>(null);
  const attempt = useMemo(() => tryCosts(sizes), [sizes]);
  // Keep showing the last good configuration while the current one cannot work.
  if (attempt.c) lastGood.current = { s: sizes, c: attempt.c };
  const { s, c } = lastGood.current ?? { s: START, c: depthwiseCosts(START.n, START.nC, START.f, START.nC2) };
  const steps = useMemo(() => depthwiseSteps(c, s.nC, s.nC2), [c, s.nC, s.nC2]);
  const anim = useAnimationStep({ total: steps.length, intervalMs: 900 });
  const cur = anim.k > 0 ? steps[anim.k - 1] : null;
  const prev = anim.k > 1 ? steps[anim.k - 2].done : 0;
  const done = cur ? cur.done : 0;

  const set = (key: keyof Sizes) => (v: number | null) => {
    if (v !== null && Number.isInteger(v) && v >= 1 && v <= 1024) setSizes((o) => ({ ...o, [key]: v }));
  };
  const dwActive: [number, number] | null = cur ? (cur.stage === 'depthwise' ? [cur.from, cur.to] : [0, s.nC]) : null;
  const outActive: [number, number] | null = cur?.stage === 'pointwise' ? [cur.from, cur.to] : null;
  const em = Math.max(1.1, Math.min(2.6, (2.6 * s.n) / 8));
  const emOut = Math.max(1.0, (em * c.nOut) / s.n);
  let stepText = t.startHint;
  if (cur) {
    const one = cur.to - cur.from === 1;
    const v = { from: cur.from + 1, to: cur.to, c: s.nC, k: s.nC2, f: s.f, m: formatCount(cur.done - prev) };
    stepText = fmt(cur.stage === 'depthwise' ? (one ? t.stepDepthwise : t.stepDepthwiseRange) : one ? t.stepPointwise : t.stepPointwiseRange, v);
  }

  return (
    <div className="w-depthwise" ref={root}>
      <Card title={t.title}>
        <div className="dw-controls">
          <NumberField name="n" label={t.n} value={START.n} integer min={1} max={1024} onChange={set('n')} />
          <NumberField name="nC" label={t.nC} value={START.nC} integer min={1} max={1024} onChange={set('nC')} />
          <NumberField name="f" label={t.f} value={START.f} integer min={1} max={1024} onChange={set('f')} error={attempt.error} />
          <NumberField name="nC2" label={t.nC2} value={START.nC2} integer min={1} max={1024} onChange={set('nC2')} />
          <Select label={t.pad} value={sizes.pad} options={[{ value: 'valid', label: t.valid }, { value: 'same', label: t.same }]}
            onChange={(v) => setSizes((o) => ({ ...o, pad: v }))} />
        </div>

        <div className="dw-metrics">
          <Metric name="output-shape" value={rawShape(c.normal.outShape)} label={t.outputShape}>{formatShape(c.normal.outShape)}</Metric>
          <Metric name="normal-cost" value={c.normal.multiplies} label={t.normalCost}>{formatCount(c.normal.multiplies)}</Metric>
          <Metric name="separable-cost" value={c.separable} label={t.separableCost}>{formatCount(c.separable)}</Metric>
          <Metric name="ratio" value={c.ratio} label={t.ratio}>{c.ratio.toFixed(3)}</Metric>
        </div>
        <Formula display tex={`\\frac{${tex(c.depthwise.multiplies)} + ${tex(c.pointwise.multiplies)}}{${tex(c.normal.multiplies)}} = ${c.ratio.toFixed(3)} = \\frac{1}{n_C'} + \\frac{1}{f^2} = \\frac{1}{${s.nC2}} + \\frac{1}{${s.f * s.f}}`} />

        <section className="dw-lane">
          <h4>{t.normal}</h4>
          <p className="dw-desc">{fmt(t.normalDesc, { k: s.nC2, f: s.f, c: s.nC })}</p>
          <div className="dw-flow">
            <Slices count={s.nC} em={em} caption={fmt(t.input, { shape: formatShape([s.n, s.n, s.nC]) })} />
            <span className="dw-arrow" aria-hidden="true">⟶</span>
            <Slices count={s.nC2} em={emOut} hue="mixed" caption={fmt(t.out, { shape: formatShape(c.normal.outShape) })} />
          </div>
          <p className="dw-cost"><Formula tex={`(${c.nOut}\\cdot ${c.nOut}\\cdot ${s.nC2})\\cdot(${s.f}\\cdot ${s.f}\\cdot ${s.nC}) = ${tex(c.normal.multiplies)}`} /></p>
        </section>

        <section className="dw-lane">
          <h4>{t.depthwise} + {t.pointwise}</h4>
          <p className="dw-desc">1. {fmt(t.depthwiseDesc, { c: s.nC, f: s.f })}; 2. {fmt(t.pointwiseDesc, { k: s.nC2, c: s.nC })}</p>
          <div className="dw-flow">
            <Slices name="input" count={s.nC} em={em} active={cur?.stage === 'depthwise' ? dwActive : null} caption={fmt(t.input, { shape: formatShape([s.n, s.n, s.nC]) })} />
            <span className="dw-arrow" aria-hidden="true">⊛</span>
            <Slices name="dw-filters" count={s.nC} em={Math.min(1.6, 0.35 * s.f + 0.5)} grid={s.f} active={cur?.stage === 'depthwise' ? dwActive : null} caption={`${s.nC} × ${s.f}×${s.f}`} />
            <span className="dw-arrow" aria-hidden="true">⟶</span>
            <Slices name="dw-out" count={s.nC} em={emOut} active={dwActive} caption={fmt(t.dwOut, { shape: formatShape(c.depthwise.outShape) })} />
            <span className="dw-arrow" aria-hidden="true">⟶</span>
            <Slices name="out" count={s.nC2} em={emOut} hue="mixed" active={outActive} caption={fmt(t.out, { shape: formatShape(c.pointwise.outShape) })} />
          </div>
          <p className="dw-cost">
            <Formula tex={`\\underbrace{(${c.nOut}\\cdot ${c.nOut}\\cdot ${s.nC})\\cdot(${s.f}\\cdot ${s.f})}_{\\text{depthwise}} + \\underbrace{(${c.nOut}\\cdot ${c.nOut}\\cdot ${s.nC2})\\cdot ${s.nC}}_{\\text{pointwise}} = ${tex(c.depthwise.multiplies)} + ${tex(c.pointwise.multiplies)} = ${tex(c.separable)}`} />
          </p>
          <StepControls anim={anim} keyScope={root} />
          <p className="dw-step" aria-live="polite">{stepText}</p>
          <div className="dw-counter">
            <Metric name="separable-done" value={done} label={`${t.separableCost}, ${t.doneSoFar}`}>{formatCount(done)}</Metric>
            <div className="dw-track" aria-hidden="true">
              <div className="dw-bar dw-bar-normal" style={{ width: '100%' }} />
              <div className="dw-bar dw-bar-sep" style={{ width: `${Math.min(100, (100 * done) / c.normal.multiplies)}%` }} />
              <div className="dw-bar-mark" style={{ left: `${Math.min(100, 100 * c.ratio)}%` }} />
            </div>
          </div>
        </section>
        <MeasuredCost
          n={s.n}
          c={s.nC}
          forms={[
            [{ kind: 'conv', f: s.f, cOut: s.nC2, pad: s.pad }],
            [{ kind: 'depthwise', f: s.f, pad: s.pad }, { kind: 'conv', f: 1, cOut: s.nC2, pad: 'valid' }],
          ]}
          names={[t.measuredNormal, t.measuredSeparable]}
          why={t.measuredWhy}
        />
        <Callout kind="mistake" title={t.mistakeTitle}>{t.mistake}</Callout>
        <MobileNetV2 n={s.n} c={s.nC} />
      </Card>
    </div>
  );
}
