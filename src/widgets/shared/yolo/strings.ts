// Strings shared by the grid-scene widgets (yolo-encoder, bbox-grid, anchor-boxes).
import { defineStrings, fmt } from '../../../ui/i18n';

export const sceneStrings = defineStrings(
  {
    image: 'Image with a {s} × {s} grid. Objects: {n}.',
    objectLabel: '{name}: midpoint in cell (row {row}, column {col}). Drag to move, drag a corner to resize; arrow keys move, shift + arrow keys resize.',
    hint: 'Drag an object or its corners (mouse or touch). Keyboard: Tab to an object, arrows move it, shift + arrows resize it.',
    'class.0': 'pedestrian',
    'class.1': 'car',
    'class.2': 'motorcycle',
    classN: 'class {k}',
    cell: 'cell (row {row}, column {col})',
    dontCare: '? = don’t care',
    anchor: 'anchor {a}',
    slotHead: 'slot',
    legendMid: 'midpoint',
    legendOwner: 'cell that owns it',
  },
  {
    image: '带 {s} × {s} 网格的图像。物体：{n} 个。',
    objectLabel: '{name}：中点在格子（第 {row} 行，第 {col} 列）。拖动可移动，拖动角点可调整大小；方向键移动，Shift + 方向键调整大小。',
    hint: '拖动物体或它的角点（鼠标或触摸）。键盘：用 Tab 选中一个物体，方向键移动，Shift + 方向键调整大小。',
    'class.0': '行人',
    'class.1': '汽车',
    'class.2': '摩托车',
    classN: '类别 {k}',
    cell: '格子（第 {row} 行，第 {col} 列）',
    dontCare: '? = 不关心',
    anchor: '锚框 {a}',
    slotHead: '槽位',
    legendMid: '中点',
    legendOwner: '负责它的格子',
  },
);

export type SceneStrings = { [K in keyof (typeof sceneStrings)['en']]: string };

/** The course's class names for the first three classes, "class k" after that (1-based). */
export function className(t: SceneStrings, classId: number): string {
  return classId < 3 ? t[`class.${classId}` as 'class.0'] : fmt(t.classN, { k: classId + 1 });
}
