// The layer order of DESIGN.md, enforced on every import line of src/**:
//   engine → geometry, data → worker/protocol → worker/client, state → viz → ui → widgets → lessons → app
// A layer imports only layers to its left (with the exceptions written below), and nothing
// imports app/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..', 'src');

type Layer =
  | 'engine' | 'geometry' | 'data' | 'protocol' | 'worker' | 'client' | 'state' | 'viz' | 'ui' | 'widgets' | 'lessons' | 'app';

/** Which layer a file under src/ belongs to. */
export function layerOf(rel: string): Layer | null {
  const [top, second] = rel.split('/');
  if (top === 'worker') {
    if (second?.startsWith('protocol')) return 'protocol';
    if (second?.startsWith('client')) return 'client';
    return 'worker'; // the worker entry and the pure functions it switches over
  }
  const known: Layer[] = ['engine', 'geometry', 'data', 'state', 'viz', 'ui', 'widgets', 'lessons', 'app'];
  return (known as string[]).includes(top) ? (top as Layer) : null;
}

/** Layers each layer may import at run time (its own layer is always allowed). */
const VALUE_IMPORTS: Record<Layer, Layer[]> = {
  engine: [],
  geometry: ['engine'],
  data: ['engine'],
  protocol: [],
  worker: ['engine', 'geometry', 'data', 'protocol'],
  client: ['protocol'],
  state: ['client', 'protocol'],
  viz: ['engine', 'geometry'],
  ui: ['viz', 'engine', 'geometry', 'data'],
  widgets: ['ui', 'viz', 'geometry', 'state', 'client', 'protocol'],
  lessons: ['engine', 'geometry', 'data', 'protocol', 'client', 'state', 'viz', 'ui', 'widgets'],
  app: ['engine', 'geometry', 'data', 'protocol', 'client', 'state', 'viz', 'ui', 'widgets', 'lessons'],
};

/** Extra layers allowed through `import type` only (no run-time dependency). */
const TYPE_IMPORTS: Partial<Record<Layer, Layer[]>> = {
  geometry: ['data'],
  data: ['geometry'],
  // protocol.ts is types only; it may name the request/result types of the worker's jobs.
  protocol: ['engine', 'geometry', 'data', 'worker'],
  client: ['engine', 'geometry', 'data'],
  state: ['engine', 'geometry', 'data'],
  widgets: ['engine', 'data', 'worker'],
};

/** Single files a layer may import for values beyond its arrows (documented exceptions). */
const FILE_EXCEPTIONS: Partial<Record<Layer, string[]>> = {
  // Shape maths has one home; widgets show output sizes and parameter counts with it.
  // tensor.ts only builds the plain { shape, data } objects that are sent to the worker.
  widgets: ['engine/shape.ts', 'engine/tensor.ts'],
};

/** Packages a layer must not import. */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  engine: /^(react|react-dom|d3|d3-.*|zustand|katex|markdown-it)(\/|$)/,
  geometry: /^(react|react-dom|d3|zustand)(\/|$)/,
  data: /^(react|react-dom|d3|zustand)(\/|$)/,
  worker: /^(react|react-dom|zustand)(\/|$)/,
  protocol: /^(react|react-dom|zustand|d3)(\/|$)/,
  viz: /^(react|react-dom|zustand)(\/|$)/,
};

interface Import {
  spec: string;
  typeOnly: boolean;
  line: number;
}

/** Every import/export-from/dynamic import/side-effect import of a source text. */
export function importsOf(text: string): Import[] {
  const out: Import[] = [];
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const stat = /(^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(stat)) {
    const clause = m[4] ?? '';
    const typeOnly =
      !!m[3] ||
      (/^\s*\{[^}]*\}\s+from\s+$/.test(clause) &&
        clause.replace(/^\s*\{|\}\s+from\s+$/g, '').split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type ')));
    if (m[2] === 'export' && !clause) continue; // `export { x }` without from
    out.push({ spec: m[5], typeOnly, line: lineAt(m.index! + m[1].length) });
  }
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false, line: lineAt(m.index!) });
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

export function violations(files: string[]): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file).split('\\').join('/');
    const from = layerOf(rel);
    if (!from) continue;
    for (const imp of importsOf(readFileSync(file, 'utf8'))) {
      const where = `src/${rel}:${imp.line} imports '${imp.spec}'`;
      if (!imp.spec.startsWith('.')) {
        const forbidden = FORBIDDEN_PACKAGES[from];
        if (forbidden?.test(imp.spec) && !imp.typeOnly) bad.push(`${where}: ${from} must not use ${imp.spec}`);
        continue;
      }
      const target = relative(SRC, resolve(dirname(file), imp.spec)).split('\\').join('/');
      if (target.startsWith('..')) continue; // outside src (lessons/, node_modules paths)
      const to = layerOf(target);
      if (!to || to === from) continue;
      if (to === 'app') {
        bad.push(`${where}: nothing imports app/`);
        continue;
      }
      if (VALUE_IMPORTS[from].includes(to)) continue;
      if (imp.typeOnly && TYPE_IMPORTS[from]?.includes(to)) continue;
      const targetFile = /\.(ts|tsx)$/.test(target) ? target : `${target}.ts`;
      if (FILE_EXCEPTIONS[from]?.includes(targetFile)) continue;
      bad.push(`${where}: ${from} may not import ${to}${imp.typeOnly ? '' : ' (value import)'}`);
    }
  }
  return bad;
}

describe('architecture: imports follow the layer order', () => {
  it('parses import lines (self-check of the scanner)', () => {
    const src = [
      "import { a } from '../engine/x';",
      "import type { T } from '../engine/t';",
      "import { type U, type V } from '../geometry/u';",
      "import {\n  b,\n  c,\n} from '../ui/y';",
      "export * from './z';",
      "const L = lazy(() => import('./w'));",
      "import './style.css';",
    ].join('\n');
    expect(importsOf(src)).toEqual([
      { spec: '../engine/x', typeOnly: false, line: 1 },
      { spec: '../engine/t', typeOnly: true, line: 2 },
      { spec: '../geometry/u', typeOnly: true, line: 3 },
      { spec: '../ui/y', typeOnly: false, line: 4 },
      { spec: './z', typeOnly: false, line: 8 },
      { spec: './style.css', typeOnly: false, line: 10 },
      { spec: './w', typeOnly: false, line: 9 },
    ]);
  });

  it('knows the layers', () => {
    expect(layerOf('worker/compute.worker.ts')).toBe('worker');
    expect(layerOf('worker/client.ts')).toBe('client');
    expect(layerOf('worker/protocol.ts')).toBe('protocol');
    expect(layerOf('ui/i18n.ts')).toBe('ui');
  });

  it('src/** has no import against the layer order', () => {
    expect(violations(walk(SRC))).toEqual([]);
  });
});
