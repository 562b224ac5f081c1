// Padding, stride and the output size: n, f, p (or valid/same), s; the
// window animates over the padded input; the formula shows the live numbers; a fractional
// quotient greys what the window never reaches; an impossible setting says why, in place,
// and keeps what the user typed.
import { useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, ErrorNote, Formula, Metric, NumberField, Select, StepControls, useAnimationStep } from '../../ui';
import { formatCell, windowAt } from '../../viz';
import { derive, type PadMode, type RawSettings } from './derive';
import { PaddedView } from './PaddedView';
import { outputSizeStrings } from './strings';
import type { OutputSizeParams } from './params';
import './style.css';

export default function OutputSize({ params }: WidgetProps<OutputSizeParams>) {
  const t = useStrings(outputSizeStrings);
  const root = useRef<HTMLDivElement>(null);
  const [raw, setRaw] = useState<RawSettings>(() => ({
    n: params.n, f: params.f, s: params.s,
    mode: typeof params.p === 'number' ? 'number' : params.p,
    p: typeof params.p === 'number' ? params.p : 0,
  }));
  const d = derive(raw);
  const g = d.geom;
  const anim = useAnimationStep({ total: g ? g.steps : 0, intervalMs: Math.max(60, 4000 / Math.max(1, g?.steps ?? 1)), autoPlay: true });
  const set = (k: 'n' | 'f' | 'p' | 's') => (v: number | null) => setRaw((r) => ({ ...r, [k]: v }));
  const tooBig = d.problem?.kind === 'too-big' ? fmt(t.tooBig, d.problem.values) : null;
  const current = g ? windowAt(g, Math.max(0, Math.min(anim.k, g.steps) - 1)) : null;
  const total = g ? g.pad.top + g.pad.bottom : 0;

  return (
    <div className="w-output-size" ref={root}>
      <Card title={t.title}>
        <div className="os-controls">
          <NumberField label={t.n} param="n" value={params.n} integer min={1} max={64} onChange={set('n')} />
          <NumberField label={t.f} param="f" value={params.f} integer min={1} max={15} onChange={set('f')} error={tooBig} />
          <Select<PadMode> param="p" label={t.padMode} value={raw.mode}
            options={[{ value: 'number', label: t.padNumber }, { value: 'valid', label: t.valid }, { value: 'same', label: t.same }]}
            onChange={(mode) => setRaw((r) => ({ ...r, mode }))} />
          {raw.mode === 'number' && (
            <NumberField label={t.p} param="p" value={typeof params.p === 'number' ? params.p : 0} integer min={0} max={10} onChange={set('p')} />
          )}
          <NumberField label={t.s} param="s" value={params.s} integer min={1} max={8} onChange={set('s')} />
        </div>

        <div className="os-formula">
          <Formula display tex={d.tex} />
        </div>
        <div className="os-metrics">
          <Metric name="output-size" value={g ? g.outH : null} label={t.outputSize}>{g ? `${g.outH}×${g.outW}` : '—'}</Metric>
        </div>
        {tooBig && <ErrorNote>{tooBig}</ErrorNote>}

        {g && current && (
          <>
            <div className="os-legend" aria-hidden="true">
              <span className="os-key os-key-input" /> {t.legendInput}
              <span className="os-key os-key-pad" /> {t.legendPad}
              <span className="os-key os-key-window" /> {t.legendWindow}
              {!d.exact && (<><span className="os-key os-key-unreached" /> {t.unreached}</>)}
            </div>
            <PaddedView g={g} unreached={d.unreached} current={current} done={anim.k} widthEm={30}
              labels={{ input: fmt(g.paddedH === g.h ? t.unpadded : t.paddedInput, { pn: g.paddedH, n: g.h }), output: fmt(t.output, { o: g.outH }), unreached: t.unreached }} />
            <p className="os-caption">
              {fmt(g.paddedH === g.h ? t.unpadded : t.paddedInput, { pn: g.paddedH, n: g.h })} → {fmt(t.output, { o: g.outH })}
            </p>
            <StepControls anim={anim} keyScope={root} />
            <p className="os-caption">{fmt(t.windowAt, { k: Math.max(1, anim.k), total: g.steps, r: current.padded.row, c: current.padded.col })}</p>
            {d.quotient !== null && (
              <Callout kind={d.exact ? 'note' : 'tip'}>
                {fmt(d.exact ? t.exactNote : t.floorNote, { q: formatCell(d.quotient, 3) })}
              </Callout>
            )}
            {raw.mode === 'same' && g.pad.top !== g.pad.bottom && (
              <Callout kind="note">{fmt(t.asymNote, { f: g.f, total, before: g.pad.top, after: g.pad.bottom })}</Callout>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
