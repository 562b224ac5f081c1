// The curves of a training run: training loss and accuracy every ~256 images, test loss and
// accuracy after every evaluation, against the number of training images seen.
export interface History {
  trainImages: number[];
  trainLoss: number[];
  trainAcc: number[];
  testImages: number[];
  testAcc: number[];
  testLoss: number[];
}

/** Keep the curves to a size a chart can draw: past this many points, merge neighbours. */
const MAX_POINTS = 4000;

export function emptyHistory(): History {
  return { trainImages: [], trainLoss: [], trainAcc: [], testImages: [], testAcc: [], testLoss: [] };
}

function halve(a: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < a.length; i += 2) out.push((a[i] + a[i + 1]) / 2);
  return out;
}

export function pushTrain(h: History, images: number, loss: number, acc: number): void {
  h.trainImages.push(images);
  h.trainLoss.push(loss);
  h.trainAcc.push(acc);
  if (h.trainImages.length > MAX_POINTS) {
    h.trainImages = halve(h.trainImages);
    h.trainLoss = halve(h.trainLoss);
    h.trainAcc = halve(h.trainAcc);
  }
}

export function pushTest(h: History, images: number, acc: number, loss: number): void {
  h.testImages.push(images);
  h.testAcc.push(acc);
  h.testLoss.push(loss);
}

/** A history read back from a file's metadata: every list numeric and as long as its pair. */
export function parseHistory(raw: unknown): History {
  const h = emptyHistory();
  if (!raw || typeof raw !== 'object') return h;
  const r = raw as Record<string, unknown>;
  const list = (k: keyof History) => (Array.isArray(r[k]) && (r[k] as unknown[]).every((v) => typeof v === 'number') ? (r[k] as number[]) : null);
  const ti = list('trainImages'), tl = list('trainLoss'), ta = list('trainAcc');
  if (ti && tl && ta && ti.length === tl.length && tl.length === ta.length) Object.assign(h, { trainImages: ti, trainLoss: tl, trainAcc: ta });
  const ei = list('testImages'), ea = list('testAcc'), el = list('testLoss');
  if (ei && ea && el && ei.length === ea.length && ea.length === el.length) Object.assign(h, { testImages: ei, testAcc: ea, testLoss: el });
  return h;
}
