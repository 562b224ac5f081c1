// The WebAssembly SIMD kernels' exports. Memory is managed from JavaScript (see ../module.ts):
// every argument that names an array is a byte offset into this module's memory.
export { gemm, GEMM_WORK } from './gemm';
export { convForward, convBackwardFilter, convBackwardData, convWork, padInto, cropFrom, fillRows } from './conv';

/** First byte past the module's static data: the JavaScript side's arena starts above it. */
export function heapBase(): usize {
  return __heap_base;
}
