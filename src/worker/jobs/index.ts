// The job table: name → job. An explicit object (never registration by import side effect);
// protocol.ts derives every message type from it. Adding a job = one file in this folder
// exporting a defineRequest(...) or defineLongJob(...) + one line here.
import { augmentPicture } from './augmentPicture';
import { benchmark } from './benchmark';
import { cnnAscent, cnnFeatures } from './cnnFeatures';
import { contentActivations } from './contentActivations';
import { conv2d } from './conv2d';
import { convLayer } from './convLayer';
import { conv1d, conv3d } from './convNd';
import { demoFit } from './demoFit';
import { edgeMaps } from './edgeMaps';
import { exerciseCases } from './exerciseCases';
import { grayPicture } from './grayPicture';
import { gramStyle } from './gramStyle';
import { learnFilter } from './learnFilter';
import { mnistDigit } from './mnistDigit';
import { nmsLarge, nmsScene } from './nmsLarge';
import { picture } from './picture';
import { ping } from './ping';
import { regionProposals } from './regionProposals';
import { residualBlock } from './residualBlock';
import { pool2d } from './pool2d';
import { mnistEvaluate, mnistPredict, mnistSave, mnistWarmUp, trainMnist } from './trainMnist';
import { slidingWindows } from './slidingWindows';
import { stylePictures } from './stylePictures';
import { styleTransfer } from './styleTransfer';
import { transposedConv } from './transposedConv';
import { tripletEmbedding } from './tripletEmbedding';

export const jobs = {
  'augment-picture': augmentPicture,
  benchmark,
  'cnn-features': cnnFeatures, 'cnn-features-ascent': cnnAscent,
  'content-activations': contentActivations,
  conv2d,
  'conv-layer': convLayer,
  conv1d, conv3d,
  'demo-fit': demoFit,
  'edge-maps': edgeMaps,
  'exercise-cases': exerciseCases,
  'gray-picture': grayPicture,
  'gram-style': gramStyle,
  'learn-filter': learnFilter,
  'mnist-digit': mnistDigit,
  'nms-large': nmsLarge, 'nms-scene': nmsScene,
  picture,
  ping,
  pool2d,
  'region-proposals': regionProposals,
  'residual-block': residualBlock,
  'train-mnist': trainMnist, 'mnist-predict': mnistPredict, 'mnist-save': mnistSave, 'mnist-evaluate': mnistEvaluate, 'mnist-warm-up': mnistWarmUp,
  'sliding-windows-net': slidingWindows,
  'style-pictures': stylePictures, 'style-transfer': styleTransfer,
  'transposed-conv': transposedConv,
  'triplet-embedding': tripletEmbedding,
} as const;

export type JobTable = typeof jobs;
