import { describe, expect, it } from 'vitest';
import { edgeMapsOf } from '../../../src/widgets/edge-detect/job/edgeMaps';
import { filterBank, EDGE_BANK, SOBEL_PAIR } from '../../../src/widgets/edge-detect/view';
import { drawCheckerboard } from '../../../src/data/pictures';

// The lecture's 6×6 picture: left 3 columns 10, right 3 columns 0.
const lecture = { shape: [1, 6, 6, 1], data: Float32Array.from({ length: 36 }, (_, i) => (i % 6 < 3 ? 10 : 0)) };

describe('edge maps (one conv2d with a [3,3,1,6] bank)', () => {
  it('bank layout is HWIO: w[u,v,0,c] = filter_c[u][v]', () => {
    const b = filterBank();
    expect(b.shape).toEqual([3, 3, 1, 6]);
    // Scharr vertical (channel 4) centre-left is 10; Sobel horizontal (channel 3) top-middle is 2.
    expect(b.data[(1 * 3 + 0) * 6 + 4]).toBe(10);
    expect(b.data[(0 * 3 + 1) * 6 + 3]).toBe(2);
  });

  it("lecture example: vertical filter rows are 0 30 30 0; horizontal is all 0; Sobel 0 40 40 0", () => {
    const r = edgeMapsOf({ image: lecture, bank: filterBank(), magnitudes: [SOBEL_PAIR] });
    expect([r.height, r.width]).toEqual([4, 4]);
    for (let row = 0; row < 4; row++) {
      expect(Array.from(r.maps[0].slice(row * 4, row * 4 + 4))).toEqual([0, 30, 30, 0]);
      expect(Array.from(r.maps[2].slice(row * 4, row * 4 + 4))).toEqual([0, 40, 40, 0]);
      expect(Array.from(r.maps[4].slice(row * 4, row * 4 + 4))).toEqual([0, 160, 160, 0]);
    }
    expect(r.maps[1].every((v) => v === 0)).toBe(true);
    // |G| = √(40² + 0²)
    expect(Array.from(r.magnitudes[0].slice(0, 4))).toEqual([0, 40, 40, 0]);
    expect(EDGE_BANK.length).toBe(r.maps.length);
  });

  it('magnitude is √(Gx² + Gy²) pixel by pixel', () => {
    const p = drawCheckerboard(12, 4);
    const r = edgeMapsOf({ image: { shape: [1, 12, 12, 1], data: p.data }, bank: filterBank(), magnitudes: [SOBEL_PAIR] });
    for (let i = 0; i < r.magnitudes[0].length; i++) {
      expect(r.magnitudes[0][i]).toBeCloseTo(Math.sqrt(r.maps[2][i] ** 2 + r.maps[3][i] ** 2), 5);
    }
    expect(() => edgeMapsOf({ image: lecture, bank: filterBank(), magnitudes: [[0, 9]] })).toThrow(RangeError);
  });
});

describe('built-in and uploaded pictures (drawn in place by the widgets)', () => {
  it('draws built-in pictures by name and size', async () => {
    const { drawPicture } = await import('../../../src/data/pictures');
    const pictures = [drawPicture('checkerboard', 16), drawPicture('gradient', 16)];
    expect(pictures.map((p) => [p.width, p.height])).toEqual([[16, 16], [16, 16]]);
    expect(pictures[1].data[15]).toBe(1);
  });

  it('turns RGBA into luma', async () => {
    const { rgbaToGray } = await import('../../../src/data/pictures');
    const g = rgbaToGray(new Uint8ClampedArray([0, 0, 255, 255]), 1, 1);
    expect(g.data[0]).toBeCloseTo(0.114, 5);
  });
});
