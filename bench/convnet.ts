// ConvNetJS (Karpathy, 2014): CommonJS, Float64, one image at a time.
import { createRequire } from 'node:module';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ConvNetJS ships no types
export type ConvNetJS = any;

let lib: ConvNetJS | null = null;

export function loadConvNetJS(): ConvNetJS {
  if (!lib) lib = createRequire(import.meta.url)('convnetjs');
  return lib;
}
