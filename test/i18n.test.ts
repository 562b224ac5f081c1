// Every UI string exists in English and Simplified Chinese: imports every strings.ts under
// src/ (and anything else that called defineStrings on the way), then checks each dictionary.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registeredStrings } from '../src/ui/i18n';

const SRC = resolve(__dirname, '..', 'src');

/** Values that may be the same in both languages: names, symbols, units. */
const SAME_IN_BOTH = new Set([
  'ConvLab', 'AlexNet', 'LeNet-5', 'VGG-16', 'ResNet', 'Inception', 'MobileNet', 'Sobel', 'Scharr', 'Adam', 'SGD',
  'softmax', 'sigmoid', 'tanh', 'same', 'valid', 'max', 'avg', 'Max', 'Avg', 'Esc', 'WebGL', 'WebGPU', 'OffscreenCanvas',
  'Web Worker', 'Worker', 'WebAssembly SIMD', 'YOLO', 'U-Net', 'FaceNet', 'Siamese', 'Gram', 'MNIST', 'Float32Array', 'SharedArrayBuffer',
  'J_content', 'J_style', // the course's symbols for the two costs
]);

/** Same-in-both is fine when the text has no English word in it (symbols, units, acronyms),
 *  or is a formula such as "area(A)" or "max |a[l+2] − a[l]|" (function names only). */
const MATH_WORDS = /\b(max|min|sum|log|exp|area|argmax|argmin|softmax|sigmoid|tanh|relu|mean|var|std)\b/g;
const isFormula = (s: string) => /[()=×·/^_|[\]−+]/.test(s) && !/[a-z]{3,}/.test(s.replace(MATH_WORDS, ''));
const hasEnglishWord = (s: string) => !isFormula(s) && /[a-z]{3,}/.test(s.replace(/\{\w+\}/g, ''));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function stringsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? stringsFiles(p) : f === 'strings.ts' ? [p] : [];
  });
}

describe('i18n: every dictionary has both languages', async () => {
  const files = stringsFiles(SRC);
  for (const f of files) await import(/* @vite-ignore */ pathToFileURL(f).href);

  it('finds the strings modules', () => {
    expect(files.map((f) => relative(SRC, f))).toContain(join('app', 'strings.ts'));
    expect(registeredStrings().length).toBeGreaterThanOrEqual(files.length);
  });

  it('no empty strings; zh has exactly en’s keys; the same {placeholders}', () => {
    const bad: string[] = [];
    for (const d of registeredStrings()) {
      const enKeys = Object.keys(d.en).sort();
      const zhKeys = Object.keys(d.zh).sort();
      if (JSON.stringify(enKeys) !== JSON.stringify(zhKeys)) bad.push(`keys differ: en ${enKeys.join(',')} / zh ${zhKeys.join(',')}`);
      for (const k of enKeys) {
        const en = d.en[k];
        const zh = d.zh[k];
        if (typeof en !== 'string' || !en.trim()) bad.push(`en.${k} is empty`);
        if (typeof zh !== 'string' || !zh.trim()) bad.push(`zh.${k} is empty (en: ${en})`);
        if (typeof en === 'string' && typeof zh === 'string' && JSON.stringify(placeholders(en)) !== JSON.stringify(placeholders(zh))) {
          bad.push(`${k}: placeholders differ: "${en}" vs "${zh}"`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('zh is translated (differs from en unless it is a name, symbol or unit)', () => {
    const same: string[] = [];
    for (const d of registeredStrings()) {
      for (const k of Object.keys(d.en)) {
        const en = d.en[k];
        if (d.zh[k] === en && !SAME_IN_BOTH.has(en) && hasEnglishWord(en)) same.push(`${k}: "${en}"`);
      }
    }
    expect(same).toEqual([]);
  });
});
