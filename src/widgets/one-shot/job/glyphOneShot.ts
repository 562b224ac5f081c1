// The glyph one-shot long job (course §32–35): train the encoder on the characters of the
// training scripts with the triplet loss and, before the first step and every `evalEvery` steps,
// measure N-way one-shot accuracy on scripts never seen in training. Each step is one training
// batch or one chunk of encoding the fixed held-out drawings, so pause answers within a step.
import { loadGlyphs, type GlyphSet } from '../../../data/glyphs';
import { DRAWING_PIXELS } from '../../../data/glyphJitter';
import { oneShotAccuracy } from '../../../geometry/oneShot';
import { defineLongJob, JobError } from '../../../worker/job';
import { createGlyphSession, encodeDrawings, pixelAccuracy, trainGlyphBatch, WAYS, type GlyphSession, type Ways } from './glyphSession';

export interface GlyphOneShotArgs {
  seed?: number;
  /** Stop after this many training steps. */
  maxSteps: number;
  /** Train on only this many characters (0 or absent = every character of the training scripts). */
  identities?: number;
  evalEvery?: number;
  /** Folder of the packed glyphs (the page passes new URL('data/', document.baseURI)). */
  dataUrl?: string;
}

export type GlyphAccuracy = Record<Ways, number>;

export interface GlyphOneShotProgress {
  status: 'loading' | 'training' | 'finished';
  step: number;
  maxSteps: number;
  /** Smoothed triplet loss of the training batches. */
  loss: number | null;
  /** Latest one-shot accuracy per N (null before the first evaluation). */
  accuracy: GlyphAccuracy | null;
  evalStep: number | null;
  /** The untrained encoder and raw-pixel nearest neighbour on the same episodes. */
  untrained: GlyphAccuracy | null;
  pixels: GlyphAccuracy | null;
  trainCharacters: number;
  testCharacters: number;
  testScripts: string[];
}

export interface GlyphOneShotSnapshot {
  /** Accuracy per N after each evaluation. */
  curve: { step: Float32Array } & Record<`n${Ways}`, Float32Array>;
  /** Held-out drawings (support, query) as bytes 0–255, 28×28 each, and their latest encodings. */
  support: Uint8Array;
  query: Uint8Array;
  supportCodes: Float32Array | null;
  queryCodes: Float32Array | null;
  dim: number;
  /** Episodes per N as flat member lists (N per episode). */
  episodes: Record<`n${Ways}`, Int32Array>;
  /** Code point and script of each held-out character. */
  codes: Int32Array;
  scripts: string[];
}

interface State {
  args: GlyphOneShotArgs;
  s: GlyphSession | null;
  smoothLoss: number | null;
  evalPos: number;
  evalBuf: Float32Array | null;
  due: boolean;
  last: { step: number; accuracy: GlyphAccuracy; support: Float32Array; query: Float32Array } | null;
  untrained: GlyphAccuracy | null;
  pixels: GlyphAccuracy | null;
  hist: { step: number[] } & Record<`n${Ways}`, number[]>;
  finished: boolean;
}

let glyphs: GlyphSet | null = null;
let loadError: string | null = null;
let loading: Promise<void> | null = null;

/** Tests hand the glyphs over directly (no fetch in Node). */
export function provideGlyphs(set: GlyphSet | null): void {
  glyphs = set;
  loadError = null;
}

function startLoading(url: string | undefined): void {
  if (glyphs || loading || !url) return;
  loading = loadGlyphs(url).then(
    (g) => void (glyphs = g),
    (e: unknown) => {
      loadError = e instanceof Error ? e.message : String(e);
      loading = null;
    },
  );
}

const CHUNK = 54;

/** Encode the next chunk of held-out drawings (support rows first, then query rows); true when done. */
function evalChunk(st: State, s: GlyphSession): boolean {
  const n = s.testIds.length, d = s.config.dim;
  if (!st.evalBuf) {
    st.evalBuf = new Float32Array(2 * n * d);
    st.evalPos = 0;
  }
  const pos = st.evalPos;
  const src = pos < n ? s.support : s.query;
  const from = pos < n ? pos : pos - n;
  const m = Math.min(CHUNK, n - from);
  st.evalBuf.set(encodeDrawings(s.model, src.subarray(from * DRAWING_PIXELS), m), pos * d);
  st.evalPos += m;
  if (st.evalPos < 2 * n) return false;
  const support = st.evalBuf.slice(0, n * d), query = st.evalBuf.slice(n * d);
  const accuracy = {} as GlyphAccuracy;
  for (const w of WAYS) accuracy[w] = oneShotAccuracy(support, query, d, s.episodes[w]);
  st.last = { step: s.step, accuracy, support, query };
  if (s.step === 0) st.untrained = accuracy;
  st.hist.step.push(s.step);
  for (const w of WAYS) st.hist[`n${w}`].push(accuracy[w]);
  st.evalBuf = null;
  return true;
}

export const glyphOneShot = defineLongJob<GlyphOneShotArgs, State, GlyphOneShotProgress, GlyphOneShotSnapshot>({
  init(args) {
    if (!(Number.isInteger(args.maxSteps) && args.maxSteps >= 1 && args.maxSteps <= 100000)) {
      throw new JobError('bad-setting', `maxSteps must be a whole number 1–100000, got ${args.maxSteps}`, { name: 'maxSteps', value: String(args.maxSteps) });
    }
    startLoading(args.dataUrl);
    return { args, s: null, smoothLoss: null, evalPos: 0, evalBuf: null, due: true, last: null, untrained: null, pixels: null, hist: { step: [], n5: [], n20: [] }, finished: false };
  },
  step(st) {
    if (!st.s) {
      if (loadError) throw new JobError('no-data', `the glyphs could not be loaded: ${loadError}`, { reason: loadError });
      if (!glyphs) return false;
      st.s = createGlyphSession(glyphs, { seed: st.args.seed ?? 1, identities: st.args.identities ?? 0 });
      st.pixels = pixelAccuracy(st.s);
      return false;
    }
    const s = st.s;
    if (st.due) {
      if (!evalChunk(st, s)) return false;
      st.due = false;
      if (s.step >= st.args.maxSteps) return (st.finished = true);
      return false;
    }
    trainAndSmooth(s, st);
    if (s.step % (st.args.evalEvery ?? 25) === 0 || s.step >= st.args.maxSteps) st.due = true;
    return false;
  },
  progress(st) {
    const s = st.s;
    return {
      status: !s ? 'loading' : st.finished ? 'finished' : 'training',
      step: s?.step ?? 0,
      maxSteps: st.args.maxSteps,
      loss: st.smoothLoss,
      accuracy: st.last?.accuracy ?? null,
      evalStep: st.last?.step ?? null,
      untrained: st.untrained,
      pixels: st.pixels,
      trainCharacters: s?.trainIds.length ?? 0,
      testCharacters: s?.testIds.length ?? 0,
      testScripts: s ? s.set.scripts.filter((q) => q.split === 'test').map((q) => q.name) : [],
    };
  },
  snapshot(st) {
    const s = st.s;
    const bytes = (f: Float32Array | undefined) => (f ? Uint8Array.from(f, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255)) : new Uint8Array(0));
    return {
      curve: { step: Float32Array.from(st.hist.step), n5: Float32Array.from(st.hist.n5), n20: Float32Array.from(st.hist.n20) },
      support: bytes(s?.support),
      query: bytes(s?.query),
      supportCodes: st.last ? st.last.support.slice() : null,
      queryCodes: st.last ? st.last.query.slice() : null,
      dim: s?.config.dim ?? 0,
      episodes: {
        n5: s ? flatten(s.episodes[5]) : new Int32Array(0),
        n20: s ? flatten(s.episodes[20]) : new Int32Array(0),
      },
      codes: s ? Int32Array.from(s.testIds, (id) => s.set.codes[id]) : new Int32Array(0),
      scripts: s ? Array.from(s.testIds, (id) => s.set.scripts.find((q) => id >= q.start && id < q.start + q.count)!.name) : [],
    };
  },
});

function flatten(eps: { members: Int32Array }[]): Int32Array {
  const out = new Int32Array(eps.reduce((a, e) => a + e.members.length, 0));
  let o = 0;
  for (const e of eps) out.set(e.members, (o += e.members.length) - e.members.length);
  return out;
}

function trainAndSmooth(s: GlyphSession, st: State): void {
  trainGlyphBatch(s);
  st.smoothLoss = st.smoothLoss === null ? s.loss : 0.9 * st.smoothLoss + 0.1 * (s.loss ?? 0);
}
