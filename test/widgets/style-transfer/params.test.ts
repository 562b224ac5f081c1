// style-transfer's params: 128×128 by default, 256×256 as the option, anything else refused
// with a message naming the allowed sizes; and the block-average shrink that turns an upload
// read at 256 into the 128 picture.
import { describe, expect, it } from 'vitest';
import { paramSpec } from '../../../src/widgets/style-transfer/params';
import { letterboxRect, shrinkPicture } from '../../../src/widgets/shared/stylePictures';

describe('style-transfer params: size', () => {
  it('defaults to 128 and accepts 256', () => {
    const d = paramSpec.validate({});
    expect(d.ok && d.params.size).toBe(128);
    const big = paramSpec.validate({ size: 256, init: 'noise' });
    expect(big.ok && big.params).toMatchObject({ size: 256, init: 'noise' });
  });
  it.each([64, 200, '128', 512])('refuses size %j', (size) => {
    const r = paramSpec.validate({ size });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toMatch(/size must be one of 128, 256/);
  });
});

describe('shrinkPicture', () => {
  it('averages each k×k block, channel by channel', () => {
    // 4×4 picture, R = x + 4y, G = 1 − R/15, B = 0.5: shrink to 2×2 (k = 2)
    const data = new Float32Array(48);
    for (let i = 0; i < 16; i++) data.set([i / 15, 1 - i / 15, 0.5], 3 * i);
    const s = shrinkPicture({ width: 4, height: 4, data }, 2);
    expect(s.width).toBe(2);
    // top-left block holds pixels 0, 1, 4, 5 → mean index 2.5
    const expected = [2.5, 4.5, 10.5, 12.5];
    expected.forEach((m, j) => {
      expect(s.data[3 * j]).toBeCloseTo(m / 15, 6);
      expect(s.data[3 * j + 1]).toBeCloseTo(1 - m / 15, 6);
      expect(s.data[3 * j + 2]).toBeCloseTo(0.5, 6);
    });
  });
  it('keeps a picture already at the size, refuses a size that does not divide', () => {
    const p = { width: 4, height: 4, data: new Float32Array(48) };
    expect(shrinkPicture(p, 4)).toBe(p);
    expect(() => shrinkPicture(p, 3)).toThrow(/cannot shrink/);
  });
});

describe('style-transfer params: content layer and fit', () => {
  it('default res2b and crop; res3d and letterbox accepted; unknown names refused', () => {
    const d = paramSpec.validate({});
    expect(d.ok && d.params).toMatchObject({ contentLayer: 'res2b', fit: 'crop' });
    const deep = paramSpec.validate({ contentLayer: 'res3d', fit: 'letterbox' });
    expect(deep.ok && deep.params).toMatchObject({ contentLayer: 'res3d', fit: 'letterbox' });
    expect(paramSpec.validate({ contentLayer: 'res4a' }).ok).toBe(false);
    expect(paramSpec.validate({ fit: 'stretch' }).ok).toBe(false);
  });
});

describe('letterboxRect', () => {
  it('keeps the aspect: a 400×100 picture fills the width of 256 and is centred vertically', () => {
    expect(letterboxRect(400, 100, 256)).toEqual({ x: 0, y: 96, w: 256, h: 64 });
    // 100·128/300 = 42.7 → 43 wide; (128 − 43)/2 = 42.5 → 42
    expect(letterboxRect(100, 300, 128)).toEqual({ x: 42, y: 0, w: 43, h: 128 });
    expect(letterboxRect(50, 50, 128)).toEqual({ x: 0, y: 0, w: 128, h: 128 });
  });
});
