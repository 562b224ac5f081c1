// View helpers of the bbox-grid widget (lesson 28). The encoding itself is geometry's yoloEncode.
import type { Box } from '../../geometry/box';
import { boxAround } from '../../viz/yoloEncoder';

/**
 * The lesson's worked example on an S×S grid: a car whose midpoint is 40% across and 30% down
 * cell (2, 2), 0.9 cells tall and 1.6 cells wide → b = (0.4, 0.3, 0.9, 1.6). On grids where cell
 * (2, 2) is not central it is still cell (2, 2) (row and column 1, 0-based).
 */
export function lessonExample(grid: number): Box {
  return boxAround((1 + 0.4) / grid, (1 + 0.3) / grid, 1.6 / grid, 0.9 / grid);
}

/** How many grid cells a box overlaps with positive area (touching a line is not overlapping). */
export function overlappedCells(b: Box, grid: number): number {
  const eps = 1e-9;
  const c1 = Math.floor(b.x1 * grid + eps), c2 = Math.ceil(b.x2 * grid - eps) - 1;
  const r1 = Math.floor(b.y1 * grid + eps), r2 = Math.ceil(b.y2 * grid - eps) - 1;
  return Math.max(0, c2 - c1 + 1) * Math.max(0, r2 - r1 + 1);
}
