// shape-calculator: an editable list of layers with each layer's output shape, activation
// size, parameters and multiplies, all from engine/shape.ts.
import { defineParams } from '../types';
import { oneOf, schema } from '../params';
import { PRESET_NAMES, type PresetName } from './view/layerPresets';

// resnet50 is not a chain of layers (shortcuts, batch norm): it shows its stage table instead.
export const SHAPE_CALC_PRESETS = [...PRESET_NAMES, 'resnet50', 'custom'] as const;
export type ShapeCalcPreset = PresetName | 'resnet50' | 'custom';

export interface ShapeCalculatorParams extends Record<string, unknown> {
  preset: ShapeCalcPreset;
}

export const shapeCalculatorDefaults: ShapeCalculatorParams = { preset: 'example-39' };

export const paramSpec = defineParams<ShapeCalculatorParams>({
  defaults: shapeCalculatorDefaults,
  validate: schema<ShapeCalculatorParams>({ preset: oneOf(SHAPE_CALC_PRESETS) }, shapeCalculatorDefaults),
});
