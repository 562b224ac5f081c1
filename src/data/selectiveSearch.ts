// Selective search's hierarchical grouping (Uijlings et al. 2013) on top of graph-based
// segmentation: start from the segments, repeatedly merge the two most similar NEIGHBOURING
// regions, until one region is left. Every region ever formed — the segments and each merge —
// gives a proposal: its bounding box. So n segments give at most 2n − 1 boxes (fewer after
// removing duplicates).
//
// Similarity of regions a and b (each term in [0, 1]):
//   colour  Σ_bins min(h_a, h_b)               histogram intersection (8 bins per channel, L1-normalised)
//   size    1 − (|a| + |b|) / |image|          merges small regions first
//   fill    1 − (|BB(a ∪ b)| − |a| − |b|) / |image|   prefers regions that fill each other's gaps
// A merged region's histogram is the size-weighted mean of the two.
import type { Box } from '../geometry/box';
import type { RgbImage } from './colorPicture';
import { graphSegmentation, type Segmentation, type SegmentationOptions } from './graphSegmentation';

const BINS = 8;

interface Region {
  size: number;
  box: Box;
  hist: Float32Array;
  neighbours: Set<number>;
}

export interface Proposal {
  box: Box;
  /** 0 for a segment, then 1, 2, … for each merge in order. */
  level: number;
}

export interface SelectiveSearchResult {
  segmentation: Segmentation;
  /** Distinct proposal boxes, segments first, then merges in the order they happened. */
  proposals: Proposal[];
  /** Merges performed (segments − 1 when the image is connected). */
  merges: number;
}

const boxUnion = (a: Box, b: Box): Box => ({ x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) });
const boxArea = (b: Box) => (b.x2 - b.x1) * (b.y2 - b.y1);

export function regionSimilarity(a: Region, b: Region, imageSize: number): number {
  let colour = 0;
  for (let i = 0; i < a.hist.length; i++) colour += Math.min(a.hist[i], b.hist[i]);
  const size = 1 - (a.size + b.size) / imageSize;
  const fill = 1 - (boxArea(boxUnion(a.box, b.box)) - a.size - b.size) / imageSize;
  return colour + size + fill;
}

/** The starting regions of a segmentation: sizes, boxes (pixel corners), histograms, neighbours. */
export function segmentRegions(image: RgbImage, seg: Segmentation): Region[] {
  const { width: W, height: H, labels, count } = seg;
  const regions: Region[] = Array.from({ length: count }, () => ({
    size: 0, box: { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity }, hist: new Float32Array(3 * BINS), neighbours: new Set<number>(),
  }));
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const p = y * W + x, r = regions[labels[p]];
    r.size++;
    r.box = { x1: Math.min(r.box.x1, x), y1: Math.min(r.box.y1, y), x2: Math.max(r.box.x2, x + 1), y2: Math.max(r.box.y2, y + 1) };
    for (let c = 0; c < 3; c++) r.hist[c * BINS + Math.min(BINS - 1, Math.floor(image.data[3 * p + c] * BINS))]++;
    for (const q of [x + 1 < W ? p + 1 : -1, y + 1 < H ? p + W : -1]) {
      if (q >= 0 && labels[q] !== labels[p]) {
        r.neighbours.add(labels[q]);
        regions[labels[q]].neighbours.add(labels[p]);
      }
    }
  }
  for (const r of regions) for (let i = 0; i < r.hist.length; i++) r.hist[i] /= 3 * r.size;
  return regions;
}

/** Segment the image, then group greedily; returns the distinct proposal boxes. */
export function selectiveSearch(image: RgbImage, options: SegmentationOptions = {}): SelectiveSearchResult {
  const segmentation = graphSegmentation(image, options);
  const regions = segmentRegions(image, segmentation);
  const imageSize = image.width * image.height;
  const alive = new Set(regions.keys());
  const proposals: Proposal[] = regions.map((r) => ({ box: r.box, level: 0 }));
  let merges = 0;
  for (;;) {
    // the most similar pair of neighbours (ties: the lower ids, so the result is deterministic)
    let best = -Infinity, bi = -1, bj = -1;
    for (const i of alive) for (const j of regions[i].neighbours) {
      if (j <= i || !alive.has(j)) continue;
      const s = regionSimilarity(regions[i], regions[j], imageSize);
      if (s > best) [best, bi, bj] = [s, i, j];
    }
    if (bi < 0) break;
    const a = regions[bi], b = regions[bj];
    const hist = new Float32Array(a.hist.length);
    for (let i = 0; i < hist.length; i++) hist[i] = (a.hist[i] * a.size + b.hist[i] * b.size) / (a.size + b.size);
    const neighbours = new Set([...a.neighbours, ...b.neighbours].filter((n) => n !== bi && n !== bj && alive.has(n)));
    const id = regions.length;
    regions.push({ size: a.size + b.size, box: boxUnion(a.box, b.box), hist, neighbours });
    alive.delete(bi);
    alive.delete(bj);
    for (const n of neighbours) regions[n].neighbours.add(id);
    alive.add(id);
    merges++;
    proposals.push({ box: regions[id].box, level: merges });
  }
  const seen = new Set<string>();
  const distinct = proposals.filter((p) => {
    const key = `${p.box.x1},${p.box.y1},${p.box.x2},${p.box.y2}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { segmentation, proposals: distinct, merges };
}
