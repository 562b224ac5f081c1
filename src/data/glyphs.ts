// An Omniglot-like set of characters from 15 writing systems, packed by scripts/pack-glyphs.mjs
// into public/data/glyphs.u8 (32×32 uint8 per character, 0 = paper, 255 = ink) and glyphs.json
// (which scripts, which code points, which scripts are held out of training).
// One character is one identity; two "drawings" of it differ by the jitter of ./glyphJitter.

export const GLYPH_SIDE = 32;

export type GlyphSplit = 'train' | 'test';

export interface GlyphScript {
  name: string;
  split: GlyphSplit;
  /** Index of the script's first character; its characters are start … start + count − 1. */
  start: number;
  count: number;
}

export interface GlyphSet {
  side: number;
  count: number;
  /** count · side² bytes, row-major. */
  images: Uint8Array;
  scripts: GlyphScript[];
  /** Unicode code point of each character. */
  codes: number[];
}

interface Manifest {
  format: number;
  side: number;
  count: number;
  images: string;
  scripts: GlyphScript[];
  codes: number[];
}

/** Check the manifest and bytes; throws an Error saying what is wrong. */
export function makeGlyphSet(m: Manifest, images: Uint8Array): GlyphSet {
  if (m.format !== 1 || m.side !== GLYPH_SIDE) throw new Error('glyphs: unknown manifest format');
  if (images.length !== m.count * m.side * m.side) throw new Error(`glyphs: ${images.length} bytes do not match ${m.count} glyphs of ${m.side}×${m.side}`);
  if (m.codes.length !== m.count) throw new Error(`glyphs: ${m.codes.length} code points for ${m.count} glyphs`);
  let next = 0;
  for (const s of m.scripts) {
    if (s.start !== next || s.count < 2 || (s.split !== 'train' && s.split !== 'test')) throw new Error(`glyphs: script ${s.name} is malformed`);
    next += s.count;
  }
  if (next !== m.count) throw new Error('glyphs: the scripts do not cover every glyph');
  return { side: m.side, count: m.count, images, scripts: m.scripts, codes: m.codes };
}

/** Indices of the characters of the scripts in `split`. */
export function glyphIds(set: GlyphSet, split: GlyphSplit): Int32Array {
  const out: number[] = [];
  for (const s of set.scripts) if (s.split === split) for (let k = 0; k < s.count; k++) out.push(s.start + k);
  return Int32Array.from(out);
}

/** The script a character belongs to. */
export function scriptOf(set: GlyphSet, id: number): GlyphScript {
  const s = set.scripts.find((q) => id >= q.start && id < q.start + q.count);
  if (!s) throw new RangeError(`no glyph ${id}`);
  return s;
}

/** Load the packed glyphs from the data folder URL (as loadMnist). */
export async function loadGlyphs(base: string | URL): Promise<GlyphSet> {
  const dir = new URL(base);
  const res = await fetch(new URL('glyphs.json', dir));
  if (!res.ok) throw new Error(`could not load the glyph manifest: HTTP ${res.status}`);
  const m = (await res.json()) as Manifest;
  const img = await fetch(new URL(m.images, dir));
  if (!img.ok) throw new Error(`could not load the glyphs: HTTP ${img.status}`);
  return makeGlyphSet(m, new Uint8Array(await img.arrayBuffer()));
}
