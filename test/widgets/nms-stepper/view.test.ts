// The NMS stepper's pure logic: the state after k events of nmsTrace, the end state equal to
// nonMaxSuppressionPerClass, and the reasons as the course writes them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nmsTrace, nonMaxSuppressionPerClass, type NmsEvent } from '../../../src/geometry/nms';
import { fmt } from '../../../src/ui/i18n';
import { nmsStrings } from '../../../src/widgets/nms-stepper/strings';
import { formatIouNear, nmsStateAt, reasonValues , buildNmsScene } from '../../../src/widgets/nms-stepper/view';

const b = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });

// Hand-made: class 0 has boxes 0 (0.9), 1 (0.8, IoU with 0 = 81/100... see below), 2 (0.3, low);
// class 1 has box 3 (0.7) lying on box 0 (other class: never suppressed by it).
const boxes = [b(0, 0, 10, 10), b(1, 0, 11, 10), b(0, 0, 10, 10), b(0, 0, 10, 10)];
const scores = [0.9, 0.8, 0.3, 0.7];
const classes = [0, 0, 0, 1];
const opts = { iouThreshold: 0.5, scoreThreshold: 0.6 };

describe('nmsStateAt', () => {
  const events = nmsTrace(boxes, scores, classes, opts);
  it('the trace by hand: low score first, then keep 0, suppress 1 (IoU 90/110), then class 1 keeps 3', () => {
    expect(events.map((e) => e.kind + ':' + e.index)).toEqual(['low-score:2', 'keep:0', 'suppress:1', 'keep:3']);
    const s = events[2] as Extract<NmsEvent, { kind: 'suppress' }>;
    expect(s.by).toBe(0);
    expect(s.iou).toBeCloseTo(90 / 110, 12); // overlap 9×10, union 100 + 100 − 90
  });
  it('state after k = 0, 2, 4 events', () => {
    const s0 = nmsStateAt(events, 4, 0);
    expect(s0.states).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect([s0.current, s0.remaining, s0.kept]).toEqual([null, 4, []]);
    const s2 = nmsStateAt(events, 4, 2);
    expect(s2.states).toEqual(['kept', 'pending', 'low-score', 'pending']);
    expect(s2.current).toEqual({ kind: 'keep', index: 0 });
    expect(s2.remaining).toBe(2);
    const s4 = nmsStateAt(events, 4, 4);
    expect(s4.states).toEqual(['kept', 'suppressed', 'low-score', 'kept']);
    expect(s4.kept).toEqual([0, 3]);
    expect(s4.discarded.map((e) => e.index)).toEqual([2, 1]);
    expect(s4.remaining).toBe(0);
    expect(nmsStateAt(events, 4, 99)).toEqual(s4); // k past the end is the end
  });
  it('the reasons read as in the course (boxes numbered from 1)', () => {
    const s = nmsStateAt(events, 4, 4);
    const en = nmsStrings.en;
    const [low, sup] = s.discarded;
    expect(fmt(en.lowScore, reasonValues(low, opts))).toBe('score 0.3 ≤ 0.6');
    expect(fmt(en.suppressed, reasonValues(sup, opts))).toBe('IoU 0.82 ≥ 0.5 with box 1');
    expect(fmt(nmsStrings.zh.suppressed, reasonValues(sup, opts))).toBe('与框 1 的 IoU 0.82 ≥ 0.5');
  });
  it('an IoU that would round onto the threshold is shown with 3 decimals (never "0.5 ≥ 0.5" for 0.4951)', () => {
    expect(formatIouNear(0.5049, 0.5)).toBe('0.505');
    expect(formatIouNear(0.5, 0.5)).toBe('0.5');
    expect(formatIouNear(0.71, 0.5)).toBe('0.71');
  });
});

describe('the stepper on the seeded scenes', () => {
  it('replaying every event ends with exactly nonMaxSuppressionPerClass’s kept set (seeds 1–30, several thresholds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0.3, 0.5, 0.7), fc.constantFrom(0, 0.4, 0.6), (seed, iouThreshold, scoreThreshold) => {
        const sc = buildNmsScene({ seed });
        const bx = sc.candidates.map((c) => c.box), sx = sc.candidates.map((c) => c.score), cx = sc.candidates.map((c) => c.classId);
        const ev = nmsTrace(bx, sx, cx, { iouThreshold, scoreThreshold });
        const end = nmsStateAt(ev, bx.length, ev.length);
        expect(ev.length).toBe(bx.length); // every box is decided exactly once
        expect(end.remaining).toBe(0);
        expect(new Set(end.kept)).toEqual(new Set(nonMaxSuppressionPerClass(bx, sx, cx, { iouThreshold, scoreThreshold })));
        for (const e of end.discarded) {
          if (e.kind === 'low-score') expect(e.score).toBeLessThanOrEqual(scoreThreshold);
          else expect(e.iou).toBeGreaterThanOrEqual(iouThreshold);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('the default scene (seed 1) has 2–3 classes and a cloud of overlapping candidates', () => {
    const sc = buildNmsScene({ seed: 1 });
    expect(sc.objects.length).toBe(4);
    expect(new Set(sc.candidates.map((c) => c.classId)).size).toBeGreaterThanOrEqual(2);
    expect(sc.candidates.length).toBe(4 * 6 + 4);
    expect(buildNmsScene({ seed: 1 })).toEqual(sc); // seeded
  });
});
