// ResNet-50 (He et al. 2016, table 1) stage by stage: a 7×7 stem, then four stages of
// bottleneck blocks (1×1 → 3×3 → 1×1, the first block of each stage with a 1×1 projection
// shortcut W_s), global average pooling and a 1000-way softmax. Every conv is followed by
// batch norm. Two ways to count the parameters:
//   torchvision: conv weights (no conv bias) + BN γ, β (2 per channel) + the dense layer
//                → 25,557,032
//   Keras:       conv weights + a bias per conv filter + BN γ, β, moving mean, moving
//                variance (4 per channel) + the dense layer → 25,636,712
// The moving statistics are not learned by gradient descent (Keras counts them as
// "non-trainable"), and a conv bias just before batch norm is cancelled by BN's mean
// subtraction, so the two networks compute the same function.

export interface Resnet50Stage {
  name: string;
  blocks: number;
  /** The block's filters: 1×1 to `mid`, 3×3 on `mid`, 1×1 to `out` (the stem: one 7×7 conv). */
  mid: number;
  out: number;
  stride: number;
  output: [number, number, number];
  convWeights: number;
  /** Filters of all its convs = channels of all its batch norms. */
  bnChannels: number;
  dense: number;
  /** Parameters as torchvision counts them. */
  params: number;
  /** Parameters as Keras counts them. */
  kerasParams: number;
}

const STAGES = [
  { name: 'conv2_x', blocks: 3, mid: 64, out: 256, stride: 1 },
  { name: 'conv3_x', blocks: 4, mid: 128, out: 512, stride: 2 },
  { name: 'conv4_x', blocks: 6, mid: 256, out: 1024, stride: 2 },
  { name: 'conv5_x', blocks: 3, mid: 512, out: 2048, stride: 2 },
];

function stage(name: string, blocks: number, mid: number, out: number, stride: number, output: [number, number, number], convs: [number, number, number][], dense = 0): Resnet50Stage {
  // convs: [f, cin, cout] of every conv in the stage
  const convWeights = convs.reduce((s, [f, cin, cout]) => s + f * f * cin * cout, 0);
  const bnChannels = convs.reduce((s, [, , cout]) => s + cout, 0);
  return {
    name, blocks, mid, out, stride, output, convWeights, bnChannels, dense,
    params: convWeights + 2 * bnChannels + dense,
    kerasParams: convWeights + bnChannels + 4 * bnChannels + dense,
  };
}

/** The stage table of ResNet-50 on a 224×224×3 image. */
export function resnet50Stages(): Resnet50Stage[] {
  let side = 56; // 224 → 7×7 stride-2 conv → 112 → 3×3 stride-2 max pool → 56
  const rows = [stage('conv1', 1, 64, 64, 2, [56, 56, 64], [[7, 3, 64]])];
  let cin = 64;
  for (const s of STAGES) {
    side = Math.ceil(side / s.stride);
    const convs: [number, number, number][] = [];
    for (let b = 0; b < s.blocks; b++) {
      convs.push([1, cin, s.mid], [3, s.mid, s.mid], [1, s.mid, s.out]);
      if (b === 0) convs.push([1, cin, s.out]); // the projection shortcut W_s
      cin = s.out;
    }
    rows.push(stage(s.name, s.blocks, s.mid, s.out, s.stride, [side, side, s.out], convs));
  }
  rows.push(stage('fc', 1, 0, 1000, 1, [1, 1, 1000], [], 2048 * 1000 + 1000));
  return rows;
}

export interface Resnet50Totals {
  params: number;
  kerasParams: number;
  /** What Keras adds: one bias per conv filter, and BN's moving mean and variance. */
  convBiases: number;
  movingStats: number;
}

export function resnet50Totals(rows = resnet50Stages()): Resnet50Totals {
  const sum = (f: (r: Resnet50Stage) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    params: sum((r) => r.params),
    kerasParams: sum((r) => r.kerasParams),
    convBiases: sum((r) => r.bnChannels),
    movingStats: sum((r) => 2 * r.bnChannels),
  };
}
