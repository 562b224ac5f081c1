// Classification with localization (lesson 24): drag a box onto the image, pick a class, and
// read y = [p_c, b_x, b_y, b_h, b_w, c_1, c_2, c_3] (box relative to the image). "No object"
// turns the other seven entries into "?". Against a typed network output ŷ the squared-error
// loss charges all eight entries when y₁ = 1 and only (ŷ₁ − y₁)² when y₁ = 0.
// With show = 'train' the widget is instead a localizer trained live (LocalizerLab).
import { useId, useMemo, useState } from 'react';
import type { Box } from '../../geometry/box';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Formula, Metric, Select, Toggle, parseNumber } from '../../ui';
import { formatCell } from '../../viz/format';
import { boxAround, yoloScene, type SceneObject } from '../../viz/yoloEncoder';
import { LOCALIZATION_CLASSES, localizationLoss, localizationTarget } from './view';
import { GridScene } from '../shared/yolo/GridScene';
import { className, sceneStrings } from '../shared/yolo/strings';
import { localizationStrings } from './strings';
import type { LocalizationTargetParams } from './params';
import { LocalizerLab } from './LocalizerLab';
import './style.css';

/** The lesson's car: centred a little below the middle, half as wide and a third as tall. */
const START: SceneObject = { box: boxAround(0.5, 0.7, 0.5, 0.3), classId: 1 };
const START_YHAT = ['0.9', '0.45', '0.65', '0.25', '0.55', '0.1', '0.8', '0.1'];
const HEAD = ['p_c', 'b_x', 'b_y', 'b_h', 'b_w', 'c_1', 'c_2', 'c_3'];
const sub = (s: string) => <>{s[0]}<sub>{s.slice(2)}</sub></>;

export default function LocalizationTarget({ params }: WidgetProps<LocalizationTargetParams>) {
  return params.show === 'train' ? <div className="w-localization-target"><LocalizerLab /></div> : <TargetTable />;
}

function TargetTable() {
  const t = useStrings(localizationStrings);
  const ts = useStrings(sceneStrings);
  const idPrefix = `loc-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [object, setObject] = useState<SceneObject>(START);
  const [noObject, setNoObject] = useState(false);
  const [yHatText, setYHatText] = useState<string[]>(START_YHAT);
  // The last valid ŷ: a bad entry stays in its field (red) and the loss keeps the previous value.
  const [yHat, setYHat] = useState<number[]>(() => START_YHAT.map(Number));
  const y = useMemo(() => localizationTarget(object.box, object.classId, noObject), [object, noObject]);
  const { terms, loss } = localizationLoss(yHat, y);
  const placements = useMemo(() => yoloScene([object], 1, 1, LOCALIZATION_CLASSES, [[1, 1]]).placements, [object]);
  const bad = yHatText.map((s, i) => ({ i, s })).filter(({ s }) => parseNumber(s) === null);

  const setEntry = (i: number, text: string) => {
    setYHatText((a) => a.map((s, j) => (j === i ? text : s)));
    const v = parseNumber(text);
    if (v !== null) setYHat((a) => a.map((x, j) => (j === i ? v : x)));
  };
  const classOptions = Array.from({ length: LOCALIZATION_CLASSES }, (_, k) => ({ value: String(k), label: `${k + 1}: ${className(ts, k)}` }));
  const c = (v: number) => formatCell(v, 3);
  const tex = noObject
    ? `\\mathcal{L} = (\\hat y_1 - y_1)^2 = (${c(yHat[0])} - 0)^2 = ${c(loss)}`
    : `\\mathcal{L} = \\sum_{i=1}^{8} (\\hat y_i - y_i)^2 = ${formatCell(loss, 4)}`;

  return (
    <div className="w-localization-target yg-root">
      <Card title={t.title}>
        <div className="yg-controls">
          <Select label={t.objectClass} value={String(object.classId)} options={classOptions} disabled={noObject}
            onChange={(k) => setObject((o) => ({ ...o, classId: Number(k) }))} />
          <Toggle label={t.noObject} checked={noObject} onChange={setNoObject} />
        </div>
        <div className="yg-main">
          <figure className="yg-figure loc-figure">
            <GridScene grid={1} objects={noObject ? [] : [object]} placements={noObject ? [] : placements} selected={noObject ? null : 0}
              onSelect={() => {}} onChange={(_, box: Box) => setObject((o) => ({ ...o, box }))} t={ts} idPrefix={idPrefix}
              showOwner={false} emptyText={noObject ? t.emptyRoad : undefined} />
            <figcaption className="yg-hint">{t.image}. {ts.hint}</figcaption>
          </figure>
          <div className="yg-side">
            {/* One row per component, like the lesson's column vector y. */}
            <div className="yg-table-wrap" role="region" tabIndex={0} aria-label={t.rowY}>
              <table className="yg-table loc-table">
                <thead>
                  <tr><th scope="col" /><th scope="col">{t.rowY}</th><th scope="col">{t.rowYHat}</th><th scope="col">{t.rowTerm}</th></tr>
                </thead>
                <tbody>
                  {HEAD.map((hd, i) => {
                    const v = y[i], x = terms[i];
                    return (
                      <tr key={hd} data-component={i + 1}>
                        <th scope="row">{sub(hd)}</th>
                        <td data-entry={v === null ? '?' : v} className={v === null ? 'yg-dc' : i === 0 && v === 1 ? 'yg-on' : undefined}>
                          {v === null ? '?' : c(v)}
                        </td>
                        <td className="loc-input-cell">
                          <input type="text" inputMode="decimal" name={`yhat-${i + 1}`} value={yHatText[i]} size={4} aria-label={fmt(t.entry, { i: i + 1 })}
                            aria-invalid={parseNumber(yHatText[i]) === null ? true : undefined} onChange={(e) => setEntry(i, e.target.value)} />
                        </td>
                        <td className={x === null ? 'yg-dc loc-ignored' : undefined}>{x === null ? t.ignored : formatCell(x, 4)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {bad.map(({ i, s }) => <p key={i} className="ui-error" data-error="">{fmt(t.bad, { i: i + 1, text: s })}</p>)}
            <p className="yg-hint">{t.edit}</p>
            <div className="yg-metrics">
              <Metric name="target" value={y.map((v) => (v === null ? '?' : v)).join(',')} label="y">[{y.map((v) => (v === null ? '?' : c(v))).join(', ')}]</Metric>
            </div>
            <div className="yg-metrics">
              <Metric name="loss" value={Number(loss.toFixed(6))} label={t.loss} className="yg-big-metric">{formatCell(loss, 4)}</Metric>
              <span data-case={noObject ? 'off' : 'on'}>{noObject ? t.caseOff : t.caseOn}</span>
            </div>
            <div className="yg-formula loc-formula" tabIndex={0} role="region" aria-label={t.loss}><Formula tex={tex} /></div>
            {noObject && <Callout kind="note">{t.dontCare}</Callout>}
          </div>
        </div>
      </Card>
    </div>
  );
}
