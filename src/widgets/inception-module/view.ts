// §18: the Inception module on 28×28×192. Four branches, all stride 1 and "same", so every
// branch keeps 28×28 and the outputs can be stacked along the channels:
//   1×1 → 64 | 1×1 → 96, 3×3 → 128 | 1×1 → 16, 5×5 → 32 | 3×3 max-pool (s1, same), 1×1 → 32
//   concat → 28×28×(64 + 128 + 32 + 32) = 28×28×256. Counts from engine/shape.ts.
import { poolOutputSize, samePadding } from '../../engine/shape';
import { sameConvStage } from '../../viz/convStage';

export type ModuleLayer =
  | { kind: 'conv'; f: number; cIn: number; cOut: number; inShape: [number, number, number]; outShape: [number, number, number]; params: number; multiplies: number }
  | { kind: 'pool'; f: number; inShape: [number, number, number]; outShape: [number, number, number]; params: 0; multiplies: 0 };

export interface ModuleBranch {
  id: 'b1' | 'b3' | 'b5' | 'pool';
  layers: ModuleLayer[];
  outShape: [number, number, number];
  params: number;
  multiplies: number;
}

export interface InceptionModule {
  input: [number, number, number];
  branches: ModuleBranch[];
  outShape: [number, number, number];
  params: number;
  multiplies: number;
}

function conv(n: number, cIn: number, f: number, cOut: number): ModuleLayer {
  return { kind: 'conv', ...sameConvStage(n, cIn, f, cOut) };
}

function maxPoolSame(n: number, c: number, f: number): ModuleLayer {
  const o = poolOutputSize(n, f, 1, samePadding(f));
  return { kind: 'pool', f, inShape: [n, n, c], outShape: [o, o, c], params: 0, multiplies: 0 };
}

function branch(id: ModuleBranch['id'], layers: ModuleLayer[]): ModuleBranch {
  return {
    id,
    layers,
    outShape: layers[layers.length - 1].outShape,
    params: layers.reduce((a, l) => a + l.params, 0),
    multiplies: layers.reduce((a, l) => a + l.multiplies, 0),
  };
}

export function inceptionModule(n = 28, c = 192): InceptionModule {
  const branches = [
    branch('b1', [conv(n, c, 1, 64)]),
    branch('b3', [conv(n, c, 1, 96), conv(n, 96, 3, 128)]),
    branch('b5', [conv(n, c, 1, 16), conv(n, 16, 5, 32)]),
    branch('pool', [maxPoolSame(n, c, 3), conv(n, c, 1, 32)]),
  ];
  const [h, w] = branches[0].outShape;
  for (const b of branches) {
    if (b.outShape[0] !== h || b.outShape[1] !== w) throw new RangeError(`branch ${b.id} gives ${b.outShape.join('×')}, not ${h}×${w}: cannot concatenate`);
  }
  return {
    input: [n, n, c],
    branches,
    outShape: [h, w, branches.reduce((a, b) => a + b.outShape[2], 0)],
    params: branches.reduce((a, b) => a + b.params, 0),
    multiplies: branches.reduce((a, b) => a + b.multiplies, 0),
  };
}
