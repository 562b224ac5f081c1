// Registry: widget name (as written in lesson blocks) → spec. An explicit object, never
// registration by import side effect. Each widget lives in its own folder and exports a spec;
// add one line here per widget. Lessons that name a widget not (yet) here show a
// "coming soon" panel, and test/lessons.test.ts lists those pending names.
import type { WidgetSpec } from './types';
import { convStepper } from './conv-stepper/widget';
import { edgeDetect } from './edge-detect/widget';
import { exercise } from './exercise/widget';
import { learnFilterWidget } from './learn-filter/widget';
import { mnistTrainer } from './mnist-trainer/widget';
import { shapeCalculator } from './shape-calculator/widget';
import { systemCheck } from './system-check/widget';
import { whyConvolutions } from './why-convolutions/widget';
import { outputSize } from './output-size/widget';
import { pooling } from './pooling/widget';
import { convVolume } from './conv-volume/widget';
import { iouWidget } from './iou/widget';
import { nmsStepper } from './nms-stepper/widget';
import { tripletLossWidget } from './triplet-loss/widget';
import { tripletTrainingWidget } from './triplet-training/widget';
import { oneShotWidget } from './one-shot/widget';
import { inceptionCostWidget } from './inception-cost/widget';
import { oneByOneWidget } from './one-by-one/widget';
import { depthwiseSeparableWidget } from './depthwise-separable/widget';
import { inceptionModuleWidget } from './inception-module/widget';
import { residualBlockWidget } from './residual-block/widget';
import { resnetVsPlainWidget } from './resnet-vs-plain/widget';
import { transferLearningWidget } from './transfer-learning/widget';
import { ttaEnsembleWidget } from './tta-ensemble/widget';
import { yoloEncoderWidget } from './yolo-encoder/widget';
import { yoloLabWidget } from './yolo-lab/widget';
import { bboxGridWidget } from './bbox-grid/widget';
import { anchorBoxesWidget } from './anchor-boxes/widget';
import { localizationTargetWidget } from './localization-target/widget';
import { transposedConvWidget } from './transposed-conv/widget';
import { slidingWindowsWidget } from './sliding-windows/widget';
import { convNdWidget } from './conv-1d-3d/widget';
import { cnnFeaturesWidget } from './cnn-features/widget';
import { gramMatrixWidget } from './gram-matrix/widget';
import { dataAugmentationWidget } from './data-augmentation/widget';
import { augmentationTrainingWidget } from './augmentation-training/widget';
import { landmarksWidget } from './landmarks/widget';
import { regionProposalsWidget } from './region-proposals/widget';
import { styleTransferWidget } from './style-transfer/widget';
import { contentCostWidget } from './content-cost/widget';
import { codeExercise } from './code-exercise/widget';
import { faceVerificationWidget } from './face-verification/widget';
import { unetLabWidget } from './unet-lab/widget';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table of widgets with different params types; each is typed in its folder
export const registry: Record<string, WidgetSpec<any>> = {
  'cnn-features': cnnFeaturesWidget,
  'code-exercise': codeExercise,
  'conv-1d-3d': convNdWidget,
  'content-cost': contentCostWidget,
  'conv-volume': convVolume,
  pooling,
  'region-proposals': regionProposalsWidget,
  'residual-block': residualBlockWidget,
  'resnet-vs-plain': resnetVsPlainWidget,
  'transfer-learning': transferLearningWidget,
  'unet-lab': unetLabWidget,
  'tta-ensemble': ttaEnsembleWidget,
  'style-transfer': styleTransferWidget,
  'output-size': outputSize,
  'conv-stepper': convStepper,
  'data-augmentation': dataAugmentationWidget,
  'augmentation-training': augmentationTrainingWidget,
  'depthwise-separable': depthwiseSeparableWidget,
  'edge-detect': edgeDetect,
  exercise,
  'face-verification': faceVerificationWidget,
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
  'yolo-lab': yoloLabWidget,
  'bbox-grid': bboxGridWidget,
  'anchor-boxes': anchorBoxesWidget,
  'localization-target': localizationTargetWidget,
  'transposed-conv': transposedConvWidget,
  'sliding-windows': slidingWindowsWidget,
};

export function isRegistered(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(registry, name);
}
