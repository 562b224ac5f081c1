// bbox-grid: YOLO's grid, one object; the cell holding its midpoint owns it (lesson 28).
import { defineParams } from '../types';
import { int, schema } from '../params';

export type BboxGridParams = { grid: number };

export const bboxGridDefaults: BboxGridParams = { grid: 3 };

export const paramSpec = defineParams<BboxGridParams>({
  defaults: bboxGridDefaults,
  validate: schema<BboxGridParams>({ grid: int(3, 19) }, bboxGridDefaults),
});
