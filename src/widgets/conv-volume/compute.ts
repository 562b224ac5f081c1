// The ONE place conv-volume gets its numbers: z = W * a_prev + b and a = ReLU(z) from the
// engine, in the worker (job 'conv-layer').
import { computeClient } from '../../worker/client';
import type { ConvLayerResult } from './job';
import { packVolume } from './volume';

export function convLayerOnEngine(channels: number, filters: number): Promise<ConvLayerResult & { channels: number; filters: number }> {
  return computeClient()
    .request('conv-layer', { ...packVolume(channels, filters), stride: 1, pad: 0 })
    .then((r) => ({ ...r, channels, filters }));
}
