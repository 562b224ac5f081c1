// The mnist-digit job against the real packed files, served over http on 127.0.0.1
// (the job fetches like the worker does in the browser).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { mnistDigit } from '../../../../src/widgets/edge-detect/job/mnistDigit';

const dir = join(__dirname, '..', '..', '..', '..', 'public', 'data');
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const f = join(dir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!f.startsWith(dir) || !existsSync(f)) return void res.writeHead(404).end();
    res.writeHead(200).end(readFileSync(f));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function run(index: number) {
  const s = mnistDigit.init({ base, index });
  for (let i = 0; i < 500 && !mnistDigit.step(s); i++) await new Promise((r) => setTimeout(r, 10));
  return { progress: mnistDigit.progress(s), pixels: mnistDigit.snapshot!(s).pixels };
}

describe('mnist-digit job', () => {
  it('cuts out one 28×28 test digit in [0, 1] with its label; the index wraps', async () => {
    const a = await run(5);
    expect(a.progress.loaded).toBe(true);
    expect(a.pixels.length).toBe(784);
    expect(a.progress.label).toBeGreaterThanOrEqual(0);
    expect(a.progress.label).toBeLessThanOrEqual(9);
    expect(Math.max(...a.pixels)).toBeGreaterThan(0.9); // some ink
    expect(Math.min(...a.pixels)).toBe(0); // background
    const b = await run(5 + a.progress.count);
    expect(b.progress.index).toBe(5);
    expect(Array.from(b.pixels)).toEqual(Array.from(a.pixels));
  });

  it('a bad data URL ends in a readable error', async () => {
    const s = mnistDigit.init({ base: `${base}nowhere/`, index: 0 });
    let err: unknown = null;
    for (let i = 0; i < 500 && !err; i++) {
      try {
        if (mnistDigit.step(s)) break;
      } catch (e) {
        err = e;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(String(err)).toMatch(/could not load the MNIST digits/);
  });
});
