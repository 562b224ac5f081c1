// IoU (course §27): two boxes to drag, resize or type in; the intersection and the union
// shaded; their areas and IoU = area(A ∩ B) / area(A ∪ B) with live numbers; a gauge with the
// 0.5 "correct localisation" line; exact edge cases (touching, apart, nested) as presets.
import { useState } from 'react';
import type { Box } from '../../geometry/box';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Formula, Metric, NumberField } from '../../ui';
import { formatCell } from '../../viz/format';
import { IOU_CORRECT, IOU_PLANE, IOU_PRESET_NAMES, IOU_PRESETS, IOU_START, iouView, type IouPresetName } from '../../viz/iouView';
import { BoxPlane } from './BoxPlane';
import { iouStrings } from './strings';
import type { IouParams } from './params';
import './style.css';

const NAMES = ['A', 'B'] as const;
const KEYS = ['x1', 'y1', 'x2', 'y2'] as const;

export default function Iou(_props: WidgetProps<IouParams>) {
  const t = useStrings(iouStrings);
  const [boxes, setBoxes] = useState<[Box, Box]>(() => [{ ...IOU_START[0] }, { ...IOU_START[1] }]);
  const v = iouView(boxes[0], boxes[1]);
  const setBox = (which: 0 | 1, b: Box) => setBoxes((bs) => (which === 0 ? [b, bs[1]] : [bs[0], b]));
  const setCoord = (which: 0 | 1, k: (typeof KEYS)[number], max: number) => (x: number | null) => {
    // Out-of-plane or unreadable input stays in the field (red, with the reason) and is not applied.
    if (x === null || x < 0 || x > max) return;
    setBox(which, { ...boxes[which], [k]: x });
  };
  const preset = (name: IouPresetName) => setBoxes([{ ...IOU_PRESETS[name][0] }, { ...IOU_PRESETS[name][1] }]);
  const c = (x: number) => formatCell(x, 4);
  const emptyText = (which: 0 | 1) => {
    const b = boxes[which];
    const why = which === 0 ? v.emptyA : v.emptyB;
    if (!why) return null;
    const vals = { name: NAMES[which], x1: c(b.x1), x2: c(b.x2), y1: c(b.y1), y2: c(b.y2) };
    return fmt(why === 'x' ? t.emptyX : why === 'y' ? t.emptyY : t.emptyBoth, vals);
  };
  const small = Math.min(v.areaA, v.areaB), large = Math.max(v.areaA, v.areaB);
  const identical = v.iou === 1;

  return (
    <div className="w-iou">
      <Card title={t.title}>
        <div className="iou-presets" role="group" aria-label={t.presets}>
          <span className="iou-presets-label">{t.presets}</span>
          {IOU_PRESET_NAMES.map((n) => (
            <button type="button" key={n} data-preset={n} onClick={() => preset(n)}>{t[`preset.${n}`]}</button>
          ))}
        </div>
        <div className="iou-main">
          <figure className="iou-figure">
            <BoxPlane boxes={boxes} view={v} onChange={setBox}
              labels={{ plane: fmt(t.plane, { w: IOU_PLANE.width, h: IOU_PLANE.height }), boxLabel: t.boxLabel, boxLabelEmpty: t.boxLabelEmpty }} />
            <figcaption className="iou-legend">
              <span><i className="iou-key iou-key-a" aria-hidden="true" /> {t.legendA}</span>
              <span><i className="iou-key iou-key-b" aria-hidden="true" /> {t.legendB}</span>
              <span><i className="iou-key iou-key-union" aria-hidden="true" /> {t.legendUnion}</span>
              <span><i className="iou-key iou-key-inter" aria-hidden="true" /> {t.legendInter}</span>
            </figcaption>
            <p className="iou-hint">{t.hint}</p>
          </figure>
          <div className="iou-side">
            {([0, 1] as const).map((which) => (
              <fieldset key={which} className={`iou-coords iou-coords-${NAMES[which].toLowerCase()}`}>
                <legend>{fmt(t.coords, { name: NAMES[which] })}</legend>
                <div className="iou-coord-row">
                  {KEYS.map((k) => {
                    const max = k[0] === 'x' ? IOU_PLANE.width : IOU_PLANE.height;
                    return (
                      <NumberField key={k} name={`${NAMES[which]}-${k}`} label={t[k]} value={boxes[which][k]} size={4} step={0.5}
                        validate={(x) => (x < 0 || x > max ? fmt(t.outside, { max }) : null)} onChange={setCoord(which, k, max)} />
                    );
                  })}
                </div>
                {emptyText(which) && <p className="iou-empty-note" data-error="">{emptyText(which)}</p>}
              </fieldset>
            ))}
            <div className="iou-metrics">
              <Metric name="area-a" value={v.areaA} label={t.areaA}>{c(v.areaA)}</Metric>
              <Metric name="area-b" value={v.areaB} label={t.areaB}>{c(v.areaB)}</Metric>
              <Metric name="intersection" value={v.interArea} label={t.intersection}>{c(v.interArea)}</Metric>
              <Metric name="union" value={v.unionArea} label={t.union}>{c(v.unionArea)}</Metric>
              <Metric name="iou" value={v.iou} label={t.iou} className="iou-value">{c(v.iou)}</Metric>
            </div>
          </div>
        </div>
        <div className="iou-formula"><Formula display tex={v.tex} /></div>
        <div className="iou-gauge" role="img" aria-label={`${t.gauge}: ${c(v.iou)}`}>
          <div className={`iou-gauge-fill${v.correct ? ' iou-ok' : ''}`} style={{ width: `${v.iou * 100}%` }} />
          <div className="iou-gauge-mark" style={{ left: `${IOU_CORRECT * 100}%` }}><span>0.5</span></div>
          <span className="iou-gauge-0">0</span><span className="iou-gauge-1">1</span>
        </div>
        <p className={`iou-verdict ${v.correct ? 'iou-ok' : 'iou-no'}`} data-verdict={v.correct ? 'correct' : 'not-correct'}>
          {v.correct ? '✓ ' : '✗ '}{fmt(v.correct ? t.correct : t.wrong, { v: c(v.iou) })}
        </p>
        {(v.emptyA || v.emptyB) && <Callout kind="note">{t.emptyNote}</Callout>}
        {v.contact === 'touching' && <Callout kind="note">{t.touching}</Callout>}
        {v.contact === 'apart' && <Callout kind="note">{t.apart}</Callout>}
        {identical && <Callout kind="note">{t.identical}</Callout>}
        {v.nested && !identical && <Callout kind="note">{fmt(t.nested, { small: c(small), large: c(large), v: c(v.iou) })}</Callout>}
      </Card>
    </div>
  );
}
