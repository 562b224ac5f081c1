// cnn-features: what the units of a trained CNN respond to (course §38) — each conv unit's nine
// most exciting patches (Zeiler & Fergus) and an input optimised by gradient ascent.
//   network 'mnist'   a LeNet-5-like digit network (the student's own from the lab, or trained here)
//   network 'resnet'  the real ImageNet ResNet-50's conv1, res2c and res3d (edges, textures, parts)
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export const CNN_NETWORKS = ['mnist', 'resnet'] as const;

export interface CnnFeaturesParams extends Record<string, unknown> {
  network: (typeof CNN_NETWORKS)[number];
}

export const cnnFeaturesDefaults: CnnFeaturesParams = { network: 'mnist' };

export const paramSpec = defineParams<CnnFeaturesParams>({
  defaults: cnnFeaturesDefaults,
  validate: schema<CnnFeaturesParams>({ network: oneOf(CNN_NETWORKS) }, cnnFeaturesDefaults),
});
