// Bounding-box predictions (lesson 28): one object on an S×S grid. The cell that contains its
// midpoint owns it; that cell's eight numbers [p_c, b_x, b_y, b_h, b_w, c_1, c_2, c_3] follow
// the drag: b_x, b_y ∈ [0, 1] relative to the cell, b_h, b_w in cell units (may exceed 1).
// Starts on the lesson's example b = (0.4, 0.3, 0.9, 1.6), a car in cell (2, 2) of a 3×3 grid.
import { useId, useMemo, useState } from 'react';
import type { Box } from '../../geometry/box';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Metric, NumberField, Select } from '../../ui';
import { formatCell } from '../../viz/format';
import { cellSlots, yoloScene, type SceneObject } from '../../viz/yoloEncoder';
import { lessonExample, overlappedCells } from './view';
import { GridScene } from '../shared/yolo/GridScene';
import { SlotTable } from '../shared/yolo/SlotTable';
import { className, sceneStrings } from '../shared/yolo/strings';
import { bboxGridStrings } from './strings';
import type { BboxGridParams } from './params';
import '../shared/yolo/scene.css';

const CLASSES = 3;
const raw = (v: number) => Number(v.toFixed(4));

export default function BboxGrid({ params }: WidgetProps<BboxGridParams>) {
  const t = useStrings(bboxGridStrings);
  const ts = useStrings(sceneStrings);
  const idPrefix = `bbox-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [grid, setGrid] = useState(params.grid);
  const [object, setObject] = useState<SceneObject>(() => ({ box: lessonExample(params.grid), classId: 1 }));
  // One anchor: the lesson has no anchors yet, one 8-number vector per cell.
  const scene = useMemo(() => yoloScene([object], grid, 1, CLASSES, [[1 / grid, 1 / grid]]), [object, grid]);
  const p = scene.placements[0];
  const [, bx, by, bh, bw] = p.vector;
  const touched = overlappedCells(object.box, grid);
  const slots = cellSlots(scene.target, grid, 1, CLASSES, p.row, p.col);
  const setBox = (_: number, box: Box) => setObject((o) => ({ ...o, box }));
  const classOptions = Array.from({ length: CLASSES }, (_, k) => ({ value: String(k), label: `${k + 1}: ${className(ts, k)}` }));
  const c = (v: number) => formatCell(v, 2);
  const bigWhich = bh > 1 && bw > 1 ? fmt(t.bigBoth, { h: c(bh), w: c(bw) }) : bh > 1 ? fmt(t.bigH, { v: c(bh) }) : bw > 1 ? fmt(t.bigW, { v: c(bw) }) : null;

  return (
    <div className="w-bbox-grid yg-root">
      <Card title={t.title}>
        <div className="yg-controls">
          <NumberField param="grid" label={t.grid} value={grid} integer min={3} max={19} size={3}
            onChange={(v) => v !== null && Number.isInteger(v) && v >= 3 && v <= 19 && setGrid(v)} />
          <Select label={t.objectClass} value={String(object.classId)} options={classOptions} onChange={(k) => setObject((o) => ({ ...o, classId: Number(k) }))} />
          <button type="button" className="yg-button" data-action="example" onClick={() => { setGrid(3); setObject({ box: lessonExample(3), classId: 1 }); }}>{t.example}</button>
        </div>
        <div className="yg-main">
          <figure className="yg-figure">
            <GridScene grid={grid} objects={[object]} placements={scene.placements} selected={0} onSelect={() => {}} onChange={setBox}
              t={ts} idPrefix={idPrefix} inspect={{ row: p.row, col: p.col }} />
            <p className="yg-hint">{ts.hint}</p>
          </figure>
          <div className="yg-side">
            <div className="yg-metrics">
              <Metric name="owner-cell" value={`${p.row + 1},${p.col + 1}`} label={t.ownerCell} className="yg-big-metric">({p.row + 1}, {p.col + 1})</Metric>
              <Metric name="output-shape" value={scene.shape.raw} label={t.shape}>{scene.shape.flat}</Metric>
              <Metric name="overlapped-cells" value={touched} label={t.overlapped} />
            </div>
            <SlotTable name="cell" slots={slots} t={ts} caption={fmt(t.cellLabel, { row: p.row + 1, col: p.col + 1 })} />
            <p className="yg-hint">{t.others}</p>
            <div className="yg-metrics">
              <Metric name="bx" value={raw(bx)} label="b_x">{c(bx)}</Metric>
              <Metric name="by" value={raw(by)} label="b_y">{c(by)}</Metric>
              <Metric name="bh" value={raw(bh)} label="b_h">{c(bh)}</Metric>
              <Metric name="bw" value={raw(bw)} label="b_w">{c(bw)}</Metric>
            </div>
            <p className="yg-hint">{t.bxby}</p>
            {touched > 1 && <Callout kind="note">{fmt(t.onlyOne, { n: touched, row: p.row + 1, col: p.col + 1 })}</Callout>}
            {bigWhich && <Callout kind="tip">{fmt(t.big, { which: bigWhich })}</Callout>}
          </div>
        </div>
      </Card>
    </div>
  );
}
