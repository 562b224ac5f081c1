// The course's architectures as layer lists (ERRATA §8, §10, §12–13).
import type { InputSpec, LayerSpec } from './layerTable';

export interface Architecture {
  input: InputSpec;
  layers: LayerSpec[];
}

const conv = (f: number, filters: number, s = 1, p: number | 'same' = 0): LayerSpec => ({ kind: 'conv', f, s, p, filters });
const maxpool = (f: number, s: number): LayerSpec => ({ kind: 'maxpool', f, s });
const dense = (units: number): LayerSpec => ({ kind: 'dense', units });
const softmax = (units: number): LayerSpec => ({ kind: 'softmax', units });
const flatten: LayerSpec = { kind: 'flatten' };

export const PRESETS = {
  // §8: 39×39×3 → 37×37×10 → 17×17×20 → 7×7×40 → 1960
  'example-39': { input: { h: 39, w: 39, c: 3 }, layers: [conv(3, 10), conv(5, 20, 2), conv(5, 40, 2), flatten] },
  // §10: the LeNet-5-like example (parameters 456, 2416, 48120, 10164, 850)
  lenet5: {
    input: { h: 32, w: 32, c: 3 },
    layers: [conv(5, 6), maxpool(2, 2), conv(5, 16), maxpool(2, 2), dense(120), dense(84), softmax(10)],
  },
  // §13: AlexNet on 227×227×3
  alexnet: {
    input: { h: 227, w: 227, c: 3 },
    layers: [
      conv(11, 96, 4), maxpool(3, 2),
      conv(5, 256, 1, 'same'), maxpool(3, 2),
      conv(3, 384, 1, 'same'), conv(3, 384, 1, 'same'), conv(3, 256, 1, 'same'), maxpool(3, 2),
      flatten, dense(4096), dense(4096), softmax(1000),
    ],
  },
  // §13: VGG-16, 138,357,544 parameters
  vgg16: {
    input: { h: 224, w: 224, c: 3 },
    layers: [
      ...[64, 128].flatMap((k) => [conv(3, k, 1, 'same'), conv(3, k, 1, 'same'), maxpool(2, 2)]),
      ...[256, 512, 512].flatMap((k) => [conv(3, k, 1, 'same'), conv(3, k, 1, 'same'), conv(3, k, 1, 'same'), maxpool(2, 2)]),
      flatten, dense(4096), dense(4096), softmax(1000),
    ],
  },
} satisfies Record<string, Architecture>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** A fresh, editable copy of a preset. */
export function presetArchitecture(name: PresetName): Architecture {
  const a = PRESETS[name];
  return { input: { ...a.input }, layers: a.layers.map((l) => ({ ...l })) };
}
