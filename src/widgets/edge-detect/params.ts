// edge-detect: vertical, horizontal, Sobel and Scharr filters on MNIST digits, built-in
// pictures and the user's own picture, computed in the worker.
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export const EDGE_SOURCES = ['digits', 'shapes', 'text', 'gradient', 'checkerboard'] as const;
export type EdgeSource = (typeof EDGE_SOURCES)[number];

export interface EdgeDetectParams extends Record<string, unknown> {
  source: EdgeSource;
}

export const edgeDetectDefaults: EdgeDetectParams = { source: 'digits' };

export const paramSpec = defineParams<EdgeDetectParams>({
  defaults: edgeDetectDefaults,
  validate: schema<EdgeDetectParams>({ source: oneOf(EDGE_SOURCES) }, edgeDetectDefaults),
});
