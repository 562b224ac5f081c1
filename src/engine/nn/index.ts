// The nn layer of the engine: autograd tape, models built from plain layer specs,
// optimisers, the training step and the model file.
export { Variable, variable, backward, gradSink, accumulateGrad } from './variable';
export type { GradSink } from './variable';
export * as autograd from './ag';
export type { Workspace } from './autograd';
export type { LayerSpec, MergeSpec, NodeSpec, ParamInfo, LayerShapeInfo } from './specs';
export { layerShape } from './specs';
export { initWeights } from './init';
export type { InitName } from './init';
export { Model, sequential, graphModel, sequentialSpecs } from './model';
export type { GraphSpec, LayerInfo, ModelOptions, ForwardOptions } from './model';
export { createOptimiser, sgd, momentum, adam } from './optimisers';
export type { Optimiser, OptimiserConfig, OptimiserState, ParamSlot } from './optimisers';
export { trainStep, trainStepInfo, evaluate, argmaxRows, NonFiniteLossError } from './train';
export type { TrainStepInfo } from './train';
export { saveModel, loadModel, checkDeclaredSizes, MODEL_LIMITS } from './serialize';
export type { SaveOptions, LoadedModel } from './serialize';
export { encodeModelFile, decodeModelFile, ModelFileError, MODEL_FILE_VERSION } from './fileFormat';
export type { ModelFileContents, NamedArray } from './fileFormat';
