// Data augmentation (course §21): a picture drawn by the app, and a grid of samples made from
// it in the worker ('augment-picture'): mirror, random crop, rotation, shear, per-channel
// colour shift and PCA colour augmentation, each with a toggle or a strength slider. Seeded:
// "new samples" draws the next seed. Under each sample, what was drawn and its label (kept —
// except a mirrored "b", which reads "d"). The picture's colour PCA is shown beside.
import { useState } from 'react';
import type { WidgetProps } from '../types';
import type { AugmentDraw, AugmentSettings } from '../../data/augmentImage';
import { computeClient } from '../../worker/client';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, ErrorNote, Metric, Select, Slider, Toggle, useAsync } from '../../ui';
import { AUGMENT_SAMPLES, AUGMENT_START, labelAfter, shiftText, signed, to255 } from './view';
import { COLOR_PICTURE_NAMES, type ColorPictureName } from '../../data/colorPicture';
import { RgbCanvas } from '../shared/RgbCanvas';
import { PcaPanel } from './PcaPanel';
import { augStrings } from './strings';
import type { DataAugmentationParams } from './params';
import './style.css';


export default function DataAugmentation(_props: WidgetProps<DataAugmentationParams>) {
  const t = useStrings(augStrings);
  const [picture, setPicture] = useState<ColorPictureName>('cat');
  const [s, setS] = useState<AugmentSettings>(AUGMENT_START);
  const [seed, setSeed] = useState(1);
  const set = <K extends keyof AugmentSettings>(k: K) => (v: AugmentSettings[K]) => setS((old) => ({ ...old, [k]: v }));
  const job = useAsync(
    () => computeClient().request('augment-picture', { picture, size: 64, count: AUGMENT_SAMPLES, seed, settings: s }),
    [picture, seed, s.mirror, s.crop, s.rotateDeg, s.shear, s.colorShift, s.pcaSigma],
  );
  const r = job.value;

  const describe = (d: AugmentDraw): string => {
    const parts: string[] = [];
    if (d.mirrored) parts.push(t.pMirror);
    if (Math.round(d.crop.c * 100) < 100) parts.push(fmt(t.pCrop, { c: Math.round(d.crop.c * 100), x: Math.round(d.crop.ox * 100), y: Math.round(d.crop.oy * 100) }));
    if (d.rotateDeg !== 0) parts.push(fmt(t.pRotate, { deg: signed(Math.round(d.rotateDeg)) }));
    if (d.shear !== 0) parts.push(fmt(t.pShear, { k: signed(+d.shear.toFixed(2)) }));
    if (d.shift.some((v) => v !== 0)) parts.push(fmt(t.pShift, { shift: shiftText(d.shift) }));
    if (d.alpha.some((v) => v !== 0)) {
      const a = d.alpha.map((v) => signed(+v.toFixed(2)));
      parts.push(fmt(t.pPca, { a1: a[0], a2: a[1], a3: a[2], shift: shiftText(d.pcaOffset) }));
    }
    return parts.length ? parts.join(t.sep) : t.pNone;
  };
  const labelText = (l: 'cat' | 'b' | 'd') => t[`label.${l}`];
  const anyChanged = r?.samples.some((x) => labelAfter(picture, x.draw).changed) ?? false;
  const pct = (v: number) => `${Math.round(v * 100)}%`;

  return (
    <div className="w-data-augmentation">
      <Card title={t.title}>
        <div className="aug-controls">
          <div className="aug-row">
            <Select<ColorPictureName> label={t.picture} value={picture} options={COLOR_PICTURE_NAMES.map((p) => ({ value: p, label: t[`picture.${p}`] }))} onChange={setPicture} />
            <button type="button" className="aug-button" data-action="new-samples" onClick={() => setSeed((x) => x + 1)}>{t.newSamples}</button>
            <Metric name="seed" value={seed}>{fmt(t.seed, { seed })}</Metric>
          </div>
          <div className="aug-row">
            <Toggle label={t.mirror} checked={s.mirror} onChange={set('mirror')} />
          </div>
          <div className="aug-row">
            <Slider label={t.crop} value={s.crop} min={0} max={0.6} step={0.05} onChange={set('crop')} format={(v) => (v === 0 ? t.off : pct(1 - v))} />
            <Slider label={t.rotate} value={s.rotateDeg} min={0} max={45} step={1} onChange={set('rotateDeg')} format={(v) => (v === 0 ? t.off : `${v}°`)} />
            <Slider label={t.shear} value={s.shear} min={0} max={0.5} step={0.05} onChange={set('shear')} format={(v) => (v === 0 ? t.off : v.toFixed(2))} />
          </div>
          <div className="aug-row">
            <Slider label={t.colorShift} value={s.colorShift} min={0} max={0.3} step={0.02} onChange={set('colorShift')} format={(v) => (v === 0 ? t.off : `${to255(v)}/255`)} />
            <Slider label={t.pca} value={s.pcaSigma} min={0} max={1} step={0.05} onChange={set('pcaSigma')} format={(v) => (v === 0 ? t.off : v.toFixed(2))} />
          </div>
        </div>
        {job.error && <ErrorNote>{job.error}</ErrorNote>}
        {!r && !job.error && <p className="aug-hint">{t.loading}</p>}
        {r && (
          <div className="aug-main" aria-busy={job.pending}>
            <figure className="aug-original">
              <RgbCanvas width={r.original.width} height={r.original.height} rgb={r.original.data} em={11} pixelated className="aug-canvas"
                label={fmt(t.originalAlt, { what: t[`what.${picture}`] })} />
              <figcaption><strong>{t.original}</strong> · {fmt(t.label, { label: labelText(picture === 'cat' ? 'cat' : 'b') })}</figcaption>
            </figure>
            <div className="aug-samples">
              <p className="aug-count"><Metric name="samples" value={r.samples.length}>{fmt(t.samples, { n: r.samples.length })}</Metric></p>
              <ul className="aug-grid">
                {r.samples.map((x, i) => {
                  const l = labelAfter(picture, x.draw);
                  const params = describe(x.draw);
                  return (
                    <li key={i} className={`aug-sample${l.changed ? ' aug-bad' : ''}`} data-sample={i} data-label={l.label}>
                      <RgbCanvas width={x.image.width} height={x.image.height} rgb={x.image.data} em={6.5} pixelated className="aug-canvas"
                        label={fmt(t.sampleAlt, { i: i + 1, params, label: labelText(l.label) })} />
                      <span className="aug-label">{l.changed ? '✗ ' : '✓ '}{fmt(t.label, { label: labelText(l.label) })}</span>
                      <span className="aug-params" title={params}>{params}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        )}
        {picture === 'cat' ? <Callout kind="note">{t.catNote}</Callout> : <Callout kind={anyChanged ? 'mistake' : 'note'}>{t.letterNote}</Callout>}
        {s.crop >= 0.5 && <Callout kind="tip">{t.cropNote}</Callout>}
        {r && <PcaPanel pca={r.pca} t={t} />}
      </Card>
    </div>
  );
}
