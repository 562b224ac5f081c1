// Registry: widget name (as written in lesson blocks) → spec. An explicit object, never
// registration by import side effect. Each widget lives in its own folder and exports a spec;
// add one line here per widget. Lessons that name a widget not (yet) here show a
// "coming soon" panel, and test/lessons.test.ts lists those pending names.
import type { WidgetSpec } from './types';
import { convStepper } from './conv-stepper/index';
import { edgeDetect } from './edge-detect';
import { exercise } from './exercise';
import { learnFilterWidget } from './learn-filter';
import { mnistTrainer } from './mnist-trainer/index';
import { shapeCalculator } from './shape-calculator';
import { systemCheck } from './system-check/index';
import { whyConvolutions } from './why-convolutions';
import { outputSize } from './output-size/index';
import { pooling } from './pooling/index';
import { convVolume } from './conv-volume/index';
import { iouWidget } from './iou/index';
import { nmsStepper } from './nms-stepper/index';
import { tripletLossWidget } from './triplet-loss/index';
import { tripletTrainingWidget } from './triplet-training/index';
import { oneShotWidget } from './one-shot/index';
import { inceptionCostWidget } from './inception-cost/index';
import { oneByOneWidget } from './one-by-one/index';
import { depthwiseSeparableWidget } from './depthwise-separable/index';
import { inceptionModuleWidget } from './inception-module/index';
import { residualBlockWidget } from './residual-block/index';
import { yoloEncoderWidget } from './yolo-encoder/index';
import { bboxGridWidget } from './bbox-grid/index';
import { anchorBoxesWidget } from './anchor-boxes/index';
import { localizationTargetWidget } from './localization-target/index';
import { transposedConvWidget } from './transposed-conv/index';
import { slidingWindowsWidget } from './sliding-windows/index';
import { convNdWidget } from './conv-1d-3d/index';
import { cnnFeaturesWidget } from './cnn-features/index';
import { gramMatrixWidget } from './gram-matrix/index';
import { dataAugmentationWidget } from './data-augmentation/index';
import { landmarksWidget } from './landmarks/index';
import { regionProposalsWidget } from './region-proposals/index';
import { styleTransferWidget } from './style-transfer/index';
import { contentCostWidget } from './content-cost/index';
import { codeExercise } from './code-exercise/index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const registry: Record<string, WidgetSpec<any>> = {
  'cnn-features': cnnFeaturesWidget,
  'code-exercise': codeExercise,
  'conv-1d-3d': convNdWidget,
  'content-cost': contentCostWidget,
  'conv-volume': convVolume,
  pooling,
  'region-proposals': regionProposalsWidget,
  'residual-block': residualBlockWidget,
  'style-transfer': styleTransferWidget,
  'output-size': outputSize,
  'conv-stepper': convStepper,
  'data-augmentation': dataAugmentationWidget,
  'depthwise-separable': depthwiseSeparableWidget,
  'edge-detect': edgeDetect,
  exercise,
  'gram-matrix': gramMatrixWidget,
  'inception-cost': inceptionCostWidget,
  'inception-module': inceptionModuleWidget,
  iou: iouWidget,
  landmarks: landmarksWidget,
  'learn-filter': learnFilterWidget,
  'nms-stepper': nmsStepper,
  'one-by-one': oneByOneWidget,
  'mnist-trainer': mnistTrainer,
  'shape-calculator': shapeCalculator,
  'system-check': systemCheck,
  'triplet-loss': tripletLossWidget,
  'triplet-training': tripletTrainingWidget,
  'one-shot': oneShotWidget,
  'why-convolutions': whyConvolutions,
  'yolo-encoder': yoloEncoderWidget,
  'bbox-grid': bboxGridWidget,
  'anchor-boxes': anchorBoxesWidget,
  'localization-target': localizationTargetWidget,
  'transposed-conv': transposedConvWidget,
  'sliding-windows': slidingWindowsWidget,
};

export function isRegistered(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(registry, name);
}
