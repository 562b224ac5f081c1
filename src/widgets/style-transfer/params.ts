// style-transfer: neural style transfer live in the worker on ResNet-50's first stages
// (pretrained, frozen): pick C and S (built-in or uploaded), start from noise or from C,
// move the α/β balance, watch G and J, J_content, J_style (lessons 40, 42).
import { defineParams } from '../types';
import { num, oneOf, schema } from '../params';

export const ST_CONTENTS = ['house', 'cat'] as const;
export const ST_STYLES = ['swirl', 'stripes', 'dots', 'mosaic'] as const;
export const ST_INITS = ['content', 'noise'] as const;

export interface StyleTransferParams extends Record<string, unknown> {
  content: (typeof ST_CONTENTS)[number];
  style: (typeof ST_STYLES)[number];
  init: (typeof ST_INITS)[number];
  /** log10(β/α) */
  balance: number;
}

export const styleTransferDefaults: StyleTransferParams = { content: 'house', style: 'swirl', init: 'content', balance: 5 };

export const paramSpec = defineParams<StyleTransferParams>({
  defaults: styleTransferDefaults,
  validate: schema<StyleTransferParams>(
    { content: oneOf(ST_CONTENTS), style: oneOf(ST_STYLES), init: oneOf(ST_INITS), balance: num(2, 7) },
    styleTransferDefaults,
  ),
});
