// Pure view helpers for the "what CNNs learn" widget (§38): which input square a unit sees,
// how to step through units with the keyboard, and how to show a dim average patch.

/** A square of input pixels (row, col of the top-left, side), clipped to the image. */
export interface InputSquare {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The input pixels that the centre unit of a layer sees: the unit the gradient ascent excites.
 * rf = { size, jump, offset } of the layer; layerSide = side of its output map.
 */
export function centreField(rf: Field, layerSide: number, inputSide: number): InputSquare {
  const centre = (layerSide - 1) >> 1;
  return unitField(rf, centre, centre, inputSide);
}

type Field = { size: number; jump: number; offset: number };

/** The input pixels unit (row, col) of a layer sees: rows offset + row·jump … + size − 1, clipped. */
export function unitField(rf: Field, row: number, col: number, inputSide: number): InputSquare {
  const clip = (start: number) => {
    const lo = Math.max(0, start), hi = Math.min(inputSide, start + rf.size);
    return [lo, hi - lo] as const;
  };
  const [r, rows] = clip(rf.offset + row * rf.jump);
  const [c, cols] = clip(rf.offset + col * rf.jump);
  return { row: r, col: c, rows, cols };
}

/** Crop a square (side = rf size) out of a side×side image at the centre unit's field. */
export function cropSquare(image: ArrayLike<number>, side: number, sq: InputSquare): Float32Array {
  const out = new Float32Array(sq.rows * sq.cols);
  for (let i = 0; i < sq.rows; i++) for (let j = 0; j < sq.cols; j++) out[i * sq.cols + j] = image[(sq.row + i) * side + sq.col + j];
  return out;
}

/** Roving focus in a strip of n units: arrows move (wrapping), Home/End jump; null = not ours. */
export function nextUnit(current: number, key: string, n: number, perRow = n): number | null {
  switch (key) {
    case 'ArrowRight': return (current + 1) % n;
    case 'ArrowLeft': return (current - 1 + n) % n;
    case 'ArrowDown': return Math.min(n - 1, current + perRow);
    case 'ArrowUp': return Math.max(0, current - perRow);
    case 'Home': return 0;
    case 'End': return n - 1;
    default: return null;
  }
}

/** Stretch values to [0, 1] by their own maximum (an average of nine patches is dim). */
export function stretch(values: ArrayLike<number>): Float32Array {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  const out = new Float32Array(values.length);
  if (max > 0) for (let i = 0; i < values.length; i++) out[i] = Math.max(0, values[i]) / max;
  return out;
}

/** A short number: two decimals below 10, one above. */
export function activationText(v: number): string {
  return Number.isFinite(v) ? v.toFixed(Math.abs(v) < 10 ? 2 : 1) : '—';
}

/** A fraction as a percentage with one decimal (0.9712 → "97.1%"); "—" when unknown. */
export function percentText(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`;
}
