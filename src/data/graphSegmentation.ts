// Graph-based image segmentation (Felzenszwalb & Huttenlocher 2004), the first stage of
// selective search and of R-CNN's region proposals.
//
// The image is a graph: one vertex per pixel, an edge between 8-neighbours weighted by their
// colour distance ‖I(p) − I(q)‖ (after a light Gaussian blur, σ = 0.8, which removes pixel
// noise). Edges are taken in order of increasing weight; the edge joins two components C₁, C₂
// when its weight is no larger than both components' internal variation plus a bonus:
//     w ≤ min(Int(C₁) + k/|C₁|,  Int(C₂) + k/|C₂|),
// where Int(C) is the largest edge weight inside C's minimum spanning tree (the largest edge
// that merged into C, as edges come in order). k sets the scale: larger k, larger segments.
// Finally components smaller than minSize pixels are merged into a neighbour.
import type { RgbImage } from './colorPicture';

export interface SegmentationOptions {
  /** Scale parameter k, in the units of colour distance with channels in [0, 255]. Default 150. */
  k?: number;
  /** Smallest segment in pixels. Default 4. */
  minSize?: number;
  /** Gaussian blur before building the graph (0 for none). Default 0.8. */
  sigma?: number;
}

export interface Segmentation {
  width: number;
  height: number;
  /** Segment id per pixel, 0 … count − 1, row-major. */
  labels: Int32Array;
  count: number;
}

/** Union–find with union by rank and path halving; tracks each root's size and Int(C). */
class Forest {
  parent: Int32Array;
  rank: Uint8Array;
  size: Int32Array;
  internal: Float32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.rank = new Uint8Array(n);
    this.size = new Int32Array(n).fill(1);
    this.internal = new Float32Array(n);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  /** Join two roots; the new root's Int(C) is w (the edges come in increasing order). */
  join(a: number, b: number, w: number): number {
    if (this.rank[a] < this.rank[b]) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a] += this.size[b];
    if (this.rank[a] === this.rank[b]) this.rank[a]++;
    this.internal[a] = w;
    return a;
  }
}

/** A separable Gaussian blur of each channel (edges clamped). */
function blur(image: RgbImage, sigma: number): Float32Array {
  const { width: W, height: H, data } = image;
  if (sigma <= 0) return Float32Array.from(data);
  const r = Math.ceil(3 * sigma);
  const kernel = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  const kn = kernel.map((v) => v / sum);
  const tmp = new Float32Array(data.length), out = new Float32Array(data.length);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) {
    let s = 0;
    for (let i = -r; i <= r; i++) s += kn[i + r] * data[(y * W + Math.min(W - 1, Math.max(0, x + i))) * 3 + c];
    tmp[(y * W + x) * 3 + c] = s;
  }
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) {
    let s = 0;
    for (let i = -r; i <= r; i++) s += kn[i + r] * tmp[(Math.min(H - 1, Math.max(0, y + i)) * W + x) * 3 + c];
    out[(y * W + x) * 3 + c] = s;
  }
  return out;
}

/** Segment an RGB image (channels in [0, 1]). */
export function graphSegmentation(image: RgbImage, options: SegmentationOptions = {}): Segmentation {
  const k = options.k ?? 150, minSize = options.minSize ?? 4, sigma = options.sigma ?? 0.8;
  if (!(k >= 0) || !(minSize >= 1)) throw new RangeError(`graphSegmentation: k must be ≥ 0 and minSize ≥ 1, got ${k}, ${minSize}`);
  const { width: W, height: H } = image;
  const px = blur(image, sigma);
  const dist = (p: number, q: number) => 255 * Math.hypot(px[3 * p] - px[3 * q], px[3 * p + 1] - px[3 * q + 1], px[3 * p + 2] - px[3 * q + 2]);
  // 8-connected edges (each pair once): right, down, down-right, down-left
  const a: number[] = [], b: number[] = [], w: number[] = [];
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const p = y * W + x;
    const add = (q: number) => { a.push(p); b.push(q); w.push(dist(p, q)); };
    if (x + 1 < W) add(p + 1);
    if (y + 1 < H) add(p + W);
    if (x + 1 < W && y + 1 < H) add(p + W + 1);
    if (x > 0 && y + 1 < H) add(p + W - 1);
  }
  const order = Int32Array.from(w.keys()).sort((i, j) => w[i] - w[j] || i - j);
  const f = new Forest(W * H);
  for (const e of order) {
    const ra = f.find(a[e]), rb = f.find(b[e]);
    if (ra === rb) continue;
    if (w[e] <= Math.min(f.internal[ra] + k / f.size[ra], f.internal[rb] + k / f.size[rb])) f.join(ra, rb, w[e]);
  }
  // small components join the neighbour across their cheapest edge
  for (const e of order) {
    const ra = f.find(a[e]), rb = f.find(b[e]);
    if (ra !== rb && (f.size[ra] < minSize || f.size[rb] < minSize)) f.join(ra, rb, Math.max(f.internal[ra], f.internal[rb]));
  }
  const labels = new Int32Array(W * H);
  const ids = new Map<number, number>();
  for (let p = 0; p < W * H; p++) {
    const r = f.find(p);
    let id = ids.get(r);
    if (id === undefined) ids.set(r, (id = ids.size));
    labels[p] = id;
  }
  return { width: W, height: H, labels, count: ids.size };
}
