// conv-stepper: the convolution stepper.
import { defineParams } from '../types';
import { bool, int, oneOf, schema } from '../params';
import { FILTER_NAMES, IMAGE_NAMES, type FilterName, type ImageName } from '../../viz/filters';

export interface ConvStepperParams extends Record<string, unknown> {
  input: ImageName;
  filter: FilterName;
  stride: number;
  pad: number;
  flip: boolean;
}

export const convStepperDefaults: ConvStepperParams = { input: 'vertical-edge-6x6', filter: 'vertical', stride: 1, pad: 0, flip: false };

export const paramSpec = defineParams<ConvStepperParams>({
  defaults: convStepperDefaults,
  validate: schema<ConvStepperParams>(
    { input: oneOf(IMAGE_NAMES), filter: oneOf(FILTER_NAMES), stride: int(1, 4), pad: int(0, 3), flip: bool() },
    convStepperDefaults,
  ),
});
