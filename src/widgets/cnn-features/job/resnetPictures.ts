// What the units of the real ResNet-50 see: the app's own pictures (the six style-transfer
// pictures in colour and the four edge-detection pictures in grey), and the receptive field of
// each stage the widget shows, walked along the main path of the packed stem:
//   conv1 7×7/2 pad 3 → pool 3×3/2 pad 1 → res2a–c (1×1, 3×3 same, 1×1) → res3a (1×1 /2, 3×3, 1×1) → res3b–d
// (a shortcut adds nothing wider than its block's main path, so this is the field of the unit).
import { drawStylePictures } from '../../../data/stylePictures';
import { drawPicture, PICTURE_NAMES } from '../../../data/pictures';
import type { RgbImage } from '../../../data/colorPicture';
import type { LayerSpec } from '../../../engine/nn/specs';
import type { StemLayer } from '../../../engine/nn/resnetStem';
import { receptiveFields, type ReceptiveField } from './receptiveField';

/** Side of the pictures the units are shown (ResNet-50 was trained on 224; 128 keeps it quick). */
export const RESNET_PICTURE_SIDE = 128;
/** Edges, then textures, then parts: one stage of each depth. */
export const RESNET_FEATURE_LAYERS = ['conv1', 'res2c', 'res3d'] as const satisfies readonly StemLayer[];
export type ResnetFeatureLayer = (typeof RESNET_FEATURE_LAYERS)[number];

export interface NamedPicture {
  name: string;
  image: RgbImage;
}

/** The pictures, in a fixed order (the job and the page draw the same set). */
export function resnetPictures(side = RESNET_PICTURE_SIDE): NamedPicture[] {
  const { contents, styles } = drawStylePictures(side);
  const colour = [...Object.entries(contents), ...Object.entries(styles)].map(([name, image]) => ({ name, image }));
  const grey = PICTURE_NAMES.map((name) => {
    const g = drawPicture(name, side);
    const data = new Float32Array(3 * side * side);
    for (let i = 0; i < side * side; i++) data[3 * i] = data[3 * i + 1] = data[3 * i + 2] = g.data[i];
    return { name, image: { width: side, height: side, data } };
  });
  return [...colour, ...grey];
}

const conv = (size: number, stride = 1, pad: number | 'same' | 'valid' = 'valid'): LayerSpec => ({ type: 'conv2d', filters: 1, size, stride, pad });
const block = (stride = 1): LayerSpec[] => [conv(1, stride), conv(3, 1, 1), conv(1)];

/** The main path of the stem as layer specs, and which spec ends each named layer. */
function chain(): { specs: LayerSpec[]; ends: Record<StemLayer, number> } {
  const specs: LayerSpec[] = [conv(7, 2, 3)];
  const ends = { conv1: 0 } as Record<StemLayer, number>;
  specs.push({ type: 'maxPool2d', size: 3, stride: 2, pad: 1 });
  ends.pool1 = 1;
  for (const [name, stride] of [['res2a', 1], ['res2b', 1], ['res2c', 1], ['res3a', 2], ['res3b', 1], ['res3c', 1], ['res3d', 1]] as const) {
    specs.push(...block(stride));
    ends[name] = specs.length - 1;
  }
  return { specs, ends };
}

/** Receptive field of a stem layer on a side × side input. */
export function stemField(layer: StemLayer, side = RESNET_PICTURE_SIDE): ReceptiveField {
  const { specs, ends } = chain();
  return receptiveFields(specs, side)[ends[layer]];
}
