// Region proposals (course §31) on a synthetic scene (no box-labelled dataset ships on npm).
// The scene is drawn as blobs, like the output of a segmentation algorithm: each object is an
// ellipse cut into two blobs (its upper and lower part) and the background is split into Voronoi regions.
//   segmentation proposals (R-CNN, Fast R-CNN): boxes around every blob, every pair of
//     touching blobs and every connected triple (the hierarchical grouping of selective
//     search), then jittered copies of those at other scales and offsets up to N boxes;
// (The RPN and the classification stage need IoU and NMS from geometry/, so they live in the
// worker job, src/widgets/region-proposals/job.ts.)
import { makeScene, type SceneObject } from './scenes';
import type { Box } from '../geometry/box';

export interface ProposalScene {
  width: number;
  height: number;
  objects: SceneObject[];
  /** segmentation on a grid of cols × rows cells of `cell` units: blob id per cell */
  grid: { cols: number; rows: number; cell: number; labels: Int16Array };
  /** per blob: the object it belongs to (−1 = background) and its bounding box */
  blobs: { object: number; box: Box }[];
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Objects from makeScene, each cut into two blobs at a random height, plus `background` Voronoi blobs. */
export function makeProposalScene(rand: () => number, background = 10): ProposalScene {
  const base = makeScene(rand, { objects: 4, classes: 3, perObject: 1, strays: 0 });
  const { width, height, objects } = base;
  const cell = 2, cols = width / cell, rows = height / cell;
  const splits = objects.map((o) => o.box.y1 + (0.35 + 0.3 * rand()) * (o.box.y2 - o.box.y1));
  const seeds = Array.from({ length: background }, () => ({ x: rand() * width, y: rand() * height }));
  const labels = new Int16Array(cols * rows);
  const nObjBlobs = 2 * objects.length;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = (c + 0.5) * cell, y = (r + 0.5) * cell;
      let id = -1;
      objects.forEach((o, k) => {
        // the object's shape: the ellipse inscribed in its box (a blob, not a rectangle)
        const rx = (o.box.x2 - o.box.x1) / 2, ry = (o.box.y2 - o.box.y1) / 2;
        const inside = ((x - o.box.x1 - rx) / rx) ** 2 + ((y - o.box.y1 - ry) / ry) ** 2 <= 1;
        if (id < 0 && inside) id = 2 * k + (y < splits[k] ? 0 : 1);
      });
      if (id < 0) {
        let best = Infinity;
        seeds.forEach((s, k) => {
          const d = (s.x - x) ** 2 + (s.y - y) ** 2;
          if (d < best) [best, id] = [d, nObjBlobs + k];
        });
      }
      labels[r * cols + c] = id;
    }
  }
  const blobs = Array.from({ length: nObjBlobs + background }, (_, b) => ({ object: b < nObjBlobs ? b >> 1 : -1, box: { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity } }));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const b = blobs[labels[r * cols + c]].box;
      b.x1 = Math.min(b.x1, c * cell); b.y1 = Math.min(b.y1, r * cell);
      b.x2 = Math.max(b.x2, (c + 1) * cell); b.y2 = Math.max(b.y2, (r + 1) * cell);
    }
  }
  // a blob may get no cell (a seed inside an object): drop it from the list by marking it empty
  for (const bl of blobs) if (!Number.isFinite(bl.box.x1)) bl.box = { x1: 0, y1: 0, x2: 0, y2: 0 };
  return { width, height, objects, grid: { cols, rows, cell, labels }, blobs };
}

/** Pairs of blobs that touch (share a cell edge). */
export function blobAdjacency(scene: ProposalScene): Set<string> {
  const { cols, rows, labels } = scene.grid;
  const adj = new Set<string>();
  const add = (a: number, b: number) => a !== b && adj.add(a < b ? `${a},${b}` : `${b},${a}`);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) add(labels[r * cols + c], labels[r * cols + c + 1]);
      if (r + 1 < rows) add(labels[r * cols + c], labels[(r + 1) * cols + c]);
    }
  }
  return adj;
}

const union = (a: Box, b: Box): Box => ({ x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) });

/** Boxes of single blobs, touching pairs and connected triples (deduplicated). */
export function groupedBoxes(scene: ProposalScene): Box[] {
  const adj = blobAdjacency(scene);
  const out = new Map<string, Box>();
  const put = (b: Box) => b.x2 > b.x1 && b.y2 > b.y1 && out.set(`${b.x1},${b.y1},${b.x2},${b.y2}`, b);
  scene.blobs.forEach((bl) => put(bl.box));
  const pairs = [...adj].map((k) => k.split(',').map(Number) as [number, number]);
  for (const [a, b] of pairs) put(union(scene.blobs[a].box, scene.blobs[b].box));
  for (const [a, b] of pairs) {
    for (const [c, d] of pairs) {
      const third = c === a || c === b ? d : d === a || d === b ? c : -1;
      if (third >= 0 && third !== a && third !== b) put(union(union(scene.blobs[a].box, scene.blobs[b].box), scene.blobs[third].box));
    }
  }
  return [...out.values()];
}

/** N segmentation proposals: the grouped boxes, then jittered copies (other scales, offsets) up to N. */
export function segmentationProposals(scene: ProposalScene, n: number, rand: () => number): Box[] {
  const grouped = groupedBoxes(scene);
  const out = grouped.slice(0, n);
  while (out.length < n) {
    const b = grouped[Math.floor(rand() * grouped.length)];
    const w = b.x2 - b.x1, h = b.y2 - b.y1;
    const s = 0.75 + 0.5 * rand(), cx = (b.x1 + b.x2) / 2 + (rand() - 0.5) * 0.3 * w, cy = (b.y1 + b.y2) / 2 + (rand() - 0.5) * 0.3 * h;
    const hw = (w * s) / 2, hh = (h * (0.75 + 0.5 * rand()) * s) / 2 || 1;
    out.push({ x1: clamp(cx - hw, 0, scene.width), y1: clamp(cy - hh, 0, scene.height), x2: clamp(cx + hw, 0, scene.width), y2: clamp(cy + hh, 0, scene.height) });
  }
  return out;
}
