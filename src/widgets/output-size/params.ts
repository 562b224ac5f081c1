// output-size: padding, stride and the output size.
import { defineParams } from '../types';
import { int, intOrOneOf, schema } from '../params';

export interface OutputSizeParams extends Record<string, unknown> {
  n: number;
  f: number;
  p: number | 'same' | 'valid';
  s: number;
}

export const outputSizeDefaults: OutputSizeParams = { n: 6, f: 3, p: 0, s: 1 };

export const paramSpec = defineParams<OutputSizeParams>({
  defaults: outputSizeDefaults,
  validate: schema<OutputSizeParams>(
    { n: int(1, 64), f: int(1, 15), p: intOrOneOf(0, 10, ['same', 'valid'] as const), s: int(1, 8) },
    outputSizeDefaults,
  ),
});
