// One-shot learning that works (course §32–35): the encoder is trained live in the worker on the
// characters of 11 writing systems (every character one identity, new jittered drawings in every
// batch) and tested N-way on 4 scripts it never saw: one drawing of each of N characters is the
// database, another drawing is named after its nearest encoding. Accuracy rises far above
// chance 1/N; trained on only 7 characters (as the digits version is), it barely moves.
import { useCallback, useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import { Callout, Card, ErrorNote, Metric, Select, useThemePalette } from '../../ui';
import { LineChart } from '../../ui/LineChart';
import type { Palette } from '../../viz/colors';
import type { LineChartSpec } from '../../viz/lineChart';
import { FEW_IDENTITIES, type OneShotParams } from './params';
import type { GlyphOneShotSnapshot } from './job/glyphOneShot';
import { glyphProgress, useGlyphJob } from './useGlyphJob';
import { GlyphEpisode } from './GlyphEpisode';
import { IdentitiesTable } from './IdentitiesTable';
import { glyphStrings, scriptName } from './glyphStrings';

/** Measured in Node (seeded): 5-way accuracy passes 85 % by step 100 and levels off near 92 % by 300. */
const STEPS = 300;

type Ways = 5 | 20;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

function curveSpec(s: GlyphOneShotSnapshot | null, ways: Ways, pixels: number | null, palette: Palette, chanceLabel: string): LineChartSpec | null {
  if (!s || s.curve.step.length < 1) return null;
  const xs = s.curve.step, ys = s.curve[`n${ways}`];
  const series: LineChartSpec['series'] = [{ xs, ys, colour: palette.pos, width: 3, dots: true }];
  if (pixels !== null) series.push({ xs: [0, STEPS], ys: [pixels, pixels], colour: palette.neg, dash: [5, 3] });
  return {
    x: { min: 0, max: STEPS, nice: false },
    left: { min: 0, max: 1, cap: 1, format: (v) => `${Math.round(v * 100)}%`, guide: { value: 1 / ways, label: chanceLabel } },
    series,
  };
}

export function GlyphOneShot({ params }: { params: OneShotParams }) {
  const t = useStrings(glyphStrings);
  const tj = useStrings(jobStrings);
  const palette = useThemePalette();
  const [ways, setWays] = useState<Ways>(Number(params.ways) as Ways);
  const [identities, setIdentities] = useState(params.identities);
  const key = `glyphs:${identities}`;
  const job = useGlyphJob(key, { seed: 1, maxSteps: STEPS, evalEvery: 25, identities: identities === 'few' ? FEW_IDENTITIES : 0 });
  const p = job.progress;
  const busy = job.phase === 'running';
  const acc = p?.accuracy?.[ways] ?? null;
  const pixels = p?.pixels?.[ways] ?? null;
  const toSpec = useCallback((s: GlyphOneShotSnapshot | null) => curveSpec(s, ways, pixels, palette, fmt(t.chance, { n: ways })), [ways, pixels, palette, t]);
  const status = !p ? (job.phase === 'running' ? t.loading : t.idle) : p.status === 'loading' ? t.loading : p.status === 'finished' ? fmt(t.finished, { steps: p.step }) : fmt(t.progress, { step: p.step, max: STEPS });
  const scripts = p?.testScripts.length ? p.testScripts.map((n) => scriptName(t, n)).join(t.listSep) : '—';
  const other = useMemo(() => ({ many: glyphProgress('glyphs:many'), few: glyphProgress('glyphs:few') }), [p, identities]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Card title={t.title}>
      <p className="os-intro">{t.intro}</p>
      <div className="os-controls">
        <Select param="ways" label={t.ways} value={String(ways)} onChange={(v) => setWays(Number(v) as Ways)} options={[{ value: '5', label: fmt(t.waysOption, { n: 5 }) }, { value: '20', label: fmt(t.waysOption, { n: 20 }) }]} />
        <Select<OneShotParams['identities']> param="identities" label={t.identities} value={identities} disabled={busy} onChange={setIdentities} options={[{ value: 'many', label: t.many }, { value: 'few', label: fmt(t.few, { n: FEW_IDENTITIES }) }]} />
      </div>
      <div className="os-train">
        {busy ? (
          <button type="button" data-action="pause" onClick={job.pause}>{tj.pause}</button>
        ) : (
          <button type="button" data-action="start" className="os-primary" disabled={job.phase === 'finished'} onClick={job.start}>{job.phase === 'paused' ? tj.resume : t.train}</button>
        )}
        <button type="button" data-action="reset" disabled={job.phase === 'idle' && !p} onClick={job.reset}>{tj.reset}</button>
        <progress max={STEPS} value={p?.step ?? 0} aria-label={status} />
        <span className="os-status" role="status">{status}</span>
      </div>
      {job.error && <ErrorNote alert>{fmt(t.error, { message: job.error.message })}</ErrorNote>}
      <div className="os-glyph-main">
        <div className="os-glyph-metrics">
          <Metric name="one-shot-accuracy" value={acc} label={fmt(t.accuracy, { n: ways })} className="os-acc">{pct(acc)}</Metric>
          <Metric name="one-shot-ways" value={ways} label={t.waysMetric}>{ways}</Metric>
          <Metric name="chance" value={1 / ways} label={t.chanceMetric}>{pct(1 / ways)}</Metric>
          <Metric name="untrained-accuracy" value={p?.untrained?.[ways] ?? null} label={t.untrained}>{pct(p?.untrained?.[ways])}</Metric>
          <Metric name="pixel-accuracy" value={pixels} label={t.pixels}>{pct(pixels)}</Metric>
          <Metric name="step" value={p?.step ?? 0} label={t.step}>{p?.step ?? 0}</Metric>
          <p className="os-note">{fmt(t.setNote, { train: p?.trainCharacters ?? '—', test: p?.testCharacters ?? '—', scripts })}</p>
        </div>
        <figure className="os-glyph-curve">
          <LineChart live={job.snapshot} toSpec={toSpec} label={fmt(t.curve, { n: ways })} heightEm={11} />
          <figcaption className="os-note">
            <span className="os-key os-key-acc" />{fmt(t.curveAcc, { n: ways })} <span className="os-key os-key-pix" />{t.curvePixels}
          </figcaption>
        </figure>
      </div>
      <GlyphEpisode snapshot={job.snapshot} ways={ways} />
      <IdentitiesTable ways={ways} many={other.many} few={other.few} steps={STEPS} />
      <Callout kind="note">{t.why}</Callout>
    </Card>
  );
}
