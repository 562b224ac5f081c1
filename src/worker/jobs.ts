// The job table: name → job. An explicit object (never registration by import side effect);
// protocol.ts derives every message type from it. Adding a job = a widget's job.ts (or job/
// file) exporting a defineRequest(...) or defineLongJob(...) + one line here.
import { augmentPicture } from '../widgets/data-augmentation/job';
import { augmentationTraining } from '../widgets/augmentation-training/job/train';
import { benchmark } from '../widgets/system-check/job/benchmark';
import { cnnAscent, cnnFeatures } from '../widgets/cnn-features/job';
import { cnnFeaturesResnet, cnnFeaturesResnetAscent } from '../widgets/cnn-features/job/resnetUnits';
import { contentActivations } from '../widgets/content-cost/job';
import { conv2d } from '../widgets/conv-stepper/job';
import { convTiming } from '../widgets/shared/job/convTiming';
import { convLayer } from '../widgets/conv-volume/job';
import { conv1d, conv3d } from '../widgets/conv-1d-3d/job';
import { demoFit } from '../widgets/system-check/job/demoFit';
import { exerciseCases } from '../widgets/code-exercise/job/exerciseCases';
import { edgeMaps } from '../widgets/edge-detect/job/edgeMaps';
import { faceEncode } from '../widgets/face-verification/job/faceEncode';
import { glyphOneShot } from '../widgets/one-shot/job/glyphOneShot';
import { gramStyle } from '../widgets/gram-matrix/job';
import { learnFilter } from '../widgets/learn-filter/job';
import { trainLandmarksJob } from '../widgets/landmarks/job/train';
import { trainLocalizerJob } from '../widgets/localization-target/job/train';
import { mnistDigit } from '../widgets/edge-detect/job/mnistDigit';
import { nmsLarge } from '../widgets/nms-stepper/job';
import { ping } from '../widgets/system-check/job/ping';
import { regionProposals } from '../widgets/region-proposals/job/pipelines';
import { trainRegionProposals } from '../widgets/region-proposals/job/train';
import { residualBlock, residualBottleneck } from '../widgets/residual-block/job';
import { resnetVsPlain } from '../widgets/resnet-vs-plain/job/train';
import { pool2d } from '../widgets/pooling/job';
import { trainMnist } from '../widgets/mnist-trainer/job/train';
import { mnistEvaluate } from '../widgets/mnist-trainer/job/evaluate';
import { mnistPredict } from '../widgets/mnist-trainer/job/predict';
import { mnistSave } from '../widgets/mnist-trainer/job/save';
import { mnistWarmUp } from '../widgets/mnist-trainer/job/warmUp';
import { slidingWindows } from '../widgets/sliding-windows/job/net';
import { trainSlidingWindows } from '../widgets/sliding-windows/job/train';
import { styleTransfer } from '../widgets/style-transfer/job/styleTransfer';
import { transferLearning } from '../widgets/transfer-learning/job/train';
import { transposedConv } from '../widgets/transposed-conv/job';
import { ttaEnsemble } from '../widgets/tta-ensemble/job/train';
import { tripletEmbedding } from '../widgets/shared/job/embedding/tripletEmbedding';
import { unetLab } from '../widgets/unet-lab/job/train';
import { yoloLab } from '../widgets/yolo-lab/job/train';

export const jobs = {
  'augment-picture': augmentPicture,
  'augmentation-training': augmentationTraining,
  benchmark,
  'cnn-features': cnnFeatures, 'cnn-features-ascent': cnnAscent,
  'cnn-features-resnet': cnnFeaturesResnet, 'cnn-features-resnet-ascent': cnnFeaturesResnetAscent,
  'content-activations': contentActivations,
  conv2d,
  'conv-timing': convTiming,
  'conv-layer': convLayer,
  conv1d, conv3d,
  'demo-fit': demoFit,
  'edge-maps': edgeMaps,
  'exercise-cases': exerciseCases,
  'face-encode': faceEncode,
  'glyph-one-shot': glyphOneShot,
  'gram-style': gramStyle,
  'learn-filter': learnFilter,
  'mnist-digit': mnistDigit,
  'nms-large': nmsLarge,
  ping,
  pool2d,
  'region-proposals': regionProposals, 'train-region-proposals': trainRegionProposals,
  'residual-block': residualBlock, 'residual-bottleneck': residualBottleneck,
  'resnet-vs-plain': resnetVsPlain,
  'train-landmarks': trainLandmarksJob,
  'train-localizer': trainLocalizerJob,
  'train-mnist': trainMnist, 'mnist-predict': mnistPredict, 'mnist-save': mnistSave, 'mnist-evaluate': mnistEvaluate, 'mnist-warm-up': mnistWarmUp,
  'sliding-windows-net': slidingWindows, 'train-sliding-windows': trainSlidingWindows,
  'style-transfer': styleTransfer,
  'transfer-learning': transferLearning,
  'transposed-conv': transposedConv,
  'tta-ensemble': ttaEnsemble,
  'triplet-embedding': tripletEmbedding,
  'unet-lab': unetLab,
  'yolo-lab': yoloLab,
} as const;

export type JobTable = typeof jobs;
