// Landmark detection (course §24): a face drawn by the app with n landmarks to drag; the
// target vector y = [face?, l1x, l1y, …, lnx, lny] live (1 + 2n numbers, coordinates in [0, 1]);
// swapping two labels changes y although the picture does not change (why label order must be
// consistent); mirroring with and without renumbering the left/right pairs (the lesson's
// common mistake). All maths in viz/landmarks.
import { useMemo, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Metric, Select, Toggle } from '../../ui';
import {
  identityOrder, relabelledEntries, LANDMARK_COUNTS, LANDMARK_POINTS, labelOfPoint, mirrorPoints, swapLabels, targetVector, vectorLength,
  type LandmarkCount, type LandmarkId, type Point,
} from './view';
import { FaceView } from './FaceView';
import { landmarkStrings } from './strings';
import type { LandmarksParams } from './params';
import { LandmarkLab } from './LandmarkLab';
import './style.css';

const START: Point[] = LANDMARK_POINTS.map((p) => ({ x: p.x, y: p.y }));
const f2 = (v: number) => v.toFixed(2);

export default function Landmarks({ params }: WidgetProps<LandmarksParams>) {
  return params.show === 'train' ? <LandmarkLab /> : <LandmarkTarget />;
}

function LandmarkTarget() {
  const t = useStrings(landmarkStrings);
  const [n, setN] = useState<LandmarkCount>(4);
  const [points, setPoints] = useState<Point[]>(START);
  const [order, setOrder] = useState<number[]>(identityOrder(4));
  const [face, setFace] = useState(true);
  const [a, setA] = useState(1);
  const [b, setB] = useState(2);
  const [mirrored, setMirrored] = useState(false);
  const [renumber, setRenumber] = useState(false);

  const ids = LANDMARK_POINTS.slice(0, n).map((p) => p.id as LandmarkId);
  const name = (i: number) => t[`id.${ids[i]}`];
  const shown = useMemo(() => {
    const base = points.slice(0, n);
    return mirrored ? mirrorPoints(base, ids, renumber) : base;
  }, [points, n, mirrored, renumber]); // eslint-disable-line react-hooks/exhaustive-deps -- ids is derived from n; listing n covers it
  const y = targetVector(face, shown, order);
  // entries that now describe another point than in the consistent order (even where the
  // number happens to be equal, e.g. two eye corners at the same height)
  const changed = new Set(relabelledEntries(order));
  const labelOf = labelOfPoint(order);
  const isSwapped = order.some((p, k) => p !== k);
  const len = vectorLength(n);

  const setCount = (c: LandmarkCount) => {
    setN(c);
    setOrder(identityOrder(c));
    setA(1);
    setB(2);
  };
  const move = (i: number, p: Point) => setPoints((ps) => ps.map((q, j) => (j === i ? p : q)));
  const labelOptions = Array.from({ length: n }, (_, k) => ({ value: String(k + 1), label: `${k + 1} · ${name(k)}` }));

  return (
    <div className="w-landmarks">
      <Card title={t.title}>
        <div className="lm-controls">
          <Select<string> label={t.count} value={String(n)} options={LANDMARK_COUNTS.map((c) => ({ value: String(c), label: t[`count.${c}`] }))}
            onChange={(v) => setCount(Number(v) as LandmarkCount)} />
          <Toggle label={t.face} checked={face} onChange={setFace} />
          <Toggle label={t.mirror} checked={mirrored} onChange={setMirrored} />
          {mirrored && <Toggle label={t.renumber} checked={renumber} onChange={setRenumber} />}
          <Metric name="landmarks" value={n} label={t.count}>{n}</Metric>
        </div>
        <div className="lm-main">
          <figure className="lm-figure">
            <FaceView points={shown} labels={labelOf.map((k) => k + 1)} odd={labelOf.map((k, i) => k !== i)} mirrored={mirrored} face={face} locked={mirrored}
              pictureLabel={face ? fmt(t.picture, { n }) : t.noFacePicture}
              pointLabel={(i) => fmt(t.pointLabel, { k: labelOf[i] + 1, name: name(labelOf[i]), x: f2(shown[i].x), y: f2(shown[i].y) })}
              onMove={move} />
            <figcaption className="lm-hint">{mirrored ? t.mirrorLocked : t.hint}</figcaption>
            <button type="button" className="lm-button lm-secondary" data-action="reset-points" disabled={mirrored} onClick={() => setPoints(START)}>{t.resetPoints}</button>
          </figure>
          <div className="lm-side">
            <h4 className="lm-h">{t.vectorTitle}</h4>
            <p className="lm-len">
              <Metric name="vector-length" value={len} label={t.vectorLength}>{fmt(t.lengthFormula, { n, len })}</Metric>
            </p>
            <ol className="lm-vector" aria-label={t.vectorTitle}>
              {y.map((e, i) => (
                <li key={e.name} className={`lm-entry${changed.has(i) ? ' lm-changed' : ''}${i === 0 ? ' lm-p' : ''}`} data-entry={e.name}
                  data-value={e.value ?? ''}>
                  <span className="lm-name">{e.name === 'face' ? 'p' : <>l<sub>{e.label}{e.axis}</sub></>}</span>
                  <span className="lm-val">{e.value === null ? t.dontCare : i === 0 ? e.value : f2(e.value)}</span>
                  {changed.has(i) && <span className="lm-flag" title={t.changed} aria-label={t.changed}>≠</span>}
                </li>
              ))}
            </ol>
            {!face && <p className="lm-note">{t.dontCareNote}</p>}
            <p className="lm-note">{fmt(t.sixtyFour, { len: vectorLength(64) })}</p>
            <fieldset className="lm-swap">
              <legend>{t.swapTitle}</legend>
              <Select<string> label={t.swapA} value={String(a)} options={labelOptions} onChange={(v) => setA(Number(v))} />
              <Select<string> label={t.swapB} value={String(b)} options={labelOptions} onChange={(v) => setB(Number(v))} />
              <div className="lm-swap-buttons">
                <button type="button" className="lm-button" data-action="swap" disabled={a === b} onClick={() => setOrder((o) => swapLabels(o, a - 1, b - 1))}>{t.swap}</button>
                <button type="button" className="lm-button lm-secondary" data-action="reset" disabled={!isSwapped} onClick={() => setOrder(identityOrder(n))}>{t.consistent}</button>
              </div>
            </fieldset>
          </div>
        </div>
        {isSwapped && face && (
          <Callout kind="mistake">
            {fmt(t.swapped, { a: order.findIndex((p, k) => p !== k) + 1, na: name(order.findIndex((p, k) => p !== k)), nb: name(order[order.findIndex((p, k) => p !== k)]) })}
          </Callout>
        )}
        {mirrored && <Callout kind={renumber ? 'tip' : 'mistake'}>{fmt(renumber ? t.mirrorGood : t.mirrorNaive, { n1: name(0) })}</Callout>}
      </Card>
    </div>
  );
}
