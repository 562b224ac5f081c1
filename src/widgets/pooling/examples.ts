// Pooling inputs: the lecture's 4×4 (max-pool f = 2, s = 2 → 9 2 / 6 3) and a 6×6, each
// with up to three channels (channel 0 is the lecture's; the others are fixed variations),
// packed NHWC [1, n, n, C] for the engine.
export const POOL_EXAMPLES = {
  '4x4': {
    n: 4,
    channels: [
      [1, 3, 2, 1, 2, 9, 1, 1, 1, 3, 2, 3, 5, 6, 1, 2],
      [4, 0, 7, 2, 1, 5, 3, 8, 6, 2, 0, 1, 3, 7, 4, 2],
      [2, 2, 1, 0, 8, 1, 6, 3, 0, 4, 9, 5, 1, 3, 2, 7],
    ],
  },
  '6x6': {
    n: 6,
    channels: [
      [1, 3, 2, 1, 4, 0, 2, 9, 1, 1, 2, 5, 1, 3, 2, 3, 8, 1, 5, 6, 1, 2, 0, 3, 0, 2, 7, 1, 1, 4, 3, 1, 2, 6, 5, 2],
      [4, 0, 7, 2, 1, 3, 1, 5, 3, 8, 0, 2, 6, 2, 0, 1, 9, 4, 3, 7, 4, 2, 1, 0, 2, 1, 0, 5, 3, 6, 8, 2, 1, 4, 0, 7],
      [2, 2, 1, 0, 6, 1, 8, 1, 6, 3, 2, 4, 0, 4, 9, 5, 1, 3, 1, 3, 2, 7, 5, 0, 3, 6, 1, 2, 8, 4, 0, 5, 4, 1, 2, 9],
    ],
  },
} as const;

export type PoolExample = keyof typeof POOL_EXAMPLES;

/** NHWC data [1, n, n, C] from the first C channels of an example. */
export function packChannels(example: PoolExample, c: number): { n: number; data: number[] } {
  const { n, channels } = POOL_EXAMPLES[example];
  const data: number[] = [];
  for (let i = 0; i < n * n; i++) for (let ch = 0; ch < c; ch++) data.push(channels[ch][i]);
  return { n, data };
}
