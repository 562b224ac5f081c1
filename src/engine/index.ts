// The engine's public API (stable names; tests, lessons, the worker and nn/ use these).
export type { Tensor } from './tensor';
export { tensor, zeros } from './tensor';
export * from './shape';
export { rng, mulberry32, randn, randUniform, truncatedNormal } from './random';
export type { Rng } from './random';
export { gemm } from './kernels/js/gemm';
export type { GemmOptions } from './kernels/js/gemm';
export { releaseScratch } from './scratch';
export * from './ops/index';
export * from './nn';
export { ready, backendName, useBackend, fusedMultiplyAdd } from './kernels/index';
