// Detection and segmentation scenes the app draws itself. No box- or mask-labelled dataset ships
// on npm, so the week-3 labs train on these: small RGB pictures of up to a few objects of the
// course's three classes (car, pedestrian, motorcycle), on varied backgrounds with clutter and
// noise, each with its exact boxes and a per-pixel class mask.
//
// Everything is a pure function of a seed, so a scene can be rebuilt anywhere (Node tests, the
// worker, the page) bit for bit. Training scenes use seeds below TEST_SEED_BASE; the held-out
// test scenes use seeds from TEST_SEED_BASE up, so they are never trained on.
//
// Geometry: pixel (x, y) covers [x, x+1) × [y, y+1). An object's box is the smallest box that
// holds every pixel it painted (also those a later object then covers: the box is the whole
// object, as a labeller would draw it), so x2 and y2 are one past the last pixel.
import type { Box } from '../geometry/box';
import type { RgbImage } from './colorPicture';
import { mulberry32 } from '../engine/random';

export const DETECTION_CLASSES = ['car', 'pedestrian', 'motorcycle'] as const;
export type DetectionClass = (typeof DETECTION_CLASSES)[number];
/** Mask labels: 0 is background, class c is c + 1. */
export const MASK_BACKGROUND = 0;
export const TEST_SEED_BASE = 900_000;

export interface DetectionObject {
  box: Box;
  classId: number;
}

export interface DetectionScene {
  seed: number;
  image: RgbImage;
  objects: DetectionObject[];
  /** size·size labels, row-major: 0 background, classId + 1 where that class is visible. */
  mask: Uint8Array;
}

export interface SceneOptions {
  /** Side in pixels (square). */
  size?: number;
  minObjects?: number;
  maxObjects?: number;
  /** Number of distractor shapes in the background (0 for a clean background). */
  clutter?: number;
  /** Standard deviation of the pixel noise (0 for none). */
  noise?: number;
  /** Largest IoU allowed between two objects' boxes (0 keeps them apart). */
  maxOverlap?: number;
}

const DEFAULTS: Required<SceneOptions> = { size: 64, minObjects: 0, maxObjects: 4, clutter: 3, noise: 0.03, maxOverlap: 0.3 };

type Rgb = [number, number, number];
type Inside = (u: number, v: number) => boolean;
interface Part { inside: Inside; colour: Rgb }

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const ellipse = (cu: number, cv: number, ru: number, rv: number): Inside => (u, v) => ((u - cu) / ru) ** 2 + ((v - cv) / rv) ** 2 <= 1;
const ring = (cu: number, cv: number, ru: number, rv: number, t: number): Inside => (u, v) => {
  const d = ((u - cu) / ru) ** 2 + ((v - cv) / rv) ** 2;
  return d <= 1 && d >= (1 - t) ** 2;
};
const rect = (u1: number, v1: number, u2: number, v2: number): Inside => (u, v) => u >= u1 && u <= u2 && v >= v1 && v <= v2;
/** A thick segment from (a) to (b), in box units; `w` is the half thickness along u and v. */
const bar = (au: number, av: number, bu: number, bv: number, wu: number, wv: number): Inside => (u, v) => {
  // distance in a space scaled so the thickness is 1 in both directions
  const px = (u - au) / wu, py = (v - av) / wv, dx = (bu - au) / wu, dy = (bv - av) / wv;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return (px - t * dx) ** 2 + (py - t * dy) ** 2 <= 1;
};

const shade = (c: Rgb, k: number): Rgb => [clamp01(c[0] * k), clamp01(c[1] * k), clamp01(c[2] * k)];
const DARK: Rgb = [0.08, 0.08, 0.1];
const GLASS: Rgb = [0.62, 0.8, 0.95];
const SKIN: Rgb = [0.93, 0.75, 0.6];

/** Each class: the width/height range of its box (aspect ratios differ, which anchors exploit) and its parts in [0,1]² box units. */
const SHAPES: Record<DetectionClass, { aspect: [number, number]; height: [number, number]; parts: (c: Rgb) => Part[] }> = {
  // wide: a body, a cabin with windows, two wheels
  car: {
    aspect: [1.7, 2.3],
    height: [0.17, 0.3],
    parts: (c) => [
      { inside: rect(0.22, 0.02, 0.78, 0.45), colour: shade(c, 0.85) },
      { inside: rect(0.3, 0.1, 0.48, 0.4), colour: GLASS },
      { inside: rect(0.52, 0.1, 0.7, 0.4), colour: GLASS },
      { inside: rect(0, 0.4, 1, 0.78), colour: c },
      { inside: ellipse(0.24, 0.8, 0.12, 0.2), colour: DARK },
      { inside: ellipse(0.76, 0.8, 0.12, 0.2), colour: DARK },
    ],
  },
  // tall: a head, a torso, arms and legs
  pedestrian: {
    aspect: [0.35, 0.5],
    height: [0.28, 0.46],
    parts: (c) => [
      { inside: ellipse(0.5, 0.1, 0.24, 0.1), colour: SKIN },
      { inside: rect(0.22, 0.2, 0.78, 0.56), colour: c },
      { inside: bar(0.18, 0.24, 0.06, 0.52, 0.08, 0.03), colour: shade(c, 0.8) },
      { inside: bar(0.82, 0.24, 0.94, 0.52, 0.08, 0.03), colour: shade(c, 0.8) },
      { inside: bar(0.38, 0.56, 0.3, 0.98, 0.1, 0.02), colour: DARK },
      { inside: bar(0.62, 0.56, 0.7, 0.98, 0.1, 0.02), colour: DARK },
    ],
  },
  // a little wider than tall: two ringed wheels, a frame, a rider's torso and head
  motorcycle: {
    aspect: [1.15, 1.5],
    height: [0.2, 0.36],
    parts: (c) => [
      { inside: ring(0.2, 0.78, 0.2, 0.22, 0.45), colour: DARK },
      { inside: ring(0.8, 0.78, 0.2, 0.22, 0.45), colour: DARK },
      { inside: bar(0.2, 0.78, 0.5, 0.55, 0.05, 0.05), colour: c },
      { inside: bar(0.5, 0.55, 0.8, 0.78, 0.05, 0.05), colour: c },
      { inside: rect(0.32, 0.48, 0.7, 0.6), colour: c },
      { inside: bar(0.72, 0.5, 0.82, 0.28, 0.04, 0.04), colour: DARK },
      { inside: rect(0.36, 0.16, 0.56, 0.5), colour: shade(c, 0.6) },
      { inside: ellipse(0.46, 0.09, 0.1, 0.09), colour: SKIN },
    ],
  },
};

function iouOf(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1), h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const i = w * h;
  return i / ((a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - i);
}

/** A bright, saturated colour (objects stand out from the duller background). */
function objectColour(rand: () => number): Rgb {
  const h = rand() * 6, s = 0.65 + 0.3 * rand(), v = 0.7 + 0.3 * rand();
  const f = h - Math.floor(h), p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
  const table: Rgb[] = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]];
  return table[Math.floor(h) % 6];
}

/** The scene for one seed. Same seed and options ⇒ the same pixels, boxes and mask. */
export function detectionScene(seed: number, options: SceneOptions = {}): DetectionScene {
  const o = { ...DEFAULTS, ...options };
  const { size } = o;
  const rand = mulberry32(seed * 2654435761 + 12345);
  const data = new Float32Array(3 * size * size);
  const mask = new Uint8Array(size * size);

  // background: a two-colour vertical gradient (sky over ground, or a wall), muted
  const top: Rgb = [0.35 + 0.4 * rand(), 0.35 + 0.4 * rand(), 0.35 + 0.4 * rand()];
  const bottom: Rgb = [0.2 + 0.35 * rand(), 0.2 + 0.35 * rand(), 0.2 + 0.35 * rand()];
  for (let y = 0; y < size; y++) {
    const t = y / (size - 1);
    for (let x = 0; x < size; x++) for (let k = 0; k < 3; k++) data[3 * (y * size + x) + k] = top[k] * (1 - t) + bottom[k] * t;
  }
  // clutter: low-contrast blobs and stripes that are none of the classes
  for (let k = 0; k < o.clutter; k++) {
    const grey = 0.25 + 0.5 * rand();
    const colour: Rgb = [grey + 0.1 * (rand() - 0.5), grey + 0.1 * (rand() - 0.5), grey + 0.1 * (rand() - 0.5)];
    const cx = rand() * size, cy = rand() * size, rx = 2 + rand() * size * 0.15, ry = 2 + rand() * size * 0.15;
    const stripe = rand() < 0.5;
    for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(size, Math.ceil(cy + ry)); y++) {
      for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(size, Math.ceil(cx + rx)); x++) {
        const inside = stripe ? Math.abs(y + 0.5 - cy) < 1.2 || Math.abs(x + 0.5 - cx) < 1.2 : ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1;
        if (inside) for (let c = 0; c < 3; c++) data[3 * (y * size + x) + c] = colour[c];
      }
    }
  }

  // objects, placed with tries so that boxes overlap at most maxOverlap (IoU)
  const count = o.minObjects + Math.floor(rand() * (o.maxObjects - o.minObjects + 1));
  const planned: { classId: number; x: number; y: number; w: number; h: number; colour: Rgb }[] = [];
  for (let tries = 0; planned.length < count && tries < 200; tries++) {
    const classId = Math.floor(rand() * DETECTION_CLASSES.length);
    const shape = SHAPES[DETECTION_CLASSES[classId]];
    const h = Math.max(6, Math.round(size * (shape.height[0] + rand() * (shape.height[1] - shape.height[0]))));
    const w = Math.max(5, Math.min(size - 2, Math.round(h * (shape.aspect[0] + rand() * (shape.aspect[1] - shape.aspect[0])))));
    const x = Math.floor(rand() * (size - w + 1)), y = Math.floor(rand() * (size - h + 1));
    const box = { x1: x, y1: y, x2: x + w, y2: y + h };
    if (planned.some((p) => iouOf(box, { x1: p.x, y1: p.y, x2: p.x + p.w, y2: p.y + p.h }) > o.maxOverlap)) continue;
    planned.push({ classId, x, y, w, h, colour: objectColour(rand) });
  }
  const objects: DetectionObject[] = planned.map((p) => {
    let x1 = size, y1 = size, x2 = 0, y2 = 0;
    const parts = SHAPES[DETECTION_CLASSES[p.classId]].parts(p.colour);
    for (let y = p.y; y < p.y + p.h; y++) {
      for (let x = p.x; x < p.x + p.w; x++) {
        const u = (x + 0.5 - p.x) / p.w, v = (y + 0.5 - p.y) / p.h;
        let colour: Rgb | null = null;
        for (const part of parts) if (part.inside(u, v)) colour = part.colour; // later parts on top
        if (!colour) continue;
        const i = y * size + x;
        for (let c = 0; c < 3; c++) data[3 * i + c] = colour[c];
        mask[i] = p.classId + 1;
        x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x + 1); y2 = Math.max(y2, y + 1);
      }
    }
    return { box: { x1, y1, x2, y2 }, classId: p.classId };
  });

  // pixel noise: a Gaussian from two uniforms (Box–Muller), clamped to [0, 1]
  if (o.noise > 0) {
    for (let i = 0; i < data.length; i++) {
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      data[i] = clamp01(data[i] + o.noise * z);
    }
  }
  return { seed, image: { width: size, height: size, data }, objects, mask };
}

/** The k-th training scene: seeds 0 … TEST_SEED_BASE − 1, never a test scene. */
export function trainingScene(k: number, options?: SceneOptions): DetectionScene {
  return detectionScene(k % TEST_SEED_BASE, options);
}

/** The fixed held-out scenes: the same n scenes every time, never trained on. */
export function testScenes(n: number, options?: SceneOptions): DetectionScene[] {
  return Array.from({ length: n }, (_, k) => detectionScene(TEST_SEED_BASE + k, options));
}

/** Scenes' pictures as one NHWC batch (N × size × size × 3), the layout the engine's conv2d takes. */
export function scenesToBatch(scenes: readonly DetectionScene[]): Float32Array {
  if (scenes.length === 0) return new Float32Array(0);
  const per = scenes[0].image.data.length;
  const out = new Float32Array(per * scenes.length);
  scenes.forEach((s, n) => {
    if (s.image.data.length !== per) throw new Error('scenesToBatch: scenes of different sizes');
    out.set(s.image.data, n * per);
  });
  return out;
}

/**
 * A scene for classification with localization: one object, except every fifth seed, which is
 * background only (so the network also learns p_c = 0). Same clutter and noise as the others.
 */
export function localizationScene(seed: number, options: SceneOptions = {}): DetectionScene {
  const empty = seed % 5 === 4;
  return detectionScene(seed, { ...options, minObjects: empty ? 0 : 1, maxObjects: empty ? 0 : 1 });
}
