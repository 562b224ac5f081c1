import { describe, expect, it } from 'vitest';
import { anchorPlot, boxRect, scenePipeline } from '../../../src/widgets/yolo-lab/view';
import { decodeYolo, nonMaxSuppressionPerClass } from '../../../src/geometry';
import { mulberry32 } from '../../../src/engine/random';

describe('yolo-lab view', () => {
  it('plots shapes in pixels up to the biggest side rounded up to a cell, anchors from the origin', () => {
    const p = anchorPlot([0.25, 0.5, 0.5, 0.25], [0, 1], [0.25, 0.5, 0.5, 0.25], 200);
    expect(p.extent).toBe(32); // 0.5·64 = 32 px
    expect(p.points).toEqual([{ x: 100, y: 0, anchor: 0 }, { x: 200, y: 100, anchor: 1 }]);
    expect(p.anchors[1]).toEqual({ w: 200, h: 100, wPx: 32, hPx: 16 });
  });
  it('runs the pipeline on one scene of a batch of raw outputs: raw ⊇ kept ⊇ final, the same NMS', () => {
    const anchors = [0.15, 0.35, 0.4, 0.2];
    const per = 8 * 8 * 2 * 8;
    const rand = mulberry32(5);
    // sizes t_h, t_w = 1.5 (e^1.5 ≈ 4.5× the anchor): neighbouring boxes overlap, so NMS has work
    const raw = Float32Array.from({ length: 3 * per }, (_, i) => (i % 8 === 3 || i % 8 === 4 ? 1.5 : (rand() - 0.5) * 6));
    const st = scenePipeline(raw, anchors, 2, 0.3);
    expect(st.raw).toHaveLength(128);
    expect(st.kept.every((b) => b.score >= 0.3)).toBe(true);
    expect(st.kept.length).toBe(st.raw.filter((b) => b.score >= 0.3).length);
    const d = decodeYolo(raw, { grid: 8, anchors: [[0.15, 0.35], [0.4, 0.2]], classes: 3 }, 2 * per);
    expect(st.raw[7].box).toEqual(d.boxes[7]);
    const keep = nonMaxSuppressionPerClass(st.kept.map((b) => b.box), st.kept.map((b) => b.score), st.kept.map((b) => b.classId), { iouThreshold: 0.5 });
    expect(st.final.map((b) => b.slot)).toEqual(keep.map((i) => st.kept[i].slot));
    expect(st.final.length).toBeLessThan(st.kept.length);
  });
  it('scales a box to the SVG', () => {
    expect(boxRect({ x1: 0.25, y1: 0.5, x2: 0.75, y2: 1 }, 100)).toEqual({ x: 25, y: 50, width: 50, height: 50 });
  });
});
