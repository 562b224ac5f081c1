// The layers of DESIGN.md, enforced on every import line of src/**. Imports go one way:
//
//   pure floor: engine → geometry → data, viz
//     → each widget's params / view / job          (pure: no React, no store, no client)
//     → worker (protocol, job table, runtime) → worker/client → state
//     → ui, widgets/shared → each widget's components → widgets/registry → lessons → app
//
// A file's role comes from its folder and, inside a widget's folder, from its name:
// `params.ts`, `view.ts`, `job.ts` and anything under a `view/` or `job/` folder are pure; every other file
// in a widget's folder is a component (or a component's helper). No widget imports another
// widget's folder (pieces several widgets use live in widgets/shared), and no import cycle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..', 'src');

type Role =
  | 'engine' | 'geometry' | 'data' | 'viz'
  | 'contract' // worker/job.ts, worker/checks.ts: how a job is written
  | 'pure' // a widget's params, view and job files
  | 'protocol' | 'worker' | 'client' | 'state' | 'ui'
  | 'component' | 'registry' | 'lessons' | 'app';

/** The role of a file under src/ (path relative to src, with `/`). */
export function roleOf(rel: string): Role | null {
  const parts = rel.split('/');
  const [top, second] = parts;
  if (top === 'worker') {
    if (second === 'protocol.ts') return 'protocol';
    if (second === 'client.ts') return 'client';
    if (second === 'job.ts' || second === 'checks.ts') return 'contract';
    return 'worker'; // compute.worker.ts, runtime.ts, jobs.ts (the job table)
  }
  if (top === 'widgets') {
    if (parts.length === 2) return second === 'registry.ts' ? 'registry' : 'pure'; // types.ts, params.ts: schema helpers
    const file = parts[parts.length - 1];
    if (parts.slice(2, -1).some((d) => d === 'job' || d === 'view') || /^(params|view|job)\.ts$/.test(file)) return 'pure';
    return 'component';
  }
  const known: Role[] = ['engine', 'geometry', 'data', 'viz', 'state', 'ui', 'lessons', 'app'];
  return (known as string[]).includes(top) ? (top as Role) : null;
}

/** The widget folder a file belongs to ('shared' included), or null. */
export function widgetOf(rel: string): string | null {
  const m = rel.match(/^widgets\/([^/]+)\//);
  return m ? m[1] : null;
}

const FLOOR: Role[] = ['engine', 'geometry', 'data'];

/** Roles each role may import at run time (its own role is allowed where noted below). */
const VALUE_IMPORTS: Record<Role, Role[]> = {
  engine: ['engine'],
  geometry: ['engine', 'geometry'],
  data: ['engine', 'geometry', 'data'],
  viz: [...FLOOR, 'viz'],
  contract: ['engine', 'contract'],
  pure: [...FLOOR, 'viz', 'contract', 'pure'],
  protocol: [],
  worker: [...FLOOR, 'contract', 'protocol', 'pure', 'worker'],
  client: ['protocol', 'client'],
  state: ['client', 'protocol', 'state'],
  ui: [...FLOOR, 'viz', 'state', 'client', 'protocol', 'ui'],
  component: [...FLOOR, 'viz', 'pure', 'contract', 'state', 'client', 'protocol', 'ui', 'component'],
  registry: ['pure', 'component'],
  lessons: [...FLOOR, 'viz', 'pure', 'state', 'client', 'protocol', 'ui', 'registry', 'lessons'],
  app: [...FLOOR, 'viz', 'pure', 'state', 'client', 'protocol', 'ui', 'component', 'registry', 'lessons', 'app'],
};

/** Extra roles allowed through `import type` only (no run-time dependency). */
const TYPE_IMPORTS: Partial<Record<Role, Role[]>> = {
  // protocol.ts derives every job's message types from the job table.
  protocol: [...FLOOR, 'contract', 'pure', 'worker'],
  client: [...FLOOR, 'pure'],
  state: [...FLOOR, 'pure'],
  ui: ['pure'],
};

/** Packages a role must not import for values. */
const NO_REACT = /^(react|react-dom|zustand)(\/|$)/;
const FORBIDDEN_PACKAGES: Partial<Record<Role, RegExp>> = {
  engine: /^(react|react-dom|d3|d3-.*|zustand|katex|markdown-it)(\/|$)/,
  geometry: /^(react|react-dom|d3|d3-.*|zustand)(\/|$)/,
  data: /^(react|react-dom|d3|d3-.*|zustand)(\/|$)/,
  contract: /^(react|react-dom|d3|d3-.*|zustand)(\/|$)/,
  viz: NO_REACT,
  pure: NO_REACT,
  worker: NO_REACT,
  protocol: /^(react|react-dom|zustand|d3)(\/|$)/,
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

type Sources = Map<string, string>; // path relative to src → text

function readSources(dir: string, out: Sources = new Map()): Sources {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) readSources(p, out);
    else if (/\.(ts|tsx)$/.test(f)) out.set(relative(SRC, p).split('\\').join('/'), readFileSync(p, 'utf8'));
  }
  return out;
}

/** The source file an import resolves to (relative to src), or null for css, assets and paths outside src. */
function resolveImport(sources: Sources, rel: string, spec: string): string | null {
  const base = posix.join(posix.dirname(rel), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (sources.has(c)) return c;
  return null;
}

export function violations(sources: Sources): string[] {
  const bad: string[] = [];
  for (const [rel, text] of sources) {
    const from = roleOf(rel);
    if (!from) continue;
    for (const imp of importsOf(text)) {
      const where = `src/${rel}:${imp.line} imports '${imp.spec}'`;
      if (!imp.spec.startsWith('.')) {
        if (FORBIDDEN_PACKAGES[from]?.test(imp.spec) && !imp.typeOnly) bad.push(`${where}: ${from} must not use ${imp.spec}`);
        continue;
      }
      const target = resolveImport(sources, rel, imp.spec);
      const to = target && roleOf(target);
      if (!target || !to) continue;
      if (to === 'app' && from !== 'app') {
        bad.push(`${where}: nothing imports app/`);
        continue;
      }
      const a = widgetOf(rel);
      const b = widgetOf(target);
      if (b && b !== 'shared' && b !== a && from !== 'registry' && !(from === 'worker' && to === 'pure')) {
        bad.push(`${where}: no widget imports another widget's folder`);
        continue;
      }
      if (from === 'registry' && to !== 'pure' && !target.endsWith('/widget.ts')) {
        bad.push(`${where}: the registry imports each widget's widget.ts`);
        continue;
      }
      if (from === 'worker' && to === 'pure' && !/(\/job\.ts$|\/job\/)/.test(target)) {
        bad.push(`${where}: the worker imports a widget's job files only`);
        continue;
      }
      if (VALUE_IMPORTS[from].includes(to)) continue;
      if (imp.typeOnly && TYPE_IMPORTS[from]?.includes(to)) continue;
      bad.push(`${where}: ${from} may not import ${to}${imp.typeOnly ? '' : ' (value import)'}`);
    }
  }
  return bad;
}

/** Every import cycle (type imports included), each as the sorted files of one strongly connected group. */
export function importCycles(sources: Sources): string[][] {
  const graph = new Map<string, string[]>();
  for (const [rel, text] of sources) {
    const targets = importsOf(text)
      .filter((i) => i.spec.startsWith('.'))
      .map((i) => resolveImport(sources, rel, i.spec))
      .filter((t): t is string => !!t);
    graph.set(rel, targets);
  }
  // Tarjan's strongly connected components; a group of two or more files is a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

describe('architecture: imports follow the layers', () => {
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

  it('gives each file its role by folder and name', () => {
    expect(roleOf('worker/compute.worker.ts')).toBe('worker');
    expect(roleOf('worker/jobs.ts')).toBe('worker');
    expect(roleOf('worker/client.ts')).toBe('client');
    expect(roleOf('worker/protocol.ts')).toBe('protocol');
    expect(roleOf('worker/job.ts')).toBe('contract');
    expect(roleOf('widgets/nms-stepper/params.ts')).toBe('pure');
    expect(roleOf('widgets/nms-stepper/view.ts')).toBe('pure');
    expect(roleOf('widgets/nms-stepper/job.ts')).toBe('pure');
    expect(roleOf('widgets/mnist-trainer/job/train.ts')).toBe('pure');
    expect(roleOf('widgets/exercise/view/week1.ts')).toBe('pure');
    expect(roleOf('widgets/shared/job/mnist/session.ts')).toBe('pure');
    expect(roleOf('widgets/nms-stepper/NmsStepper.tsx')).toBe('component');
    expect(roleOf('widgets/nms-stepper/strings.ts')).toBe('component');
    expect(roleOf('widgets/shared/RgbCanvas.tsx')).toBe('component');
    expect(roleOf('widgets/registry.ts')).toBe('registry');
    expect(roleOf('ui/i18n.ts')).toBe('ui');
    expect(widgetOf('widgets/shared/live.ts')).toBe('shared');
    expect(widgetOf('widgets/registry.ts')).toBe(null);
  });

  it('flags what the rules forbid (self-check of the rules)', () => {
    const fake: Sources = new Map([
      ['ui/Slider.tsx', ''],
      ['worker/client.ts', ''],
      ['worker/runtime.ts', ''],
      ['widgets/a/view.ts', "import { Slider } from '../../ui/Slider';"],
      ['widgets/a/job.ts', "import { computeClient } from '../../worker/client';"],
      ['widgets/a/A.tsx', "import { x } from '../b/view';\nimport { y } from '../../worker/runtime';\nimport type { Z } from './job';"],
      ['widgets/b/view.ts', "import { useState } from 'react';"],
      ['widgets/shared/live.ts', "import { a } from '../a/A';"],
    ]);
    expect(violations(fake).map((v) => v.replace(/^src\/(\S+):\d+ .*: /, '$1: '))).toEqual([
      'widgets/a/view.ts: pure may not import ui (value import)',
      'widgets/a/job.ts: pure may not import client (value import)',
      "widgets/a/A.tsx: no widget imports another widget's folder",
      'widgets/a/A.tsx: component may not import worker (value import)',
      'widgets/b/view.ts: pure must not use react',
      "widgets/shared/live.ts: no widget imports another widget's folder",
    ]);
    const ring: Sources = new Map([
      ['ui/a.ts', "import { b } from './b';"],
      ['ui/b.ts', "import type { C } from './c';"],
      ['ui/c.ts', "import { a } from './a';"],
      ['ui/d.ts', "import { a } from './a';"],
    ]);
    expect(importCycles(ring)).toEqual([['ui/a.ts', 'ui/b.ts', 'ui/c.ts']]);
  });

  it('src/** has no import against the layers', () => {
    expect(violations(readSources(SRC))).toEqual([]);
  });

  it('src/** has no import cycle', () => {
    expect(importCycles(readSources(SRC))).toEqual([]);
  });

  it('test/ mirrors src/: every test folder names a src folder', () => {
    const TEST = resolve(__dirname);
    const own = new Set(['e2e', 'fixtures', 'engine/oracle']); // the browser suite, lesson fixtures, dev-only oracles
    const folders = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        if (!statSync(p).isDirectory()) return [];
        const rel = relative(TEST, p).split('\\').join('/');
        return own.has(rel) ? [] : [rel, ...folders(p)];
      });
    const missing = folders(TEST).filter((rel) => {
      try {
        return !statSync(join(SRC, rel)).isDirectory();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});
