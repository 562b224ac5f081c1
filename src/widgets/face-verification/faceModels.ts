// The packed face networks (public/models/face, written by scripts/pack-face.mjs at build time),
// fetched once per page when a face widget first appears: the recogniser 6.4 MB, the detector
// 0.2 MB, the landmark net 0.08 MB.
import type { PackedNet } from './job/faceEncode';

export interface FaceModels {
  recogniser: PackedNet;
  detector: PackedNet;
  landmarks: PackedNet;
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
    const [recogniser, detector, landmarks] = await Promise.all(['face-recognition', 'tiny-face-detector', 'face-landmarks'].map((n) => fetchNet(dir, n)));
    return { recogniser, detector, landmarks };
  })();
  models.catch(() => (models = null));
  return models;
}
