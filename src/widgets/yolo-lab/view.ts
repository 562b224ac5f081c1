// Pure view geometry of yolo-lab: the anchors' plot (every training box's width and height, in
// pixels, coloured by its k-means cluster; each anchor a rectangle from the origin) and the
// inference pipeline on one held-out scene, read from the snapshot's raw outputs.
import type { Box } from '../../geometry/box';
import type { Shape } from '../../geometry/anchors';
import { detect, type PipelineStages } from '../../geometry/yoloPipeline';
import { DETECTION_CLASSES } from '../../data/detectionScenes';
import { GRID, NMS_IOU, SIZE } from './params';

export interface AnchorPlot {
  /** SVG units per picture pixel */
  scale: number;
  /** the largest width or height shown, in pixels (the plot's range is 0 … extent) */
  extent: number;
  points: Array<{ x: number; y: number; anchor: number }>;
  anchors: Array<{ w: number; h: number; wPx: number; hPx: number }>;
  /** the plot's side in SVG units */
  side: number;
}

/** shapes [w, h, …] and anchors [w, h, …] as fractions of the picture. */
export function anchorPlot(shapes: ArrayLike<number>, assignment: ArrayLike<number>, anchors: ArrayLike<number>, side = 200, maxShown = 600): AnchorPlot {
  // the range: the largest box or anchor side, rounded up to 8 px (one grid cell)
  let biggest = 0;
  for (let i = 0; i < shapes.length; i++) biggest = Math.max(biggest, shapes[i] * SIZE);
  for (let i = 0; i < anchors.length; i++) biggest = Math.max(biggest, anchors[i] * SIZE);
  const extent = Math.min(SIZE, Math.max(8, Math.ceil(biggest / 8) * 8));
  const scale = side / extent;
  const n = shapes.length / 2;
  const every = Math.max(1, Math.ceil(n / maxShown));
  const points: AnchorPlot['points'] = [];
  for (let i = 0; i < n; i += every) points.push({ x: shapes[2 * i] * SIZE * scale, y: side - shapes[2 * i + 1] * SIZE * scale, anchor: assignment[i] });
  const list: AnchorPlot['anchors'] = [];
  for (let k = 0; k < anchors.length / 2; k++) {
    const wPx = anchors[2 * k] * SIZE, hPx = anchors[2 * k + 1] * SIZE;
    list.push({ w: wPx * scale, h: hPx * scale, wPx, hPx });
  }
  return { scale, extent, points, anchors: list, side };
}

export const anchorShapes = (flat: ArrayLike<number>): Shape[] => Array.from({ length: flat.length / 2 }, (_, k) => [flat[2 * k], flat[2 * k + 1]] as Shape);

/** The three stages for held-out scene `index`, from the last pass's raw outputs. */
export function scenePipeline(testRaw: Float32Array, anchors: ArrayLike<number>, index: number, scoreThreshold: number): PipelineStages {
  const head = { grid: GRID, anchors: anchorShapes(anchors), classes: DETECTION_CLASSES.length };
  const per = GRID * GRID * head.anchors.length * (5 + head.classes);
  return detect(testRaw, head, index * per, scoreThreshold, NMS_IOU);
}

/** A box (fractions of the picture) in the SVG's units (side × side). */
export const boxRect = (b: Box, side: number) => ({ x: b.x1 * side, y: b.y1 * side, width: (b.x2 - b.x1) * side, height: (b.y2 - b.y1) * side });
