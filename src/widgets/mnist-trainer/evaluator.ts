// Test passes on a second compute worker: while the first worker trains on one core, this
// one scores a copy of the weights on the 2,000 held-out digits on the other, so testing
// costs the training (almost) nothing. The test digits are fetched once, as raw bytes.
import { createComputeClient, type ComputeClient } from '../../worker/client';
import type { EvalResult } from '../shared/job/mnist/evaluate';
import type { Preset } from '../../data/mnistPresets';

let client: ComputeClient | null = null;
let testSet: Promise<{ images: Uint8Array; labels: Uint8Array }> | null = null;

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url.pathname}`);
  return new Uint8Array(await res.arrayBuffer());
}

function loadTestSet(): Promise<{ images: Uint8Array; labels: Uint8Array }> {
  testSet ??= (async () => {
    const dir = new URL('data/', document.baseURI);
    const manifest = (await (await fetch(new URL('mnist.json', dir))).json()) as { sets: { test: { images: string; labels: string } } };
    const [images, labels] = await Promise.all([fetchBytes(new URL(manifest.sets.test.images, dir)), fetchBytes(new URL(manifest.sets.test.labels, dir))]);
    return { images, labels };
  })();
  testSet.catch(() => (testSet = null));
  return testSet;
}

/**
 * Start the evaluator worker and fetch the test digits now, while the page is idle, and let
 * it compile its test pass on throwaway weights (see job/warmUp.ts): the first
 * real test then neither starts a worker nor competes with the trainer's own warm-up.
 */
export function prepareEvaluator(preset: Preset): void {
  client ??= createComputeClient();
  void loadTestSet().catch(() => undefined);
  void client.request('mnist-warm-up', { preset, evaluate: true }).catch(() => undefined);
}

/** Score a model file on the test set in the evaluator worker; null if that failed. */
export async function runTestPass(file: ArrayBuffer): Promise<EvalResult | null> {
  try {
    const test = await loadTestSet();
    client ??= createComputeClient();
    return await client.request('mnist-evaluate', { file, images: test.images, labels: test.labels }, { transfer: [file] });
  } catch {
    return null;
  }
}
