// ResNet-50's stage table against the published counts: torchvision's resnet50 has
// 25,557,032 parameters; Keras' ResNet50 summary reports 25,636,712 (53,120 of them
// non-trainable). The difference is the conv biases plus batch norm's moving statistics.
import { describe, expect, it } from 'vitest';
import { resnet50Stages, resnet50Totals } from '../../../../src/widgets/shape-calculator/view/resnet50';

describe('ResNet-50 preset', () => {
  const rows = resnet50Stages();
  const totals = resnet50Totals(rows);

  it('totals torchvision’s 25,557,032 parameters and Keras’ 25,636,712', () => {
    expect(totals.params).toBe(25_557_032);
    expect(totals.kerasParams).toBe(25_636_712);
  });

  it('the difference is one bias per conv filter plus BN’s moving mean and variance', () => {
    expect(totals.kerasParams - totals.params).toBe(79_680);
    expect(totals.convBiases).toBe(26_560);
    expect(totals.movingStats).toBe(53_120); // Keras' "non-trainable params"
    expect(totals.convBiases + totals.movingStats).toBe(totals.kerasParams - totals.params);
  });

  it('the stage table: shapes, block counts and the stage sizes', () => {
    expect(rows.map((r) => r.name)).toEqual(['conv1', 'conv2_x', 'conv3_x', 'conv4_x', 'conv5_x', 'fc']);
    expect(rows.map((r) => r.blocks)).toEqual([1, 3, 4, 6, 3, 1]);
    expect(rows.map((r) => r.output.join('x'))).toEqual(['56x56x64', '56x56x256', '28x28x512', '14x14x1024', '7x7x2048', '1x1x1000']);
    // conv1: 7·7·3·64 weights + 64 γ + 64 β
    expect(rows[0].params).toBe(7 * 7 * 3 * 64 + 2 * 64);
    // conv2_x by hand: block 1 = 64·64 + 9·64·64 + 64·256 + W_s 64·256; blocks 2, 3 = 256·64 + 9·64·64 + 64·256
    const b1 = 64 * 64 + 9 * 64 * 64 + 64 * 256 + 64 * 256;
    const b = 256 * 64 + 9 * 64 * 64 + 64 * 256;
    const bn = (64 + 64 + 256 + 256) + 2 * (64 + 64 + 256);
    expect(rows[1].params).toBe(b1 + 2 * b + 2 * bn);
    expect(rows[5].params).toBe(2_049_000);
  });
});
