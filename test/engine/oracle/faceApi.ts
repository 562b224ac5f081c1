// face-api itself (its own bundled TF.js, CPU back end) as the oracle for the face networks, and
// its demo photos as fixtures (decoded by jpeg-js). Dev-only: never imported from src/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import type { RgbPhoto } from '../../../src/data/faceCrop';
import type { PackedNetManifest } from '../../../src/engine/nn/faceNet';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('@vladmandic/face-api/package.json'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FaceApi = any;
let api: Promise<FaceApi> | null = null;

/** face-api with its recogniser and tiny detector loaded from the package's own manifests. */
export function faceApi(): Promise<FaceApi> {
  api ??= (async () => {
    // The browser bundle runs in Node once it believes it is in a browser (its Node builds
    // need tfjs-node); the shim is removed again as soon as the module has been evaluated.
    const g = globalThis as Record<string, unknown>;
    g.window = globalThis;
    g.document = { createElement: () => ({ getContext: () => null }) };
    let fa: FaceApi;
    try {
      fa = await import('@vladmandic/face-api/dist/face-api.esm.js' as string);
    } finally {
      delete g.window;
      delete g.document;
    }
    await fa.tf.setBackend('cpu');
    await fa.tf.ready();
    const load = (net: FaceApi, name: string) => {
      const manifest = JSON.parse(readFileSync(join(root, 'model', `${name}-weights_manifest.json`), 'utf8'));
      const bin = readFileSync(join(root, 'model', `${name}.bin`));
      const buf = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
      net.loadFromWeightMap(fa.tf.io.decodeWeights(buf, manifest[0].weights));
    };
    load(fa.nets.faceRecognitionNet, 'face_recognition_model');
    load(fa.nets.tinyFaceDetector, 'tiny_face_detector_model');
    load(fa.nets.faceLandmark68TinyNet, 'face_landmark_68_tiny_model');
    return fa;
  })();
  return api;
}

/** face-api's demo/sample<i>.jpg as RGB bytes. */
export function samplePhoto(i: number): RgbPhoto {
  const img = jpeg.decode(readFileSync(join(root, 'demo', `sample${i}.jpg`)), { useTArray: true, formatAsRGBA: false });
  return { width: img.width, height: img.height, data: img.data };
}

/** Our packed file for a net (public/models/face, written by scripts/pack-face.mjs). */
export function packedNet(name: 'face-recognition' | 'tiny-face-detector' | 'face-landmarks'): { manifest: PackedNetManifest; bytes: Uint8Array } {
  const dir = join(process.cwd(), 'public', 'models', 'face');
  return { manifest: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')), bytes: new Uint8Array(readFileSync(join(dir, `${name}.bin`))) };
}
