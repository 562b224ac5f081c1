// conv-volume: convolution over volumes and one layer of a CNN.
import { defineParams } from '../types';
import { int, schema } from '../params';

export interface ConvVolumeParams extends Record<string, unknown> {
  channels: number;
  filters: number;
}

export const convVolumeDefaults: ConvVolumeParams = { channels: 3, filters: 2 };

export const paramSpec = defineParams<ConvVolumeParams>({
  defaults: convVolumeDefaults,
  validate: schema<ConvVolumeParams>({ channels: int(1, 4), filters: int(1, 16) }, convVolumeDefaults),
});
