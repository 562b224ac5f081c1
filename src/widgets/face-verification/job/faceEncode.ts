// face-encode: a photo in, its faces out (boxes, landmarks, aligned 150×150 crops, 128-number encodings). The page
// fetches the packed networks (public/models/face) and sends them with each request; they are
// decoded once here and kept while the same files keep coming.
import { defineRequest, JobError } from '../../../worker/job';
import { decodeFaceNet, type FaceNetWeights, type PackedNetManifest } from '../../../engine/nn/faceNet';
import { decodeDetector, type DetectorWeights } from '../../../engine/nn/tinyFaceDetector';
import { decodeLandmarks, type LandmarkWeights } from '../../../engine/nn/faceLandmarks';
import { encodeFaces, findFaces, rgbaToPhoto, type EncodedFace } from './findFaces';

export interface PackedNet {
  manifest: PackedNetManifest;
  bytes: ArrayBuffer | Uint8Array;
}

export interface FaceEncodeArgs {
  recogniser: PackedNet;
  detector: PackedNet;
  landmarks: PackedNet;
  photo: { rgba: Uint8ClampedArray; width: number; height: number };
  /** encode at most this many faces (the best-scoring ones) */
  maxFaces?: number;
}

export interface FaceEncodeResult {
  faces: EncodedFace[];
  /** how many faces the detector found (more than were encoded when above maxFaces) */
  found: number;
  ms: { detect: number; encode: number };
}

function fileKey(bytes: ArrayBuffer | Uint8Array): string {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let h = 0;
  for (let i = 0; i < u8.length; i += 97) h = (h * 31 + u8[i]) | 0;
  return `${u8.length}:${h}`;
}

let cache: { key: string; rec: FaceNetWeights; det: DetectorWeights; lm: LandmarkWeights } | null = null;

function weights(args: FaceEncodeArgs): { rec: FaceNetWeights; det: DetectorWeights; lm: LandmarkWeights } {
  if (!args.recogniser?.bytes || !args.detector?.bytes || !args.landmarks?.bytes) throw new JobError('no-model', 'the face networks were not loaded');
  const key = [args.recogniser, args.detector, args.landmarks].map((n) => fileKey(n.bytes)).join('/');
  if (cache?.key !== key) {
    cache = {
      key,
      rec: decodeFaceNet(args.recogniser.manifest, args.recogniser.bytes),
      det: decodeDetector(args.detector.manifest, args.detector.bytes),
      lm: decodeLandmarks(args.landmarks.manifest, args.landmarks.bytes),
    };
  }
  return cache;
}

export const faceEncode = defineRequest<FaceEncodeArgs, FaceEncodeResult>((args) => {
  const { rec, det, lm } = weights(args);
  const { rgba, width, height } = args.photo;
  const photo = rgbaToPhoto(rgba, width, height);
  const t0 = performance.now();
  const found = findFaces(det, photo);
  const t1 = performance.now();
  const faces = encodeFaces(rec, lm, photo, found.slice(0, Math.max(1, args.maxFaces ?? 6)));
  return { faces, found: found.length, ms: { detect: t1 - t0, encode: performance.now() - t1 } };
});
