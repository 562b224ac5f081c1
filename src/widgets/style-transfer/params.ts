// style-transfer: neural style transfer live in the worker on ResNet-50's first stages
// (pretrained, frozen): pick C and S (built-in or uploaded), start from noise or from C,
// move the α/β balance, watch G and J, J_content, J_style (lessons 40, 42).
import { defineParams } from '../types';
import { CONTENT_NAMES, STYLE_NAMES } from '../../data/stylePictures';
import { num, oneOf, schema, type Field } from '../params';

export const ST_INITS = ['content', 'noise'] as const;
/** Side of C, S and G in pixels: 128 by default; 256 shows more detail at more work per step. */
export const ST_SIZES = [128, 256] as const;
export type StyleSize = (typeof ST_SIZES)[number];

/** Layers J_content can compare: shallow ones keep C's pixels, res3 (conv3_x, 1/8 scale) only its layout. */
export const ST_CONTENT_LAYERS = ['conv1', 'res2a', 'res2b', 'res2c', 'res3a', 'res3d'] as const;
export type StyleContentLayer = (typeof ST_CONTENT_LAYERS)[number];
/** How an uploaded picture becomes a square: its centre square, or the whole picture with bars. */
export const ST_FITS = ['crop', 'letterbox'] as const;
export type StyleFit = (typeof ST_FITS)[number];

export interface StyleTransferParams extends Record<string, unknown> {
  content: (typeof CONTENT_NAMES)[number];
  style: (typeof STYLE_NAMES)[number];
  init: (typeof ST_INITS)[number];
  /** log10(β/α) */
  balance: number;
  size: StyleSize;
  contentLayer: StyleContentLayer;
  fit: StyleFit;
}

const sizeField: Field<StyleSize> = {
  check(v, key) {
    return (ST_SIZES as readonly unknown[]).includes(v)
      ? { ok: true, value: v as StyleSize }
      : { ok: false, error: `${key} must be one of ${ST_SIZES.join(', ')}; got ${JSON.stringify(v)}` };
  },
};

export const styleTransferDefaults: StyleTransferParams = { content: 'house', style: 'swirl', init: 'content', balance: 5, size: 128, contentLayer: 'res2b', fit: 'crop' };

export const paramSpec = defineParams<StyleTransferParams>({
  defaults: styleTransferDefaults,
  validate: schema<StyleTransferParams>(
    { content: oneOf(CONTENT_NAMES), style: oneOf(STYLE_NAMES), init: oneOf(ST_INITS), balance: num(2, 7), size: sizeField, contentLayer: oneOf(ST_CONTENT_LAYERS), fit: oneOf(ST_FITS) },
    styleTransferDefaults,
  ),
});
