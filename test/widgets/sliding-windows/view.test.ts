// Sliding windows (lessons 26–27, errata §26): a 14×14 window at stride 2 gives 2×2 positions on
// 16×16 and 8×8 on 28×28; the convolutional net ends in 1×1×4, 2×2×4, 8×8×4; one pass of it
// equals running it on every crop.
import { describe, expect, it } from 'vitest';
import { coveredPixels, netShapes, sharedColumns, swGeometry } from '../../../src/widgets/sliding-windows/view';
import { slidingWindowsNet } from '../../../src/widgets/sliding-windows/job/net';

describe('sliding-window geometry', () => {
  it('16 → 2×2 windows, 28 → 8×8, 14 → 1×1 (stride 2)', () => {
    expect([swGeometry(16, 2).outH, swGeometry(16, 2).outW]).toEqual([2, 2]);
    expect([swGeometry(28, 2).outH, swGeometry(28, 2).outW]).toEqual([8, 8]);
    expect(swGeometry(14, 2).steps).toBe(1);
  });
  it('stride changes the count and the coverage on 16×16', () => {
    expect(swGeometry(16, 1).steps).toBe(9);
    expect(swGeometry(16, 3).steps).toBe(1); // ⌊2/3⌋ + 1
    expect(coveredPixels(swGeometry(16, 3))).toBe(14 * 14); // the last 2 rows and columns are never seen
    expect(coveredPixels(swGeometry(16, 2))).toBe(256);
    expect(sharedColumns(swGeometry(16, 2))).toBe(12); // neighbours share 12 of 14 columns
    expect(sharedColumns(swGeometry(16, 3))).toBe(0);
  });
  it('the converted net: 14 → 1×1×4, 16 → 12, 6, 2×2×4, 28 → 24, 12, 8×8×4', () => {
    expect(netShapes(14).at(-1)!.shape).toEqual([1, 1, 4]);
    expect(netShapes(16).map((l) => l.shape[0])).toEqual([16, 12, 6, 2, 2, 2]);
    expect(netShapes(28).map((l) => l.shape)).toEqual([[28, 28, 3], [24, 24, 16], [12, 12, 16], [8, 8, 400], [8, 8, 400], [8, 8, 4]]);
  });
});

describe('sliding-windows-net job', () => {
  it('one pass on 16×16 = the net on each of the four 14×14 crops', () => {
    const r = slidingWindowsNet({ n: 16 });
    expect(r.output.shape).toEqual([1, 2, 2, 4]);
    expect(r.crops.length).toBe(16);
    expect(r.maxDiff).toBeLessThan(1e-5);
    // softmax: each cell's four numbers sum to 1
    for (let c = 0; c < 4; c++) expect(r.output.data.slice(c * 4, c * 4 + 4).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
  it('28×28 → 8×8×4, equal to the 64 crops', () => {
    const r = slidingWindowsNet({ n: 28 });
    expect(r.output.shape).toEqual([1, 8, 8, 4]);
    expect(r.maxDiff).toBeLessThan(1e-5);
    // not a trivial equality: different windows give different outputs
    expect(Math.abs(r.output.data[0] - r.output.data[4 * 63])).toBeGreaterThan(1e-6);
  });
});

describe('windowDetections', () => {
  it('keeps object cells above the threshold with their 14×14 windows', async () => {
    const { windowDetections } = await import('../../../src/widgets/sliding-windows/view');
    // 2×2 cells × 4 classes: (0,0) car 0.9; (0,1) background; (1,0) pedestrian 0.4 (below); (1,1) motorcycle 0.6
    const p = [0.9, 0.05, 0.03, 0.02, 0.1, 0.1, 0.1, 0.7, 0.3, 0.4, 0.2, 0.1, 0.1, 0.1, 0.6, 0.2];
    const d = windowDetections(p, 2, 4, 0.5);
    expect(d.map((x) => [x.row, x.col, x.classId])).toEqual([[0, 0, 0], [1, 1, 2]]);
    expect(d[1].box).toEqual({ x1: 2, y1: 2, x2: 16, y2: 16 });
    expect(d[1].p).toBeCloseTo(0.6, 9);
  });
});
