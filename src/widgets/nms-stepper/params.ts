// nms-stepper: non-max suppression stepped through on a seeded scene, plus a 10,000-box
// large mode in the worker (course §28).
import { defineParams } from '../types';
import { num, schema } from '../params';

export interface NmsStepperParams extends Record<string, unknown> {
  iouThreshold: number;
  scoreThreshold: number;
}

export const nmsStepperDefaults: NmsStepperParams = { iouThreshold: 0.5, scoreThreshold: 0.6 };

export const paramSpec = defineParams<NmsStepperParams>({
  defaults: nmsStepperDefaults,
  validate: schema<NmsStepperParams>({ iouThreshold: num(0, 1), scoreThreshold: num(0, 1) }, nmsStepperDefaults),
});
