// Packs an Omniglot-like set of characters: the letters (and digits) of 15 writing systems,
// rendered from the OFL Noto Sans fonts of the @fontsource npm packages (devDependencies) on a
// canvas in headless Chromium, each glyph's ink box scaled to fit 24 px and centred in a 32×32
// greyscale square (0 = paper, 255 = ink). One character = one identity; the variation between
// two "drawings" of a character (affine and stroke-width jitter) is added at sampling time.
// Scripts are split into training scripts and held-out scripts never seen in training.
// Run: node scripts/pack-glyphs.mjs   (the output is committed; re-running gives the same bytes
// with the same Chromium and fonts)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const outDir = new URL('../public/data/', import.meta.url).pathname;
const SIDE = 32;
const FIT = 24;
/** At most this many characters per script (evenly spread over its letters), as in Omniglot's 14–55. */
const MAX_PER_SCRIPT = 48;

// name, npm package, subset file stem, Unicode block, split
const SCRIPTS = [
  ['Armenian', 'noto-sans-armenian', 'armenian', [0x0531, 0x0587], 'train'],
  ['Georgian', 'noto-sans-georgian', 'georgian', [0x10a0, 0x10ff], 'train'],
  ['Devanagari', 'noto-sans-devanagari', 'devanagari', [0x0900, 0x097f], 'train'],
  ['Bengali', 'noto-sans-bengali', 'bengali', [0x0980, 0x09ff], 'train'],
  ['Tamil', 'noto-sans-tamil', 'tamil', [0x0b80, 0x0bff], 'train'],
  ['Kannada', 'noto-sans-kannada', 'kannada', [0x0c80, 0x0cff], 'train'],
  ['Malayalam', 'noto-sans-malayalam', 'malayalam', [0x0d00, 0x0d7f], 'train'],
  ['Myanmar', 'noto-sans-myanmar', 'myanmar', [0x1000, 0x109f], 'train'],
  ['Khmer', 'noto-sans-khmer', 'khmer', [0x1780, 0x17ff], 'train'],
  ['Arabic', 'noto-sans-arabic', 'arabic', [0x0620, 0x06ff], 'train'],
  ['Cyrillic', 'noto-sans', 'cyrillic', [0x0400, 0x04ff], 'train'],
  ['Thai', 'noto-sans-thai', 'thai', [0x0e00, 0x0e7f], 'test'],
  ['Hebrew', 'noto-sans-hebrew', 'hebrew', [0x05d0, 0x05ff], 'test'],
  ['Thaana', 'noto-sans-thaana', 'thaana', [0x0780, 0x07bf], 'test'],
  ['Greek', 'noto-sans', 'greek', [0x0370, 0x03ff], 'test'],
];

function fontFile(pkg, subset) {
  const dir = join(dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files');
  const file = `${pkg}-${subset}-400-normal.woff2`;
  return { file, bytes: readFileSync(join(dir, file)) };
}

/** Letters and digits of the block (no combining marks, no punctuation, no unassigned points). */
function candidates([lo, hi]) {
  const out = [];
  for (let c = lo; c <= hi; c++) if (/^[\p{L}\p{Nd}]$/u.test(String.fromCodePoint(c))) out.push(c);
  return out;
}

/** Runs in the page: render each code point with the font, return SIDE² bytes or null. */
function renderInPage({ family, fontBase64, codes, SIDE, FIT }) {
  const bytes = Uint8Array.from(atob(fontBase64), (ch) => ch.charCodeAt(0));
  const face = new FontFace(family, bytes);
  document.fonts.add(face);
  return face.load().then(() => {
    const R = 160;
    const big = document.createElement('canvas');
    big.width = big.height = R;
    const g = big.getContext('2d', { willReadFrequently: true });
    const draw = (text, font) => {
      g.fillStyle = '#fff';
      g.fillRect(0, 0, R, R);
      g.fillStyle = '#000';
      g.font = font;
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.fillText(text, R / 2, R / 2);
      const d = g.getImageData(0, 0, R, R).data;
      const ink = new Uint8Array(R * R);
      for (let i = 0; i < R * R; i++) ink[i] = 255 - d[i * 4];
      return ink;
    };
    const same = (a, b) => a.every((v, i) => v === b[i]);
    const small = document.createElement('canvas');
    small.width = small.height = SIDE;
    const s = small.getContext('2d', { willReadFrequently: true });
    return codes.map((c) => {
      const text = String.fromCodePoint(c);
      const ink = draw(text, `80px "${family}", serif`);
      // A glyph the font lacks falls back to the serif font: identical pixels mean "not ours".
      if (same(ink, draw(text, '80px serif'))) return null;
      draw(text, `80px "${family}", serif`);
      let x0 = R, y0 = R, x1 = -1, y1 = -1;
      for (let y = 0; y < R; y++) for (let x = 0; x < R; x++) if (ink[y * R + x] > 40) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      if (x1 < 0 || x0 === 0 || y0 === 0 || x1 === R - 1 || y1 === R - 1) return null; // empty or clipped
      const w = x1 - x0 + 1, h = y1 - y0 + 1;
      if (Math.max(w, h) < 16) return null; // a dot or a tiny mark, not a character
      const k = FIT / Math.max(w, h);
      s.fillStyle = '#fff';
      s.fillRect(0, 0, SIDE, SIDE);
      s.imageSmoothingEnabled = true;
      s.imageSmoothingQuality = 'high';
      s.drawImage(big, x0, y0, w, h, (SIDE - w * k) / 2, (SIDE - h * k) / 2, w * k, h * k);
      const d = s.getImageData(0, 0, SIDE, SIDE).data;
      return Array.from({ length: SIDE * SIDE }, (_, i) => 255 - d[i * 4]);
    });
  });
}

/** Mean absolute difference of two glyphs (0–255): near-duplicates across scripts (Α/А) are dropped. */
function meanDiff(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true });
const page = await browser.newPage();
await page.setContent('<!doctype html><html><body></body></html>');
const kept = [];
const scripts = [];
for (const [name, pkg, subset, block, split] of SCRIPTS) {
  const { file, bytes } = fontFile(pkg, subset);
  const codes = candidates(block);
  const rendered = await page.evaluate(renderInPage, { family: `G-${name}`, fontBase64: bytes.toString('base64'), codes, SIDE, FIT });
  const fresh = [];
  rendered.forEach((img, i) => {
    if (!img) return;
    if ([...kept, ...fresh].some((o) => meanDiff(o.img, img) < 6)) return;
    fresh.push({ code: codes[i], img });
  });
  // evenly spread over the script's letters when it has more than MAX_PER_SCRIPT
  const step = Math.max(1, fresh.length / MAX_PER_SCRIPT);
  const chosen = [];
  for (let q = 0; Math.floor(q * step) < fresh.length && chosen.length < MAX_PER_SCRIPT; q++) chosen.push(fresh[Math.floor(q * step)]);
  scripts.push({ name, split, font: `@fontsource/${pkg}/files/${file}`, start: kept.length, count: chosen.length });
  kept.push(...chosen);
  console.log(`${name.padEnd(11)} ${split.padEnd(5)} ${String(chosen.length).padStart(3)} of ${codes.length} letters (${rendered.filter(Boolean).length} rendered)`);
}
await browser.close();

const images = new Uint8Array(kept.length * SIDE * SIDE);
kept.forEach((k, i) => images.set(k.img, i * SIDE * SIDE));
const manifest = {
  format: 1,
  side: SIDE,
  count: kept.length,
  source: 'Noto Sans (SIL Open Font License 1.1) from the @fontsource npm packages, weight 400, rendered by Chromium',
  images: 'glyphs.u8',
  scripts,
  codes: kept.map((k) => k.code),
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'glyphs.u8'), images);
writeFileSync(join(outDir, 'glyphs.json'), JSON.stringify(manifest) + '\n');
const train = scripts.filter((s) => s.split === 'train').reduce((a, s) => a + s.count, 0);
console.log(`${kept.length} characters (${train} in training scripts, ${kept.length - train} held out), ${images.length} bytes`);
