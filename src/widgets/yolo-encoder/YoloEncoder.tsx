// YOLO's training target (course §29–30): objects on an image with an S×S grid; each goes to
// the cell holding its midpoint and to the anchor whose shape has the highest IoU with its own;
// the target is S×S×A(5 + C) and every slot without an object is [0, ?, ?, …]. The grid,
// anchors and classes can be changed and the output shape follows.
import { useId, useMemo, useState } from 'react';
import type { Box } from '../../geometry/box';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Metric, NumberField, Select } from '../../ui';
import { formatCell, formatCount } from '../../viz/format';
import { ANCHOR_SHAPES_CELL, boxAround, cellSlots, freeSpot, yoloScene, type SceneObject } from '../../viz/yoloEncoder';
import { GridScene } from '../shared/yolo/GridScene';
import { SlotTable } from '../shared/yolo/SlotTable';
import { className, sceneStrings } from '../shared/yolo/strings';
import { yoloEncoderStrings } from './strings';
import type { YoloEncoderParams } from './params';

/** The course's picture: a pedestrian (tall) and a car (wide), in different cells of a 3×3 grid. */
const START: SceneObject[] = [
  { box: boxAround(0.22, 0.55, 0.12, 0.36), classId: 0 },
  { box: boxAround(0.62, 0.74, 0.42, 0.16), classId: 1 },
];
/** New objects alternate between a tall, a wide and a square shape. */
const NEW_SHAPES: Array<[number, number]> = [[0.12, 0.34], [0.4, 0.15], [0.2, 0.2]];

export default function YoloEncoder({ params }: WidgetProps<YoloEncoderParams>) {
  const t = useStrings(yoloEncoderStrings);
  const ts = useStrings(sceneStrings);
  const idPrefix = `yolo-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [grid, setGrid] = useState(params.grid);
  const [anchors, setAnchors] = useState(params.anchors);
  const [classes, setClasses] = useState(params.classes);
  const [objects, setObjects] = useState<SceneObject[]>(() => START.map((o) => ({ ...o, classId: Math.min(o.classId, params.classes - 1) })));
  const [selected, setSelected] = useState<number | null>(1);
  const [inspect, setInspect] = useState<{ row: number; col: number } | null>(null);

  const scene = useMemo(() => yoloScene(objects, grid, anchors, classes), [objects, grid, anchors, classes]);
  const sel = selected !== null && selected < objects.length ? selected : null;
  const selPlace = sel !== null ? scene.placements[sel] : null;
  // The cell whose numbers are shown: picked in the selects, else the selected object's cell.
  const cell = inspect && inspect.row < grid && inspect.col < grid ? inspect : selPlace ? { row: selPlace.row, col: selPlace.col } : { row: 0, col: 0 };
  const slots = cellSlots(scene.target, grid, anchors, classes, cell.row, cell.col);
  const filledCount = scene.placements.filter((p) => !p.collided).length;

  const setBox = (i: number, b: Box) => {
    setObjects((os) => os.map((o, j) => (j === i ? { ...o, box: b } : o)));
    setInspect(null);
  };
  const select = (i: number) => {
    setSelected(i);
    setInspect(null);
  };
  const add = () => {
    const k = objects.length;
    const [w, h] = NEW_SHAPES[k % NEW_SHAPES.length];
    const { cx, cy } = freeSpot(objects, grid);
    setObjects((os) => [...os, { box: boxAround(cx, cy, w, h), classId: k % classes }]);
    select(k);
  };
  const remove = () => {
    if (sel === null) return;
    setObjects((os) => os.filter((_, j) => j !== sel));
    setSelected(objects.length > 1 ? 0 : null);
    setInspect(null);
  };
  const setClass = (c: string) => sel !== null && setObjects((os) => os.map((o, j) => (j === sel ? { ...o, classId: Number(c) } : o)));
  const whole = (lo: number, hi: number, set: (v: number) => void) => (v: number | null) => {
    if (v !== null && Number.isInteger(v) && v >= lo && v <= hi) set(v);
  };
  const name = (o: SceneObject) => className(ts, Math.min(o.classId, classes - 1));
  const classOptions = Array.from({ length: classes }, (_, k) => ({ value: String(k), label: `${k + 1}: ${className(ts, k)}` }));
  const cellOptions = Array.from({ length: grid }, (_, k) => ({ value: String(k), label: String(k + 1) }));
  const anchorList = ANCHOR_SHAPES_CELL.slice(0, anchors).map(([w, h], a) => `${a + 1}: ${w} × ${h}`).join(', ');

  return (
    <div className="w-yolo-encoder yg-root">
      <Card title={t.title}>
        <div className="yg-controls">
          <NumberField param="grid" label={t.grid} value={grid} integer min={3} max={19} size={3} onChange={whole(3, 19, setGrid)} />
          <NumberField param="anchors" label={t.anchors} value={anchors} integer min={1} max={5} size={3} onChange={whole(1, 5, setAnchors)} />
          <NumberField param="classes" label={t.classes} value={classes} integer min={1} max={80} size={3} onChange={whole(1, 80, setClasses)} />
          <button type="button" className="yg-button" data-action="add-object" onClick={add} disabled={objects.length >= 8}>{t.add}</button>
          <button type="button" className="yg-button" data-action="remove-object" onClick={remove} disabled={sel === null}>{t.remove}</button>
          {sel !== null && (
            <Select label={t.objectClass} value={String(Math.min(objects[sel].classId, classes - 1))} options={classOptions} onChange={setClass} />
          )}
        </div>
        <div className="yg-main">
          <figure className="yg-figure">
            <GridScene grid={grid} objects={objects} placements={scene.placements} selected={sel} onSelect={select} onChange={setBox}
              t={ts} idPrefix={idPrefix} anchors={anchors} filled={scene.filled} inspect={cell} onPickCell={setInspect} />
            <p className="yg-hint">{ts.hint}</p>
            <p className="yg-hint">{fmt(t.anchorShapes, { list: anchorList })}</p>
          </figure>
          <div className="yg-side">
            <div className="yg-metrics">
              <Metric name="output-shape" value={scene.shape.raw} label={t.outputShape} className="yg-big-metric">{scene.shape.flat}</Metric>
              <span>{fmt(t.outputFull, { full: scene.shape.full })}</span>
            </div>
            <div className="yg-metrics">
              <Metric name="output-count" value={scene.shape.count} label={t.outputCount}>{formatCount(scene.shape.count)}</Metric>
              <Metric name="candidate-boxes" value={grid * grid * anchors} label={t.boxes}>{formatCount(grid * grid * anchors)}</Metric>
              <Metric name="filled-slots" value={filledCount} label={t.filled} />
            </div>
            <h4 className="yg-subhead">{t.objects}</h4>
            {objects.length === 0 && <p>{t.none}</p>}
            <ol className="yg-list">
              {scene.placements.map((p, i) => (
                <li key={i} className={p.collided ? 'yg-warn' : undefined} data-placement={`${p.row + 1},${p.col + 1},${p.anchor + 1}`}>
                  <button type="button" className={i === sel ? 'yg-sel' : undefined} onClick={() => select(i)}>
                    {fmt(p.collided ? t.collided : t.placement, { name: name(objects[i]), row: p.row + 1, col: p.col + 1, a: p.anchor + 1 })}
                  </button>
                  <br />
                  <small>{fmt(t.ious, { list: p.anchorIous.map((v, a) => `${a + 1}: ${formatCell(v, 2)}`).join(', ') })}</small>
                </li>
              ))}
            </ol>
            {selPlace && (
              <div className="yg-metrics">
                <Metric name="owner-cell" value={`${selPlace.row + 1},${selPlace.col + 1}`} label={t.ownerCell}>({selPlace.row + 1}, {selPlace.col + 1})</Metric>
                <Metric name="anchor" value={selPlace.anchor + 1} label={t.anchor} />
              </div>
            )}
            {scene.placements.some((p) => p.collided) && <Callout kind="mistake">{t.collisionNote}</Callout>}
            <div className="yg-controls">
              <span>{t.inspect}</span>
              <Select label={t.row} value={String(cell.row)} options={cellOptions} onChange={(r) => setInspect({ row: Number(r), col: cell.col })} />
              <Select label={t.col} value={String(cell.col)} options={cellOptions} onChange={(c) => setInspect({ row: cell.row, col: Number(c) })} />
            </div>
            <SlotTable name="cell" slots={slots} t={ts} focus={selPlace && selPlace.row === cell.row && selPlace.col === cell.col ? selPlace.anchor : null}
              caption={fmt(t.cellLabel, { row: cell.row + 1, col: cell.col + 1, a: anchors, d: 5 + classes })} />
            <p className="yg-hint">{ts.dontCare}</p>
          </div>
        </div>
      </Card>
    </div>
  );
}
