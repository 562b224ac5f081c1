// Which input wins each max-pooling window (for highlighting). The pooled VALUES come from the
// engine through the worker; this only says where the max sits, for drawing.
// Ties: the first maximum in row-major order wins (as TensorFlow's argmax does).
import type { WindowGeometry } from './window';
import { windowAt } from './window';

/** For each output cell (row-major), the input cell (row, col) holding its window's maximum. */
export function poolWinners(g: WindowGeometry, input: ArrayLike<number>): { row: number; col: number }[] {
  const winners: { row: number; col: number }[] = [];
  for (let k = 0; k < g.steps; k++) {
    const { padded } = windowAt(g, k);
    let best = -Infinity;
    let at = { row: -1, col: -1 };
    for (let dr = 0; dr < g.f; dr++) {
      for (let dc = 0; dc < g.f; dc++) {
        const r = padded.row + dr - g.pad.top;
        const c = padded.col + dc - g.pad.left;
        if (r < 0 || c < 0 || r >= g.h || c >= g.w) continue; // padding never wins a max
        const v = input[r * g.w + c];
        if (v > best) {
          best = v;
          at = { row: r, col: c };
        }
      }
    }
    winners.push(at);
  }
  return winners;
}
