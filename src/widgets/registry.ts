// Registry: widget name (as written in lesson blocks) → spec. An explicit object, never
// registration by import side effect. Each widget lives in its own folder and exports a spec;
// add one line here per widget. Lessons that name a widget not (yet) here show a
// "coming soon" panel, and test/lessons.test.ts lists those pending names.
import type { WidgetSpec } from './types';
import { convStepper } from './conv-stepper/params';
import { edgeDetect } from './edge-detect/params';
import { exercise } from './exercise/params';
import { learnFilterWidget } from './learn-filter/params';
import { mnistTrainer } from './mnist-trainer/params';
import { shapeCalculator } from './shape-calculator/params';
import { systemCheck } from './system-check/params';
import { whyConvolutions } from './why-convolutions/params';
import { outputSize } from './output-size/params';
import { pooling } from './pooling/params';
import { convVolume } from './conv-volume/params';
import { iouWidget } from './iou/params';
import { nmsStepper } from './nms-stepper/params';
import { tripletLossWidget } from './triplet-loss/params';
import { tripletTrainingWidget } from './triplet-training/params';
import { oneShotWidget } from './one-shot/params';
import { inceptionCostWidget } from './inception-cost/params';
import { oneByOneWidget } from './one-by-one/params';
import { depthwiseSeparableWidget } from './depthwise-separable/params';
import { inceptionModuleWidget } from './inception-module/params';
import { residualBlockWidget } from './residual-block/params';
import { yoloEncoderWidget } from './yolo-encoder/params';
import { bboxGridWidget } from './bbox-grid/params';
import { anchorBoxesWidget } from './anchor-boxes/params';
import { localizationTargetWidget } from './localization-target/params';
import { transposedConvWidget } from './transposed-conv/params';
import { slidingWindowsWidget } from './sliding-windows/params';
import { convNdWidget } from './conv-1d-3d/params';
import { cnnFeaturesWidget } from './cnn-features/params';
import { gramMatrixWidget } from './gram-matrix/params';
import { dataAugmentationWidget } from './data-augmentation/params';
import { landmarksWidget } from './landmarks/params';
import { regionProposalsWidget } from './region-proposals/params';
import { styleTransferWidget } from './style-transfer/params';
import { contentCostWidget } from './content-cost/params';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const registry: Record<string, WidgetSpec<any>> = {
  'cnn-features': cnnFeaturesWidget,
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
