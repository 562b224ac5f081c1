// Anchor boxes (lesson 31): a 3×3 grid with two anchors per cell, tall (0.5 × 1.5 cells) and
// wide (1.5 × 0.5). Each object goes to the cell holding its midpoint and to the anchor whose
// shape has the higher IoU with its own (both centred). Starts on the lesson's example: a
// pedestrian 0.6 wide × 1.4 tall (IoU 0.79 with anchor 1, 0.23 with anchor 2) and a car, both
// in the centre cell, so the cell's 16 numbers hold both.
import { useId, useMemo, useState } from 'react';
import type { Box } from '../../geometry/box';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Formula, Metric, NumberField } from '../../ui';
import { formatCell } from '../../viz/format';
import { ANCHOR_SHAPES_CELL, boxAround, cellSlots, yoloScene, type SceneObject } from '../../viz/yoloEncoder';
import { shapeIouParts } from './view';
import { GridScene } from '../shared/yolo/GridScene';
import { SlotTable } from '../shared/yolo/SlotTable';
import { className, sceneStrings } from '../shared/yolo/strings';
import { anchorBoxesStrings } from './strings';
import type { AnchorBoxesParams } from './params';

const S = 3, A = 2, C = 3;
const raw = (v: number) => Number(v.toFixed(4));

/** Pedestrian 0.6 × 1.4 cells and car 1.4 × 0.5 cells, both with their midpoint in cell (2, 2). */
function lessonScene(): SceneObject[] {
  return [
    { box: boxAround(0.45, 0.48, 0.6 / S, 1.4 / S), classId: 0 },
    { box: boxAround(0.56, 0.6, 1.4 / S, 0.5 / S), classId: 1 },
  ];
}

export default function AnchorBoxes(_props: WidgetProps<AnchorBoxesParams>) {
  const t = useStrings(anchorBoxesStrings);
  const ts = useStrings(sceneStrings);
  const idPrefix = `anchors-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [objects, setObjects] = useState<SceneObject[]>(lessonScene);
  const [sel, setSel] = useState(0);
  const scene = useMemo(() => yoloScene(objects, S, A, C), [objects]);
  const p = scene.placements[sel];
  const o = objects[sel];
  const w = (o.box.x2 - o.box.x1) * S, h = (o.box.y2 - o.box.y1) * S;
  const parts = ANCHOR_SHAPES_CELL.slice(0, A).map(([aw, ah]) => shapeIouParts(w, h, aw, ah));
  const slots = cellSlots(scene.target, S, A, C, p.row, p.col);
  const collided = scene.placements.find((q) => q.collided);

  const setBox = (i: number, box: Box) => setObjects((os) => os.map((x, j) => (j === i ? { ...x, box } : x)));
  const resize = (which: 'w' | 'h') => (v: number | null) => {
    if (v === null || v < 0.1 || v > S) return; // the field shows why; the object keeps its size
    const cx = (o.box.x1 + o.box.x2) / 2, cy = (o.box.y1 + o.box.y2) / 2;
    setBox(sel, boxAround(cx, cy, (which === 'w' ? v : w) / S, (which === 'h' ? v : h) / S));
  };
  const sameCell = () => {
    // Move the car's midpoint next to the pedestrian's (same cell), keeping both shapes.
    const q = objects[0].box;
    const cx = (q.x1 + q.x2) / 2, cy = (q.y1 + q.y2) / 2;
    const r = objects[1].box;
    const col = Math.floor(cx * S), row = Math.floor(cy * S);
    const tx = Math.min((col + 0.9) / S, cx + 0.1 / S), ty = Math.min((row + 0.9) / S, cy + 0.2 / S);
    setBox(1, boxAround(tx, ty, r.x2 - r.x1, r.y2 - r.y1));
  };
  const ghosts = ANCHOR_SHAPES_CELL.slice(0, A).map(([aw, ah], a) => ({ w: aw, h: ah, best: a === p.anchor, label: String(a + 1) }));

  return (
    <div className="w-anchor-boxes yg-root">
      <Card title={t.title}>
        <div className="yg-controls">
          <button type="button" className="yg-button" data-action="example" onClick={() => { setObjects(lessonScene()); setSel(0); }}>{t.example}</button>
          <button type="button" className="yg-button" data-action="same-cell" onClick={sameCell}>{t.sameCell}</button>
        </div>
        <div className="yg-main">
          <figure className="yg-figure">
            <GridScene grid={S} objects={objects} placements={scene.placements} selected={sel} onSelect={setSel} onChange={setBox}
              t={ts} idPrefix={idPrefix} anchors={A} filled={scene.filled} inspect={{ row: p.row, col: p.col }} ghosts={ghosts} />
            <p className="yg-hint">{t.anchorsAre}</p>
            <p className="yg-hint">{ts.hint}</p>
          </figure>
          <div className="yg-side">
            <h4 className="yg-subhead">{t.selected}: {className(ts, o.classId)}</h4>
            <div className="yg-controls">
              <NumberField key={`w${sel}`} name="object-w" label={t.width} value={raw(w)} step={0.1} size={4}
                validate={(v) => (v < 0.1 || v > S ? fmt(t.sizeRange, { max: S }) : null)} onChange={resize('w')} />
              <NumberField key={`h${sel}`} name="object-h" label={t.height} value={raw(h)} step={0.1} size={4}
                validate={(v) => (v < 0.1 || v > S ? fmt(t.sizeRange, { max: S }) : null)} onChange={resize('h')} />
            </div>
            <p className="yg-hint">{t.shapeOnly}</p>
            {parts.map((q, a) => (
              <div key={a} className={`yg-iou-row${a === p.anchor ? ' yg-win' : ''}`}>
                <Metric name={`iou-anchor-${a + 1}`} value={raw(q.iou)} label={fmt(t.iouWith, { a: a + 1 })}>{formatCell(q.iou, 2)}</Metric>
                <span className="yg-formula"><Formula tex={q.tex} /></span>
              </div>
            ))}
            <div className="yg-metrics">
              <Metric name="owner-cell" value={`${p.row + 1},${p.col + 1}`} label={t.ownerCell}>({p.row + 1}, {p.col + 1})</Metric>
              <Metric name="anchor" value={p.anchor + 1} label={t.anchor} className="yg-big-metric" />
            </div>
            <ul className="yg-list">
              {scene.placements.map((q, i) => (
                <li key={i} className={q.collided ? 'yg-warn' : undefined}>
                  {fmt(t.goesTo, { name: className(ts, objects[i].classId), row: q.row + 1, col: q.col + 1, a: q.anchor + 1 })}
                </li>
              ))}
            </ul>
            <SlotTable name="cell" slots={slots} t={ts} focus={p.anchor} caption={fmt(t.cellLabel, { row: p.row + 1, col: p.col + 1 })} />
            <p className="yg-hint">{ts.dontCare}</p>
            {collided && <Callout kind="mistake">{fmt(t.collision, { row: collided.row + 1, col: collided.col + 1, a: collided.anchor + 1 })}</Callout>}
          </div>
        </div>
      </Card>
    </div>
  );
}
