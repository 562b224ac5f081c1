import { describe, expect, it } from 'vitest';
import { inceptionModule } from '../../../src/widgets/inception-module/view';

describe('inception-module (§18)', () => {
  const m = inceptionModule();
  it('four branches keep 28×28; concat → 28×28×256', () => {
    expect(m.branches.map((b) => b.outShape)).toEqual([[28, 28, 64], [28, 28, 128], [28, 28, 32], [28, 28, 32]]);
    expect(m.outShape).toEqual([28, 28, 256]);
  });
  it('the pool branch keeps 192 channels until its 1×1 conv shrinks them to 32', () => {
    const pool = m.branches[3];
    expect(pool.layers[0]).toMatchObject({ kind: 'pool', outShape: [28, 28, 192], params: 0, multiplies: 0 });
    expect(pool.layers[1].outShape).toEqual([28, 28, 32]);
  });
  it('multiplies per branch, by hand: 28·28·(64·192), 28·28·(96·192 + 128·9·96), 28·28·(16·192 + 32·25·16), 28·28·32·192', () => {
    const px = 28 * 28;
    expect(m.branches.map((b) => b.multiplies)).toEqual([px * 64 * 192, px * (96 * 192 + 128 * 9 * 96), px * (16 * 192 + 32 * 25 * 16), px * 32 * 192]);
    expect(m.branches[2].multiplies).toBe(12_443_648);
    expect(m.multiplies).toBe(m.branches.reduce((a, b) => a + b.multiplies, 0));
  });
  it('parameters: (192+1)·64, (192+1)·96 + (9·96+1)·128, (192+1)·16 + (25·16+1)·32, (192+1)·32', () => {
    expect(m.branches.map((b) => b.params)).toEqual([193 * 64, 193 * 96 + 865 * 128, 193 * 16 + 401 * 32, 193 * 32]);
  });
});
