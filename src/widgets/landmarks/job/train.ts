// The train-landmarks long job: a small ConvNet regresses the five landmarks of generated faces
// (src/data/landmarkFaces), 2 × 5 = 10 numbers, each coordinate relative to the picture side.
//
//   32×32×3 → conv 3×3 s2 ×16 → ReLU → conv 3×3 s2 ×32 → ReLU → conv 3×3 s2 ×32 → ReLU (4×4×32)
//           → FC 64 → ReLU → FC 10
//
// Loss: squared error summed over the 10 coordinates, averaged over the batch,
//   L = (1/n) Σ_i Σ_k (ŷ_ik − y_ik)²,   ∂L/∂ŷ_ik = 2(ŷ_ik − y_ik)/n.
// Every TEST_EVERY steps: the mean distance between predicted and true landmarks on the held-out
// faces, in pixels of the 32×32 picture.
import { defineLongJob, assertFiniteLoss, smoothLoss } from '../../../worker/job';
import { checkLearningRate } from '../../../worker/checks';
import { sequential, type Model } from '../../../engine/nn/model';
import { createOptimiser, type Optimiser } from '../../../engine/nn/optimisers';
import { backward, gradSink } from '../../../engine/nn/variable';
import { record } from '../../../engine/nn/autograd';
import type { Tensor } from '../../../engine/tensor';
import { FACE_LANDMARKS, LANDMARK_FACE_SIZE, landmarkFace, landmarkTestFaces, meanLandmarkError, type LandmarkFace } from '../../../data/landmarkFaces';

const N = LANDMARK_FACE_SIZE;
const K = FACE_LANDMARKS.length;
export const LM_BATCH = 16;
export const LM_TEST_EVERY = 50;
export const LM_TEST_COUNT = 100;
export const LM_SHOWN = 6;

export function buildLandmarkNet(seed: number): Model {
  return sequential(
    [
      { type: 'conv2d', filters: 16, size: 3, stride: 2, pad: 'same' }, { type: 'relu' },
      { type: 'conv2d', filters: 32, size: 3, stride: 2, pad: 'same' }, { type: 'relu' },
      { type: 'conv2d', filters: 32, size: 3, stride: 2, pad: 'same' }, { type: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 64 }, { type: 'relu' },
      { type: 'dense', units: 2 * K },
    ],
    [N, N, 3],
    { seed },
  );
}

/** Pictures and targets [l1x, l1y, …] / N for a batch of faces. */
export function landmarkBatch(faces: readonly LandmarkFace[]): { x: Tensor; y: Float32Array } {
  const x = new Float32Array(faces.length * N * N * 3);
  const y = new Float32Array(faces.length * 2 * K);
  faces.forEach((f, i) => {
    x.set(f.image.data, i * N * N * 3);
    f.points.forEach((p, k) => y.set([p.x / N, p.y / N], i * 2 * K + 2 * k));
  });
  return { x: { shape: [faces.length, N, N, 3], data: x }, y };
}

/** Squared error summed over the coordinates, averaged over the batch, and its gradient. */
export function landmarkLoss(z: ArrayLike<number>, y: ArrayLike<number>, n: number): { loss: number; dz: Float32Array } {
  const dz = new Float32Array(y.length);
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const e = z[i] - y[i];
    s += e * e;
    dz[i] = (2 * e) / n;
  }
  return { loss: s / n, dz };
}

export function trainLandmarks(model: Model, opt: Optimiser, x: Tensor, y: Float32Array): number {
  const params = model.parameters();
  for (const p of params) p.zeroGrad();
  const z = model.forward(x, { training: true, reuseBuffers: true });
  const r = landmarkLoss(z.value.data, y, x.shape[0]);
  const node = record({ shape: [], data: Float32Array.of(r.loss) }, [z], (self) => {
    const s = gradSink(z);
    for (let i = 0; i < r.dz.length; i++) s.out.data[i] = r.dz[i] * self.grad!.data[0];
    s.finish();
  });
  if (Number.isFinite(r.loss)) {
    backward(node);
    opt.step(params.map((p) => ({ data: p.value.data, grad: p.grad!.data })));
  }
  return r.loss;
}

/** Predicted points in pixels for each face. */
export function predictLandmarks(model: Model, faces: readonly LandmarkFace[]): { x: number; y: number }[][] {
  const z = model.forward(landmarkBatch(faces).x, { reuseBuffers: 'eval' }).value.data;
  return faces.map((_, i) => Array.from({ length: K }, (_, k) => ({ x: z[i * 2 * K + 2 * k] * N, y: z[i * 2 * K + 2 * k + 1] * N })));
}

export interface LandmarkArgs {
  seed?: number;
  learningRate?: number; // default 0.002
  maxSteps?: number; // default 1500
}

export interface LandmarkProgress {
  step: number;
  loss: number;
  /** Mean landmark distance on the held-out faces, in pixels of the 32×32 picture (null before the first test). */
  error: number | null;
  testFaces: number;
}

export interface LandmarkSnapshot {
  steps: Float32Array;
  losses: Float32Array;
  testSteps: Float32Array;
  errors: Float32Array;
  /** Predicted points of the first LM_SHOWN held-out faces, x, y in pixels (2·K each). */
  shown: Float32Array;
}

export interface LandmarkState {
  model: Model;
  opt: Optimiser;
  next: number;
  step: number;
  maxSteps: number;
  loss: number;
  steps: number[]; losses: number[]; testSteps: number[]; errors: number[];
  test: LandmarkFace[];
  testDue: boolean;
  shown: Float32Array;
}

export function initLandmarks(a: LandmarkArgs): LandmarkState {
  const lr = checkLearningRate(a.learningRate ?? 0.002);
  const seed = a.seed ?? 1;
  return {
    model: buildLandmarkNet(seed), opt: createOptimiser({ kind: 'adam', lr }),
    next: (seed - 1) * 100_000, step: 0, maxSteps: a.maxSteps ?? 1500, loss: NaN,
    steps: [], losses: [], testSteps: [], errors: [],
    test: landmarkTestFaces(LM_TEST_COUNT), testDue: true, shown: new Float32Array(0),
  };
}

/** One step: the held-out test when due (100 small faces: one short forward pass), else a batch. */
export function stepLandmarks(s: LandmarkState): boolean {
  if (s.testDue) {
    const pred = predictLandmarks(s.model, s.test);
    s.errors.push(meanLandmarkError(pred, s.test.map((f) => f.points)));
    s.testSteps.push(s.step);
    s.shown = Float32Array.from(pred.slice(0, LM_SHOWN).flatMap((pts) => pts.flatMap((p) => [p.x, p.y])));
    s.testDue = false;
    return s.step >= s.maxSteps;
  }
  const faces = Array.from({ length: LM_BATCH }, () => landmarkFace(s.next++));
  const { x, y } = landmarkBatch(faces);
  const loss = trainLandmarks(s.model, s.opt, x, y);
  assertFiniteLoss(loss, s.step);
  s.loss = smoothLoss(s.loss, loss);
  s.step++;
  s.steps.push(s.step);
  s.losses.push(s.loss);
  if (s.step % LM_TEST_EVERY === 0 || s.step >= s.maxSteps) s.testDue = true;
  return false;
}

export const trainLandmarksJob = defineLongJob<LandmarkArgs, LandmarkState, LandmarkProgress, LandmarkSnapshot>({
  init: initLandmarks,
  step: stepLandmarks,
  progress: (s) => ({ step: s.step, loss: s.loss, error: s.errors.length ? s.errors[s.errors.length - 1] : null, testFaces: s.test.length }),
  snapshot: (s) => ({
    steps: Float32Array.from(s.steps), losses: Float32Array.from(s.losses),
    testSteps: Float32Array.from(s.testSteps), errors: Float32Array.from(s.errors), shown: s.shown.slice(),
  }),
});
