// What CNNs learn (course §38): pick a conv layer and a unit of a trained LeNet-5-like network
// (the student's own from the lab when one is saved, else a quick one trained here in the
// worker); see the nine test patches that excite it most (Zeiler & Fergus) with its receptive
// field, and an input optimised by gradient ascent to excite it. Or the same for the real
// ImageNet ResNet-50's stages (ResnetFeatures).
import { useEffect, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import { Card, ErrorNote, Metric, Select } from '../../ui';
import { percentText } from './view';
import type { CnnFeaturesSnapshot } from './job';
import { useFeatures } from './useFeatures';
import { UnitStrip } from './UnitStrip';
import { TopPatches } from './TopPatches';
import { Ascent } from './Ascent';
import { cnnFeaturesStrings } from './strings';
import { fileProblemText } from '../shared/fileProblem';
import { fileProblemStrings } from '../shared/strings';
import { CNN_NETWORKS, type CnnFeaturesParams } from './params';
import { ResnetFeatures } from './ResnetFeatures';
import { resnetStrings } from './resnetStrings';
import './style.css';

export default function CnnFeatures({ params }: WidgetProps<CnnFeaturesParams>) {
  const t = useStrings(resnetStrings);
  const [network, setNetwork] = useState(params.network);
  return (
    <div className="w-cnn-features" data-network={network}>
      <div className="cf-network" role="group" aria-label={t.network} data-param="network">
        {CNN_NETWORKS.map((n) => (
          <button type="button" key={n} aria-pressed={network === n} data-value={n} className={network === n ? 'cf-on' : ''} onClick={() => setNetwork(n)}>{t[`network.${n}`]}</button>
        ))}
      </div>
      {network === 'resnet' ? <ResnetFeatures /> : <MnistFeatures />}
    </div>
  );
}

function MnistFeatures() {
  const t = useStrings(cnnFeaturesStrings);
  const tj = useStrings(jobStrings);
  const tf = useStrings(fileProblemStrings);
  const f = useFeatures();
  const s = f.slot;
  const [result, setResult] = useState<CnnFeaturesSnapshot | null>(s.result.get());
  useEffect(() => s.result.subscribe(setResult), [s.result]);
  const [layerNo, setLayerNo] = useState(1);
  const [unit, setUnit] = useState(0);
  const layer = result?.layers[layerNo - 1] ?? result?.layers[0] ?? null;
  const u = layer && unit < layer.units ? unit : 0;

  const p = s.progress;
  let status: string;
  if (s.phase === 'done' && p) {
    status = p.source === 'lab' ? fmt(t.labDone, { step: p.labStep ?? '?' }) : fmt(t.quickDone, { steps: p.step });
  } else if (s.phase === 'running' || s.phase === 'paused') {
    if (!p || p.phase === 'loading') status = t.loading;
    else if (p.phase === 'training') status = s.phase === 'paused' ? fmt(t.paused, { step: p.step, total: p.trainSteps }) : fmt(t.training, { step: p.step, total: p.trainSteps, loss: p.loss?.toFixed(3) ?? '—' });
    else status = fmt(t.analysing, { n: p.analysed, total: p.total });
  } else status = s.lab === undefined ? t.checking : s.lab ? t.labReady : t.noLab;
  if (s.phase === 'idle' && s.lab === null && s.error?.code === 'bad-file') {
    status = fmt(t.badLab, { reason: fileProblemText(tf, s.error.values, String(s.error.values?.reason ?? s.error.message)) });
  }

  const progressMax = p ? p.trainSteps + p.total : 1;
  const progressNow = p ? p.step + p.analysed : 0;
  const quickButton =
    s.phase === 'running' && s.source === 'quick' && p?.phase !== 'analysing' ? (
      <button type="button" data-action="pause" onClick={f.pause}>{tj.pause}</button>
    ) : s.phase === 'paused' ? (
      <button type="button" data-action="start" className="cf-primary" onClick={() => f.start('quick')}>{t.resume}</button>
    ) : s.phase === 'idle' || (s.phase === 'done' && s.source === 'lab') ? (
      <button type="button" data-action="start" className={s.phase === 'idle' ? 'cf-primary' : ''} onClick={() => f.start('quick')}>
        {s.phase === 'idle' && !s.lab ? t.train : t.retrain}
      </button>
    ) : null;

  return (
    <>
      <Card title={t.title}>
        <p className="cf-intro">{t.intro}</p>
        <div className="cf-model" data-part="model">
          {quickButton}
          {s.lab && s.phase !== 'running' && s.source !== 'lab' && (
            <button type="button" onClick={() => f.start('lab')}>{t.useLab}</button>
          )}
          {(s.phase === 'running' || s.phase === 'paused') && <progress max={progressMax} value={progressNow} aria-label={status} />}
          <span className="cf-status" role="status">{status}</span>
          {s.phase === 'done' && p && (
            <Metric name="test-accuracy" value={p.testAccuracy} label={t.accuracy}>{percentText(p.testAccuracy)}</Metric>
          )}
        </div>
        {s.error && s.error.code !== 'bad-file' && <ErrorNote alert>{fmt(t.error, { message: s.error.message })}</ErrorNote>}
        {result && layer && (
          <>
            <div className="cf-row cf-pick">
              <Select label={t.layer} value={String(layer.number)}
                options={result.layers.map((l) => ({ value: String(l.number), label: fmt(t.layerOption, { n: l.number, f: l.kernel, units: l.units, rf: l.rf.size }) }))}
                onChange={(v) => { setLayerNo(Number(v)); setUnit(0); }} />
            </div>
            <UnitStrip layer={layer} unit={u} onUnit={setUnit} />
            <div className="cf-panels">
              <TopPatches layer={layer} unit={u} />
              <Ascent f={f} layer={layer} unit={u} />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
