// @vitest-environment happy-dom
// The embedding scatter's text follows the page's font size (presenter mode enlarges it):
// the canvas is drawn 440 wide and scaled by CSS, so its text size is the font size times
// drawn width / shown width, and the digit labels are capped so they fit their ring.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '../render';
import { live } from '../../../src/ui/live';
import { EmbeddingScatter } from '../../../src/widgets/triplet-training/EmbeddingScatter';
import { canvasEm } from '../../../src/widgets/triplet-training/useLiveCanvas';
import type { TripletEmbeddingSnapshot } from '../../../src/widgets/shared/job/embedding/tripletEmbedding';

/** A 2-D context that records every font it was given and the text drawn with it. */
function recordingContext(log: { font: string; text: string }[]) {
  let font = '';
  const noop = () => undefined;
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, k) => (k === 'font' ? font : k === 'fillText' ? (text: string) => log.push({ font, text }) : noop),
    set: (_t, k, v) => {
      if (k === 'font') font = v;
      return true;
    },
  });
}

const realGetContext = HTMLCanvasElement.prototype.getContext;
const realStyle = window.getComputedStyle.bind(window);

/** Mount the scatter with the canvas's computed font size set to fontSize; the drawn text. */
function drawnFonts(fontSize: string, snap: TripletEmbeddingSnapshot | null) {
  const log: { font: string; text: string }[] = [];
  HTMLCanvasElement.prototype.getContext = (() => recordingContext(log)) as never;
  // Only the canvas's style is faked (the theme palette reads <html>'s variables for real).
  vi.spyOn(window, 'getComputedStyle').mockImplementation(((el: Element) => (el instanceof HTMLCanvasElement ? { fontSize } : realStyle(el))) as never);
  mount(<EmbeddingScatter snapshot={live(snap)} label="scatter" empty="Press Start" />);
  return log;
}

/** Two test digits of each class 0–9 on the unit circle. */
function snapshot(): TripletEmbeddingSnapshot {
  const labels = Uint8Array.from({ length: 20 }, (_, i) => i % 10);
  const embeddings = new Float32Array(40);
  labels.forEach((k, i) => {
    embeddings[2 * i] = Math.cos((k * Math.PI) / 5);
    embeddings[2 * i + 1] = Math.sin((k * Math.PI) / 5);
  });
  const none = new Float32Array(0);
  return { embeddings, labels, dim: 2, evalVersion: 1, curve: { step: none, loss: none, easy: none }, testCurve: { step: none, loss: none }, oneShot: null };
}

afterEach(() => {
  vi.restoreAllMocks();
  HTMLCanvasElement.prototype.getContext = realGetContext;
});

describe('embedding scatter text size', () => {
  it('one em in canvas units: font size × drawn width / shown width (shown width 0: not laid out yet)', () => {
    expect(canvasEm(16, 440, 220)).toBe(32);
    expect(canvasEm(16, 440, 440)).toBe(16);
    expect(canvasEm(24, 440, 0)).toBe(24);
    expect(canvasEm(NaN, 440, 880)).toBe(8);
  });

  it('the empty message is drawn at the page font size: twice the font, twice the text', () => {
    const at16 = drawnFonts('16px', null).find((d) => d.text === 'Press Start');
    vi.restoreAllMocks();
    const at32 = drawnFonts('32px', null).find((d) => d.text === 'Press Start');
    expect(at16?.font).toBe('16px system-ui, sans-serif');
    expect(at32?.font).toBe('32px system-ui, sans-serif');
  });

  it('the class digits are 1.25 em, up to the 48 px that fit between circle and edge', () => {
    const fontOf = (size: string) => {
      const log = drawnFonts(size, snapshot());
      vi.restoreAllMocks();
      const digits = log.filter((d) => /^\d$/.test(d.text));
      expect(digits.map((d) => d.text).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      return new Set(digits.map((d) => d.font));
    };
    expect(fontOf('16px')).toEqual(new Set(['bold 20px system-ui, sans-serif']));
    expect(fontOf('24px')).toEqual(new Set(['bold 30px system-ui, sans-serif']));
    expect(fontOf('64px')).toEqual(new Set(['bold 48px system-ui, sans-serif']));
  });
});
