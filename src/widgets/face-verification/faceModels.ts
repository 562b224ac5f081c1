// The packed face networks (public/models/face, written by scripts/pack-face.mjs at build time),
// fetched once per page when a face widget first appears: the recogniser 6.4 MB, the detector 0.2 MB.
import type { PackedNet } from './job/faceEncode';

export interface FaceModels {
  recogniser: PackedNet;
  detector: PackedNet;
}

let models: Promise<FaceModels> | null = null;

async function fetchNet(dir: URL, name: string): Promise<PackedNet> {
  const [m, b] = await Promise.all([fetch(new URL(`${name}.json`, dir)), fetch(new URL(`${name}.bin`, dir))]);
  if (!m.ok || !b.ok) throw new Error(`HTTP ${m.ok ? b.status : m.status} for ${name}`);
  return { manifest: await m.json(), bytes: await b.arrayBuffer() };
}

export function loadFaceModels(): Promise<FaceModels> {
  models ??= (async () => {
    const dir = new URL('models/face/', document.baseURI);
    const [recogniser, detector] = await Promise.all([fetchNet(dir, 'face-recognition'), fetchNet(dir, 'tiny-face-detector')]);
    return { recogniser, detector };
  })();
  models.catch(() => (models = null));
  return models;
}
