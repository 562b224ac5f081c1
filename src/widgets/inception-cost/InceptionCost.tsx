// §17: direct 5×5 convolution vs a 1×1 bottleneck of k channels, on 28×28×192 → 28×28×32.
// A slider sets k; both pipelines are drawn as volumes with their layers' filters, each
// layer's multiplies as a formula, and both totals as bars to scale. All counts come from
// engine/shape.ts (through viz/inceptionCost).
import { useMemo, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Formula, Metric, Slider } from '../../ui';
import { formatCount } from '../../viz/format';
import { BOTTLENECK_DEFAULT, BOTTLENECK_MAX, BOTTLENECK_MIN, INCEPTION_C_IN, INCEPTION_C_OUT, INCEPTION_F, INCEPTION_N, breakEvenWidth, inceptionCost } from './view';
import type { ConvStage } from '../../viz/convStage';
import { VolumeGlyph } from '../shared/VolumeGlyph';
import { MeasuredCost } from '../shared/MeasuredCost';
import { inceptionCostStrings } from './strings';
import type { InceptionCostParams } from './params';
import './style.css';

function costTex(s: ConvStage): string {
  const [h, w, c] = s.outShape;
  const per = s.f === 1 ? `${s.cIn}` : `${s.f}\\cdot ${s.f}\\cdot ${s.cIn}`;
  return `(${h}\\cdot ${w}\\cdot ${c})\\cdot(${per}) = ${formatCount(s.multiplies).replace(/,/g, '{,}')}`;
}

function Arrow({ text }: { text: string }) {
  return (
    <div className="ic-arrow">
      <span>{text}</span>
      <span aria-hidden="true">⟶</span>
    </div>
  );
}

export default function InceptionCost(_: WidgetProps<InceptionCostParams>) {
  const t = useStrings(inceptionCostStrings);
  const [k, setK] = useState(BOTTLENECK_DEFAULT);
  const c = useMemo(() => inceptionCost(k), [k]);
  const breakEven = useMemo(() => breakEvenWidth(), []);
  const max = Math.max(c.direct.multiplies, c.bottleneckCost);
  const pct = (v: number) => `${((100 * v) / max).toFixed(2)}%`;
  const ratio = c.ratio >= 10 ? c.ratio.toFixed(1) : c.ratio.toFixed(2);

  return (
    <div className="w-inception-cost">
      <Card title={t.title}>
        <Slider label={t.width} value={k} min={BOTTLENECK_MIN} max={BOTTLENECK_MAX} onChange={setK} />

        <div className="ic-pipe" aria-label={t.direct}>
          <h4>{t.direct}</h4>
          <div className="ic-flow">
            <VolumeGlyph shape={c.direct.inShape} tone="in" />
            <Arrow text={t.directStep} />
            <VolumeGlyph shape={c.direct.outShape} tone="out" />
          </div>
          <p className="ic-stage">
            <span data-metric="direct-formula" data-value={c.direct.multiplies}><Formula tex={costTex(c.direct)} /></span>
            <span className="ic-params">{fmt(t.params, { n: formatCount(c.direct.params) })}</span>
          </p>
        </div>

        <div className="ic-pipe" aria-label={t.bottleneck}>
          <h4>{t.bottleneck}</h4>
          <div className="ic-flow">
            <VolumeGlyph shape={c.reduce.inShape} tone="in" />
            <Arrow text={fmt(t.reduceStep, { k })} />
            <VolumeGlyph shape={c.reduce.outShape} tone="mid" />
            <Arrow text={fmt(t.convStep, { k })} />
            <VolumeGlyph shape={c.conv.outShape} tone="out" />
          </div>
          <p className="ic-stage">
            <span>{t.stage1}: </span>
            <span data-metric="reduce-cost" data-value={c.reduce.multiplies}><Formula tex={costTex(c.reduce)} /></span>
            <span className="ic-params">{fmt(t.params, { n: formatCount(c.reduce.params) })}</span>
          </p>
          <p className="ic-stage">
            <span>{t.stage2}: </span>
            <span data-metric="conv-cost" data-value={c.conv.multiplies}><Formula tex={costTex(c.conv)} /></span>
            <span className="ic-params">{fmt(t.params, { n: formatCount(c.conv.params) })}</span>
          </p>
        </div>

        <div className="ic-metrics">
          <Metric name="direct-cost" value={c.direct.multiplies} label={t.directCost}>{formatCount(c.direct.multiplies)}</Metric>
          <Metric name="bottleneck-cost" value={c.bottleneckCost} label={t.bottleneckCost}>{formatCount(c.bottleneckCost)}</Metric>
          <Metric name="ratio" value={c.ratio} label={t.ratio}>{`${ratio}×`}</Metric>
        </div>

        <div className="ic-bars" role="img" aria-label={`${t.bars}: ${t.direct} ${formatCount(c.direct.multiplies)}, ${t.bottleneck} ${formatCount(c.bottleneckCost)}`}>
          <span className="ic-bar-label">{t.direct}</span>
          <div className="ic-track"><div className="ic-bar ic-bar-direct" style={{ width: pct(c.direct.multiplies) }} /></div>
          <span className="ic-bar-label">{t.bottleneck}</span>
          <div className="ic-track">
            <div className="ic-bar ic-bar-reduce" style={{ width: pct(c.reduce.multiplies) }} title={t.stage1} />
            <div className="ic-bar ic-bar-conv" style={{ width: pct(c.conv.multiplies) }} title={t.stage2} />
          </div>
          <span />
          <div className="ic-legend">
            <span><i className="ic-swatch ic-bar-reduce" />{t.stage1}</span>
            <span><i className="ic-swatch ic-bar-conv" />{t.stage2}</span>
          </div>
        </div>

        {c.dearer ? (
          <Callout kind="mistake">{fmt(t.dearer, { k, pct: Math.round(100 * (1 / c.ratio - 1)), breakEven })}</Callout>
        ) : (
          <Callout kind="tip">{fmt(t.cheaper, { k, ratio })}</Callout>
        )}
        <MeasuredCost
          n={INCEPTION_N}
          c={INCEPTION_C_IN}
          forms={[
            [{ kind: 'conv', f: INCEPTION_F, cOut: INCEPTION_C_OUT, pad: 'same' }],
            [{ kind: 'conv', f: 1, cOut: k, pad: 'same' }, { kind: 'conv', f: INCEPTION_F, cOut: INCEPTION_C_OUT, pad: 'same' }],
          ]}
          names={[t.direct, t.bottleneck]}
          why={t.measuredWhy}
        />
      </Card>
    </div>
  );
}
