// The localizer: a small ConvNet whose last layer has 1 + 4 + 3 outputs instead of a class
// softmax alone — p_c, the box (b_x, b_y, b_h, b_w) and the three class scores — trained on
// one-object scenes with the loss of geometry/localization.ts.
//
//   64×64×3 → conv 3×3 s2 ×16 → ReLU → conv 3×3 s2 ×32 → ReLU → conv 3×3 s2 ×32 → ReLU
//           → conv 3×3 s2 ×32 → ReLU (4×4×32) → FC 64 → ReLU → FC 8
//
// The last conv map keeps where things are (4×4 cells), so the FC layers can read the box off it.
import { sequential, type Model } from '../../../engine/nn/model';
import { createOptimiser, type Optimiser } from '../../../engine/nn/optimisers';
import { backward } from '../../../engine/nn/variable';
import { record } from '../../../engine/nn/autograd';
import { gradSink } from '../../../engine/nn/variable';
import type { Tensor } from '../../../engine/tensor';
import { DETECTION_CLASSES, localizationScene, scenesToBatch, type DetectionScene } from '../../../data/detectionScenes';
import { decodeLocalization, localizationLoss, localizationSize, localizationTargetVector, type LocalizationPrediction } from '../../../geometry/localization';
import { iou } from '../../../geometry/iou';

export const SCENE_SIZE = 64;
export const CLASSES = DETECTION_CLASSES.length;
export const OUT = localizationSize(CLASSES);
/** λ: the weight of the box's squared error against the two log-losses. */
export const LAMBDA_BOX = 5;

export function buildLocalizer(seed: number): Model {
  return sequential(
    [
      { type: 'conv2d', filters: 16, size: 3, stride: 2, pad: 'same' }, { type: 'relu' },
      { type: 'conv2d', filters: 32, size: 3, stride: 2, pad: 'same' }, { type: 'relu' },
      { type: 'conv2d', filters: 32, size: 3, stride: 2, pad: 'same' }, { type: 'relu' },
      { type: 'conv2d', filters: 32, size: 3, stride: 2, pad: 'same' }, { type: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 128 }, { type: 'relu' },
      { type: 'dense', units: OUT },
    ],
    [SCENE_SIZE, SCENE_SIZE, 3],
    { seed },
  );
}

export const localizerOptimiser = (lr: number): Optimiser => createOptimiser({ kind: 'adam', lr });

/** The batch's pictures and targets y. */
export function localizationBatch(scenes: readonly DetectionScene[]): { x: Tensor; y: Float32Array } {
  const y = new Float32Array(scenes.length * OUT);
  scenes.forEach((s, i) => {
    const o = s.objects[0];
    y.set(localizationTargetVector(o ? o.box : null, o ? o.classId : 0, SCENE_SIZE, CLASSES), i * OUT);
  });
  return { x: { shape: [scenes.length, SCENE_SIZE, SCENE_SIZE, 3], data: scenesToBatch(scenes) }, y };
}

export interface LocalizerStep {
  loss: number;
  pc: number;
  box: number;
  cls: number;
}

/** One Adam step on the batch; returns the batch's loss (and its three terms) before the step. */
export function trainLocalizer(model: Model, opt: Optimiser, x: Tensor, y: Float32Array): LocalizerStep {
  const params = model.parameters();
  for (const p of params) p.zeroGrad();
  const z = model.forward(x, { training: true, reuseBuffers: true });
  const n = x.shape[0];
  const r = localizationLoss(z.value.data, y, n, CLASSES, LAMBDA_BOX);
  // the loss as a node on the tape: its backward hands ∂L/∂z (computed above) to the output layer
  const lossNode = record({ shape: [], data: Float32Array.of(r.loss) }, [z], (self) => {
    const s = gradSink(z);
    const g = self.grad!.data[0];
    for (let i = 0; i < r.dz.length; i++) s.out.data[i] = r.dz[i] * g;
    s.finish();
  });
  if (Number.isFinite(r.loss)) {
    backward(lossNode);
    opt.step(params.map((p) => ({ data: p.value.data, grad: p.grad!.data })));
  }
  return { loss: r.loss, pc: r.pc, box: r.box, cls: r.cls };
}

/** Predictions for a batch of scenes (inference, no tape buffers kept). */
export function predictLocalizer(model: Model, scenes: readonly DetectionScene[]): LocalizationPrediction[] {
  const { x } = localizationBatch(scenes);
  const z = model.forward(x, { reuseBuffers: 'eval' }).value.data;
  return scenes.map((_, i) => decodeLocalization(z, i * OUT, SCENE_SIZE, CLASSES));
}

export interface LocalizerScore {
  /** Σ IoU(predicted, true box) over scenes with an object. */
  iouSum: number;
  /** Scenes with an object. */
  objects: number;
  /** Of those, how many got the right class. */
  classCorrect: number;
  /** Scenes where (p_c > ½) agrees with whether there is an object. */
  pcCorrect: number;
  scenes: number;
}

export function scoreLocalizer(preds: readonly LocalizationPrediction[], scenes: readonly DetectionScene[]): LocalizerScore {
  const s: LocalizerScore = { iouSum: 0, objects: 0, classCorrect: 0, pcCorrect: 0, scenes: scenes.length };
  scenes.forEach((scene, i) => {
    const o = scene.objects[0], p = preds[i];
    if ((p.pc > 0.5) === !!o) s.pcCorrect++;
    if (!o) return;
    s.objects++;
    s.iouSum += iou(p.box, o.box);
    if (p.classId === o.classId) s.classCorrect++;
  });
  return s;
}

/** Held-out one-object scenes (seeds from 900,000 up, never trained on). */
export function localizationTestScenes(n: number): DetectionScene[] {
  return Array.from({ length: n }, (_, k) => localizationScene(900_000 + k));
}
