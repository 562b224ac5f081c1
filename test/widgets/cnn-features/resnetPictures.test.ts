// The ResNet-50 stages' receptive fields, worked by hand from the layer list, and the picture set.
import { describe, expect, it } from 'vitest';
import { resnetPictures, stemField } from '../../../src/widgets/cnn-features/job/resnetPictures';

describe('ResNet-50 stem receptive fields', () => {
  it('conv1 7, pool 11, each 3×3 of res2 adds 2·4, each of res3 adds 2·8', () => {
    // conv1: r 7, j 2, o −3. pool 3/2 pad 1: r 7 + 2·2 = 11, o −3 − 2 = −5, j 4.
    expect(stemField('conv1')).toEqual({ size: 7, jump: 2, offset: -3 });
    expect(stemField('pool1')).toEqual({ size: 11, jump: 4, offset: -5 });
    // res2a–c: 3×3 pad 1 at j 4: r + 8, o − 4 each → 35, −17
    expect(stemField('res2c')).toEqual({ size: 35, jump: 4, offset: -17 });
    // res3a: 1×1 stride 2 → j 8; 3×3 pad 1: r + 16, o − 8 → res3a 51, res3d 99, o −17 − 32 = −49
    expect(stemField('res3a')).toEqual({ size: 51, jump: 8, offset: -25 });
    expect(stemField('res3d')).toEqual({ size: 99, jump: 8, offset: -49 });
  });
  it('draws ten pictures of 128×128', () => {
    const p = resnetPictures();
    expect(p.map((q) => q.name)).toEqual(['house', 'cat', 'swirl', 'stripes', 'dots', 'mosaic', 'shapes', 'text', 'gradient', 'checkerboard']);
    for (const q of p) expect(q.image.data.length).toBe(3 * 128 * 128);
  });
});
