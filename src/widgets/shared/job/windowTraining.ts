// What the window classifier trains and is tested on (shared by the sliding-windows and the
// region-proposals jobs): 28×28 detection scenes with up to two objects, and labelled 14×14
// crops of them (src/data/windowCrops).
import type { Tensor } from '../../../engine/tensor';
import { detectionScene, TEST_SEED_BASE, type DetectionScene } from '../../../data/detectionScenes';
import { cropImage, sampleWindowCrops } from '../../../data/windowCrops';
import { WINDOW, WINDOW_CLASSES } from './windowClassifier';

export const WINDOW_SCENE = { size: 28, maxObjects: 2 } as const;

/** The k-th held-out 28×28 scene (never trained on). */
export const windowTestScene = (k: number): DetectionScene => detectionScene(TEST_SEED_BASE + k, WINDOW_SCENE);
/** The k-th training scene. */
export const windowTrainScene = (k: number): DetectionScene => detectionScene(k, WINDOW_SCENE);

/** Labelled crops of the given scenes as one batch. */
export function cropBatch(scenes: readonly DetectionScene[], perScene: number, rand: () => number): { x: Tensor; labels: Int32Array } {
  const picked = scenes.flatMap((s) => sampleWindowCrops(s, WINDOW, perScene, WINDOW_CLASSES - 1, rand).map((c) => ({ s, c })));
  const size = WINDOW * WINDOW * 3;
  const x = new Float32Array(picked.length * size);
  picked.forEach(({ s, c }, i) => cropImage(s.image, c.x, c.y, WINDOW, x.subarray(i * size, (i + 1) * size)));
  return { x: { shape: [picked.length, WINDOW, WINDOW, 3], data: x }, labels: Int32Array.from(picked.map((p) => p.c.label)) };
}
