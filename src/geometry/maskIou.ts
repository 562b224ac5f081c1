// IoU of segmentation masks: the same intersection over union as for boxes, on sets of pixels.
//   IoU_c = |{pred = c} ∩ {truth = c}| / |{pred = c} ∪ {truth = c}|
//   mean IoU = the average of IoU_c over the classes that appear (in the truth or the prediction)
// Pixels are pooled over all the masks first (one confusion matrix for the whole test set),
// so a class seen in only a few scenes still gets one IoU from all its pixels.

export interface MaskIou {
  /** IoU of each class; NaN for a class neither predicted nor present (left out of the mean). */
  perClass: number[];
  /** Mean of the defined per-class IoUs (NaN when there are none). */
  mean: number;
  /** confusion[t][p] = pixels of true class t predicted as p. */
  confusion: number[][];
}

/** Per-class and mean IoU of predicted vs true label maps (each a list of class indices 0…classes−1). */
export function maskIou(predicted: readonly ArrayLike<number>[], truth: readonly ArrayLike<number>[], classes: number): MaskIou {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`maskIou: classes must be a whole number ≥ 1, got ${classes}`);
  if (predicted.length !== truth.length) throw new RangeError(`maskIou: ${predicted.length} predicted masks for ${truth.length} true masks`);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  predicted.forEach((p, m) => {
    const t = truth[m];
    if (p.length !== t.length) throw new RangeError(`maskIou: mask ${m} has ${p.length} predicted pixels and ${t.length} true pixels`);
    for (let i = 0; i < t.length; i++) {
      const a = t[i], b = p[i];
      if (!(a >= 0 && a < classes && b >= 0 && b < classes && Number.isInteger(a) && Number.isInteger(b))) {
        throw new RangeError(`maskIou: pixel ${i} of mask ${m} has label ${a} (truth) / ${b} (predicted), not a class in [0, ${classes})`);
      }
      confusion[a][b]++;
    }
  });
  const perClass = confusion.map((row, c) => {
    const inter = row[c];
    let truthC = 0, predC = 0;
    for (let k = 0; k < classes; k++) {
      truthC += row[k];
      predC += confusion[k][c];
    }
    const union = truthC + predC - inter;
    return union === 0 ? NaN : inter / union;
  });
  const defined = perClass.filter((v) => !Number.isNaN(v));
  const mean = defined.length ? defined.reduce((s, v) => s + v, 0) / defined.length : NaN;
  return { perClass, mean, confusion };
}
