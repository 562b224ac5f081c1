// The first layer's filters and every layer's feature maps for one test digit: canvases
// repainted from the latest snapshot (subscribe → requestAnimationFrame), not React state.
import { memo, useEffect, useRef } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import type { Palette } from '../../viz/colors';
import type { TrainMnistSnapshot } from './job/train';
import type { FeatureLayer } from './job/views';
import type { Live } from '../../ui/live';
import { maxAbsOf, maxOf, paintTiles, ramp, toRgb } from './paint';
import { trainerStrings } from './strings';

type Snap = Live<TrainMnistSnapshot | null>;

/** Call paint(snapshot) once per frame at most whenever a new snapshot arrives. */
function usePaint(snapshot: Snap, paint: (s: TrainMnistSnapshot | null) => void, deps: unknown[]) {
  useEffect(() => {
    let frame = 0;
    const run = () => {
      frame = 0;
      paint(snapshot.get());
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(run);
    };
    schedule();
    const unsub = snapshot.subscribe(schedule);
    return () => {
      unsub();
      if (frame) cancelAnimationFrame(frame);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what draw reads in deps
  }, [snapshot, ...deps]);
}

const EM_PER_PIXEL = 0.32;

/** Display size in em; written only when it changes (a style write costs a layout). */
function sizeCanvas(cv: HTMLCanvasElement, w: number, h: number, em = EM_PER_PIXEL) {
  const width = `${(w * em).toFixed(2)}em`;
  const height = `${(h * em).toFixed(2)}em`;
  if (cv.style.width !== width) cv.style.width = width;
  if (cv.style.height !== height) cv.style.height = height;
}

export const FiltersView = memo(function FiltersView({ snapshot, palette, mlp }: { snapshot: Snap; palette: Palette; mlp: boolean }) {
  const t = useStrings(trainerStrings);
  const canvas = useRef<HTMLCanvasElement>(null);
  usePaint(
    snapshot,
    (s) => {
      const cv = canvas.current;
      const f = s?.filters;
      if (!cv || !f) return;
      const signed = ramp(palette, 'signed');
      const gap = toRgb(palette.bg);
      if (f.shape.length === 4) {
        // conv HWIO [f, f, 1, k]: k filters, channels last
        const [fh, fw, , k] = f.shape;
        const L = paintTiles(cv, f.data, fh, fw, k, true, signed, maxAbsOf(f.data), gap, 8);
        sizeCanvas(cv, L.width, L.height, 0.9);
      } else {
        // dense [784, n]: unit j's weights over the 784 pixels, as a 28×28 template
        const [, n] = f.shape;
        const show = Math.min(n, 20);
        const tiles = new Float32Array(show * 784);
        for (let j = 0; j < show; j++) for (let i = 0; i < 784; i++) tiles[j * 784 + i] = f.data[i * n + j];
        const L = paintTiles(cv, tiles, 28, 28, show, false, signed, maxAbsOf(tiles), gap, 10);
        sizeCanvas(cv, L.width, L.height, 0.16);
      }
    },
    [palette],
  );
  return (
    <figure className="mt-panel mt-filters">
      <figcaption>
        <strong>{mlp ? t.filtersMlp : t.filters}</strong>
        <span className="mt-hint">{t.filtersHint}</span>
      </figcaption>
      <canvas ref={canvas} className="mt-pixels" role="img" aria-label={mlp ? t.filtersMlp : t.filters} />
    </figure>
  );
});

function layerTitle(l: FeatureLayer, t: typeof trainerStrings.en): string {
  const shape = l.shape.join('×');
  if (l.kind === 'probs') return t.layerProbs;
  if (l.kind === 'maxPool2d' || l.kind === 'avgPool2d') return fmt(t.layerPool, { shape });
  if (l.kind === 'dense') return fmt(t.layerDense, { shape });
  return fmt(t.layerConv, { shape });
}

/** One canvas per layer; a layer list only changes when the architecture does. */
export const FeatureMaps = memo(function FeatureMaps({ snapshot, palette, layerKey }: { snapshot: Snap; palette: Palette; layerKey: string }) {
  const t = useStrings(trainerStrings);
  const input = useRef<HTMLCanvasElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  usePaint(
    snapshot,
    (s) => {
      const v = s?.view;
      const root = holder.current;
      if (!v || !root || !input.current) return;
      const ink = ramp(palette, 'ink');
      const gap = toRgb(palette.bg);
      const L0 = paintTiles(input.current, v.image, 28, 28, 1, false, ink, 1, gap, 1);
      sizeCanvas(input.current, L0.width, L0.height, 0.2);
      const canvases = root.querySelectorAll<HTMLCanvasElement>('canvas[data-layer]');
      v.layers.forEach((l, k) => {
        const cv = canvases[k];
        if (!cv) return;
        if (l.shape.length === 3) {
          // channels as tiles, each about 3.6em wide (bigger pixels for small maps)
          const [h, w, c] = l.shape;
          const L = paintTiles(cv, l.data, h, w, c, true, ink, maxOf(l.data), gap, 8);
          sizeCanvas(cv, L.width, L.height, Math.max(0.15, Math.min(0.4, 3.6 / h)));
        } else {
          // a vector: one strip (probabilities 0–9) or rows of 16 units, without gaps
          const n = l.data.length;
          const cols = l.kind === 'probs' ? n : Math.min(16, n);
          const rows = Math.ceil(n / cols);
          const padded = new Float32Array(rows * cols);
          padded.set(l.data);
          const L = paintTiles(cv, padded, rows, cols, 1, false, ink, l.kind === 'probs' ? 1 : maxOf(l.data), gap, 1);
          sizeCanvas(cv, L.width, L.height, l.kind === 'probs' ? 1.6 : 0.8);
        }
        const title = layerTitle(l, t);
        if (cv.getAttribute('aria-label') !== title) {
          cv.setAttribute('aria-label', title);
          const cap = cv.parentElement?.querySelector('figcaption');
          if (cap) cap.textContent = title;
        }
      });
    },
    [palette, layerKey, t],
  );
  const count = layerKey ? layerKey.split(',').length : 0;
  return (
    <div className="mt-maps" ref={holder}>
      <figure className="mt-map">
        <canvas ref={input} className="mt-pixels" role="img" aria-label={t.input} />
        <figcaption>{t.input}</figcaption>
      </figure>
      {Array.from({ length: count }, (_, k) => (
        <figure className="mt-map" key={`${layerKey}-${k}`}>
          <canvas data-layer={k} className="mt-pixels" role="img" aria-label={fmt(t.layerPending, { k: k + 1 })} />
          <figcaption />
        </figure>
      ))}
    </div>
  );
});
