// YOLO's first filter on its output (course §31, "YOLO algorithm"): each anchor slot's class
// scores are p_c · c_k; a box keeps its best class and survives if that score ≥ threshold.
// Non-max suppression then runs on the survivors.
//   score_k = p_c · c_k,   class = argmax_k score_k,   keep ⇔ max_k score_k ≥ threshold

export interface FilteredBox {
  /** index of the anchor slot in row-major (row, col, anchor) order */
  slot: number;
  score: number;
  classId: number;
}

/** confidence: one p_c per slot; classProbs: `classes` numbers per slot (same slot order). */
export function yoloFilterBoxes(confidence: ArrayLike<number>, classProbs: ArrayLike<number>, classes: number, threshold: number): FilteredBox[] {
  if (classProbs.length !== confidence.length * classes) {
    throw new RangeError(`yoloFilterBoxes: ${confidence.length} slots need ${confidence.length * classes} class probabilities, got ${classProbs.length}`);
  }
  const kept: FilteredBox[] = [];
  for (let slot = 0; slot < confidence.length; slot++) {
    let classId = 0;
    let score = -Infinity;
    for (let k = 0; k < classes; k++) {
      const s = confidence[slot] * classProbs[slot * classes + k];
      if (s > score) [score, classId] = [s, k];
    }
    if (score >= threshold) kept.push({ slot, score, classId });
  }
  return kept;
}
