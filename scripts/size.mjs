#!/usr/bin/env node
// First-load budget of the course map: the JS + CSS that dist/index.html loads before any
// lesson is opened (the entry chunk, its static imports, their CSS), gzip and brotli.
// Lessons, markdown-it, KaTeX and widgets must stay in lazy chunks. Fails over 400 KB.
//   npm run size            (builds dist/ first if it is missing)
//   npm run size -- --build (always rebuilds)
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET = 400 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');

if (process.argv.includes('--build') || !existsSync(manifestPath)) {
  console.log('building dist/ …');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

// Files named by index.html itself (script, modulepreload, stylesheet).
const files = new Set();
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/g)) {
  const tag = m[0];
  if (/<link/.test(tag) && !/rel="(stylesheet|modulepreload)"/.test(tag)) continue;
  files.add(m[1].replace(/^\.?\//, ''));
}
// Plus the entry's static import graph and its CSS, from the manifest.
const seen = new Set();
function walk(key) {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return;
  files.add(chunk.file);
  for (const c of chunk.css ?? []) files.add(c);
  for (const i of chunk.imports ?? []) walk(i);
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key);

let raw = 0;
let gz = 0;
let br = 0;
const rows = [];
for (const f of [...files].sort()) {
  if (!/\.(m?js|css)$/.test(f)) continue;
  const buf = readFileSync(join(dist, f));
  const g = gzipSync(buf, { level: 9 }).length;
  const b = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += buf.length;
  gz += g;
  br += b;
  rows.push([f, buf.length, g, b]);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('First load of the course map (JS + CSS):');
for (const [f, r, g, b] of rows) console.log(`  ${f.padEnd(44)} ${kb(r).padStart(10)} raw ${kb(g).padStart(9)} gzip ${kb(b).padStart(9)} brotli`);
console.log(`  ${'total'.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(9)} gzip ${kb(br).padStart(9)} brotli`);
console.log(`budget: ${kb(BUDGET)} compressed (gzip) — ${gz <= BUDGET ? 'OK' : 'OVER BUDGET'}`);
if (gz > BUDGET) process.exit(1);
