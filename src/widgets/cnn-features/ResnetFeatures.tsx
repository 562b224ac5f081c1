// What the units of the real ImageNet ResNet-50 respond to (course §38): the app's ten pictures
// go through its packed conv1 … conv3_x stages in the worker; for a unit of conv1, res2c or
// res3d, the nine strongest patches (each cropped to the unit's receptive field, and one shown
// in its picture with the field outlined) and an input built by gradient ascent to excite it.
import { useEffect, useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Card, ErrorNote, Metric, NumberField, Select } from '../../ui';
import { useLongJob } from '../../ui/useLongJob';
import { RgbCanvas } from '../shared/RgbCanvas';
import { loadStemModel } from '../shared/stylePictures';
import { RESNET_FEATURE_LAYERS, RESNET_PICTURE_SIDE, resnetPictures, type ResnetFeatureLayer } from './job/resnetPictures';
import type { ResnetLayerTops } from './job/resnetUnits';
import { unitField } from './view';
import { resnetStrings } from './resnetStrings';

type Model = Awaited<ReturnType<typeof loadStemModel>>;
const N = RESNET_PICTURE_SIDE;

/** The pixels of a square of an RGB [0, 1] picture, as bytes. */
function crop(data: Float32Array, sq: { row: number; col: number; rows: number; cols: number }): Uint8ClampedArray {
  const out = new Uint8ClampedArray(3 * sq.rows * sq.cols);
  for (let r = 0; r < sq.rows; r++) for (let c = 0; c < sq.cols; c++) for (let k = 0; k < 3; k++) out[3 * (r * sq.cols + c) + k] = Math.round(255 * data[3 * ((sq.row + r) * N + sq.col + c) + k]);
  return out;
}

export function ResnetFeatures() {
  const t = useStrings(resnetStrings);
  const [model, setModel] = useState<Model | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [layers, setLayers] = useState<ResnetLayerTops[] | null>(null);
  const [done, setDone] = useState(0);
  const [layerName, setLayerName] = useState<ResnetFeatureLayer>('conv1');
  const [unit, setUnit] = useState(0);
  const [pick, setPick] = useState(0);
  const pictures = useMemo(() => resnetPictures(), []);
  const job = useLongJob('cnn-features-resnet', {
    onProgress: (p, snap) => {
      setDone(p.analysed);
      if (snap) setLayers(snap.layers);
    },
  });
  const [ascent, setAscent] = useState<{ step: number; steps: number; activation: number; image: Uint8ClampedArray | null; side: number } | null>(null);
  const climb = useLongJob('cnn-features-resnet-ascent', {
    onProgress: (p, snap) => setAscent((a) => ({ ...p, image: snap?.image ?? a?.image ?? null, side: snap?.side ?? a?.side ?? 0 })),
  });
  useEffect(() => {
    loadStemModel(true).then(setModel, (e: unknown) => setLoadError(fmt(t.loadFailed, { msg: e instanceof Error ? e.message : String(e) })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const picName = (k: number) => (t as Record<string, string>)[`pic.${pictures[k].name}`] ?? pictures[k].name;
  const layer = layers?.find((l) => l.layer === layerName) ?? null;
  const u = layer ? Math.min(unit, layer.units - 1) : 0;
  const slot = (i: number) => u * 9 + i;
  const patches = layer
    ? Array.from({ length: 9 }, (_, i) => i).filter((i) => layer.pictures[slot(i)] >= 0).map((i) => {
        const k = slot(i);
        const sq = unitField(layer.rf, layer.rows[k], layer.cols[k], N);
        return { i, sq, picture: layer.pictures[k], value: layer.values[k], rgb: crop(pictures[layer.pictures[k]].image.data, sq) };
      })
    : [];
  const chosen = patches.find((p) => p.i === pick) ?? patches[0] ?? null;
  const running = job.phase === 'running';
  const chooseUnit = (v: number) => {
    setUnit(v);
    setPick(0);
    climb.cancel();
    setAscent(null);
  };
  const status = loadError ? '' : !model ? t.loading : running ? fmt(t.analysing, { n: done, total: pictures.length }) : layers ? fmt(t.analysed, { n: pictures.length }) : t.ready;
  return (
    <Card title={t.title}>
      <p className="cf-intro">{t.intro}</p>
      {loadError && <ErrorNote alert>{loadError}</ErrorNote>}
      <div className="cf-model">
        {!layers && (
          <button type="button" data-action="start" className="cf-primary" disabled={!model || running} onClick={() => model && job.start({ model })}>{t.analyse}</button>
        )}
        {running && <progress max={pictures.length} value={done} aria-label={status} />}
        <span className="cf-status" role="status">{status}</span>
      </div>
      {job.error && <ErrorNote alert>{fmt(t.error, { message: job.error.message })}</ErrorNote>}
      {layer && (
        <>
          <div className="rf-unit">
            <Select<ResnetFeatureLayer> label={t.layer} param="resnetLayer" value={layerName} onChange={(v) => (setLayerName(v), chooseUnit(0))}
              options={RESNET_FEATURE_LAYERS.map((l) => {
                const L = layers!.find((q) => q.layer === l)!;
                return { value: l, label: fmt(t[`layer.${l}`], { units: L.units, rf: L.rf.size, side: L.side }) };
              })} />
            <NumberField label={fmt(t.unit, { units: layer.units })} value={u + 1} integer min={1} max={layer.units} name="resnetUnit" onChange={(v) => v !== null && v >= 1 && v <= layer.units && chooseUnit(v - 1)} />
            <button type="button" onClick={() => chooseUnit((u + layer.units - 1) % layer.units)}>{t.prev}</button>
            <button type="button" onClick={() => chooseUnit((u + 1) % layer.units)}>{t.next}</button>
            <Metric name="resnet-best-patch" value={layer.values[slot(0)]} label={t.best}>{layer.values[slot(0)].toFixed(1)}</Metric>
          </div>
          <div className="rf-panels">
            <section>
              <h4>{fmt(t.topTitle, { rf: layer.rf.size })}</h4>
              <div className="rf-patches">
                {patches.map((p) => (
                  <figure key={p.i}>
                    <button type="button" className={chosen?.i === p.i ? 'cf-on' : ''} aria-pressed={chosen?.i === p.i} onClick={() => setPick(p.i)}>
                      <RgbCanvas rgb={p.rgb} width={p.sq.cols} height={p.sq.rows} em={4.2 * Math.max(p.sq.cols, p.sq.rows) / layer.rf.size} label={fmt(t.patchLabel, { name: picName(p.picture), v: p.value.toFixed(1) })} pixelated={layer.rf.size < 20} />
                    </button>
                    <figcaption>{p.value.toFixed(1)}</figcaption>
                  </figure>
                ))}
              </div>
            </section>
            {chosen && (
              <section>
                <h4>{fmt(t.contextTitle, { name: picName(chosen.picture) })}</h4>
                <div className="rf-context">
                  <RgbCanvas rgb={crop(pictures[chosen.picture].image.data, { row: 0, col: 0, rows: N, cols: N })} width={N} em={12} label={t.contextLabel} name="resnet-context" />
                  <span className="rf-box" data-rf={`${chosen.sq.row},${chosen.sq.col},${chosen.sq.rows},${chosen.sq.cols}`}
                    style={{ left: `${(100 * chosen.sq.col) / N}%`, top: `${(100 * chosen.sq.row) / N}%`, width: `${(100 * chosen.sq.cols) / N}%`, height: `${(100 * chosen.sq.rows) / N}%` }} />
                </div>
                <p className="cf-note">{fmt(t.contextNote, { rf: layer.rf.size, jump: layer.rf.jump })}</p>
              </section>
            )}
            <section>
              <h4>{t.ascentTitle}</h4>
              <button type="button" data-action="ascent" disabled={!model || climb.phase === 'running'} onClick={() => model && (setAscent(null), climb.start({ model, layer: layerName, unit: u }))}>{t.ascent}</button>
              {ascent && (
                <>
                  <RgbCanvas rgb={ascent.image} width={ascent.side} em={8} label={fmt(t.ascentLabel, { step: ascent.step })} name="resnet-ascent" pixelated={ascent.side < 40} />
                  <div className="rf-metrics">
                    <Metric name="resnet-ascent-activation" value={ascent.activation} label={t.ascentActivation}>{ascent.activation.toFixed(1)}</Metric>
                    <Metric name="resnet-ascent-step" value={ascent.step} label={fmt(t.ascentStep, { steps: ascent.steps })}>{ascent.step}</Metric>
                  </div>
                </>
              )}
              {climb.error && <ErrorNote alert>{fmt(t.error, { message: climb.error.message })}</ErrorNote>}
              <p className="cf-note">{t.ascentNote}</p>
            </section>
          </div>
        </>
      )}
      <p className="cf-note">{t.depthNote}</p>
    </Card>
  );
}
