// Draw a digit (mouse, pen or finger via pointer events), see the 28×28 the network reads
// (preprocessed like MNIST: ink cropped, scaled into 20×20, centred by mass in 28×28) and the
// ten probabilities from the live model (a quick predict request to the worker). Keyboard
// users pick a test digit instead; its probabilities follow the training live.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Metric, NumberField } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import type { Palette } from '../../viz/colors';
import type { TrainMnistSnapshot } from './job/train';
import type { Live } from '../../ui/live';
import { paintTiles, ramp, toRgb } from './paint';
import { trainerStrings } from './strings';

const SIDE = 224; // drawing resolution: 8 canvas pixels per MNIST pixel
const PEN = 18;

export interface DrawDigitProps {
  snapshot: Live<TrainMnistSnapshot | null>;
  palette: Palette;
  /** Ink (0–255 per pixel, side × side) → the 28×28 the network sees and its probabilities. */
  predict(ink: Uint8Array, side: number): Promise<{ pixels: Float32Array | null; probs: Float32Array | null } | null>;
  viewDigit: number;
  onPickTest(index: number): void;
}

export const DrawDigit = memo(function DrawDigit({ snapshot, palette, predict, viewDigit, onPickTest }: DrawDigitProps) {
  const t = useStrings(trainerStrings);
  const pad = useRef<HTMLCanvasElement>(null);
  const seen = useRef<HTMLCanvasElement>(null);
  const [mode, setMode] = useState<'draw' | 'test'>('draw');
  const [probs, setProbs] = useState<Float32Array | null>(null);
  const [pick, setPick] = useState(viewDigit);
  const [pickValid, setPickValid] = useState(true);
  const drawn = useRef<Uint8Array | null>(null);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef(0);
  const lastRefresh = useRef(0);

  const paintSeen = useCallback(
    (pixels: Float32Array | null) => {
      const cv = seen.current;
      if (!cv) return;
      paintTiles(cv, pixels ?? new Float32Array(784), 28, 28, 1, false, ramp(palette, 'ink'), 1, toRgb(palette.bg), 1);
    },
    [palette],
  );

  useEffect(() => {
    if (!drawn.current) paintSeen(null);
  }, [paintSeen]);

  const ask = useCallback(async () => {
    const px = drawn.current;
    if (!px) return;
    if (inFlight.current) {
      dirty.current = true;
      return;
    }
    inFlight.current = true;
    const r = await predict(px.slice(), SIDE);
    inFlight.current = false;
    if (r && drawn.current) {
      setProbs(r.probs);
      paintSeen(r.pixels);
    }
    if (dirty.current) {
      dirty.current = false;
      void ask();
    }
  }, [predict, paintSeen]);

  const process = useCallback(() => {
    frame.current = 0;
    const cv = pad.current;
    const ctx = cv?.getContext('2d', { willReadFrequently: true });
    if (!cv || !ctx) return;
    // The ink is the alpha channel (strokes are opaque on a transparent pad, in any theme);
    // the worker crops, scales and centres it like MNIST and predicts.
    const rgba = ctx.getImageData(0, 0, SIDE, SIDE).data;
    const ink = new Uint8Array(SIDE * SIDE);
    let any = false;
    for (let i = 0; i < ink.length; i++) {
      ink[i] = rgba[4 * i + 3];
      if (ink[i]) any = true;
    }
    drawn.current = any ? ink : null;
    if (any) void ask();
    else {
      setProbs(null);
      paintSeen(null);
    }
  }, [ask, paintSeen]);

  const schedule = () => {
    if (!frame.current) frame.current = requestAnimationFrame(process);
  };

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIDE, y: ((e.clientY - r.top) / r.height) * SIDE };
  };
  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = pad.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.strokeStyle = palette.fg;
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y);
    ctx.stroke();
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setMode('draw');
    const p = point(e);
    last.current = p;
    stroke(p, p);
    schedule();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const p = point(e);
    stroke(last.current, p);
    last.current = p;
    schedule();
  };
  const up = () => {
    last.current = null;
  };
  const clear = () => {
    pad.current?.getContext('2d')?.clearRect(0, 0, SIDE, SIDE);
    drawn.current = null;
    setProbs(null);
    paintSeen(null);
  };


  // As the network trains, the drawn digit's probabilities (or the test digit's) follow it.
  useEffect(
    () =>
      snapshot.subscribe((s) => {
        if (mode === 'test') {
          if (s?.view) {
            setProbs(s.view.probs);
            paintSeen(s.view.image);
          }
        } else if (drawn.current && performance.now() - lastRefresh.current > 400) {
          lastRefresh.current = performance.now();
          void ask();
        }
      }),
    [snapshot, mode, ask, paintSeen],
  );

  const showTest = () => {
    if (!pickValid) return;
    setMode('test');
    onPickTest(pick);
    const v = snapshot.get()?.view;
    if (v && v.index === pick) {
      setProbs(v.probs);
      paintSeen(v.image);
    }
  };

  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const view = snapshot.get()?.view;
  return (
    <div className="mt-panel mt-draw">
      <strong>{t.draw}</strong>
      <p className="mt-hint">{t.drawHint}</p>
      <div className="mt-draw-row">
        <div className="mt-pad-wrap">
          <canvas
            ref={pad}
            width={SIDE}
            height={SIDE}
            className="mt-pad"
            role="img"
            aria-label={t.drawCanvas}
            data-draw-pad=""
            onPointerDown={down}
            onPointerMove={move}
            onPointerUp={up}
            onPointerCancel={up}
          />
          <button type="button" className="btn" onClick={clear} data-action="clear-drawing">{t.clear}</button>
        </div>
        <div className="mt-seen">
          <span className="mt-hint">{t.seen}</span>
          <canvas ref={seen} width={28} height={28} className="mt-pixels mt-seen-canvas" role="img" aria-label={t.seen} />
          {mode === 'test' && view && <span className="mt-hint">{fmt(t.showingTest, { i: view.index, d: view.label })}</span>}
        </div>
        <div className="mt-probs" role="group" aria-label={t.probabilities}>
          <Metric name="prediction" label={t.probabilities} value={best >= 0 ? best : null}>
            {best >= 0 && probs ? fmt(t.guess, { d: best, p: Math.round(probs[best] * 100) }) : t.drawSomething}
          </Metric>
          <ol className="mt-bars" start={0}>
            {Array.from({ length: 10 }, (_, d) => {
              const p = probs ? probs[d] : 0;
              return (
                <li key={d} className={d === best ? 'mt-best' : undefined} data-metric={`prob-${d}`} data-value={probs ? String(p) : ''} aria-label={fmt(t.probability, { d, p: (p * 100).toFixed(1) })}>
                  <span className="mt-bar-digit">{d}</span>
                  <span className="mt-bar"><span style={{ width: `${(p * 100).toFixed(1)}%` }} /></span>
                  <span className="mt-bar-value">{probs ? `${(p * 100).toFixed(0)}%` : ''}</span>
                </li>
              );
            })}
          </ol>
        </div>
      </div>
      <div className="mt-pick">
        <span>{t.pickTest}</span>
        <NumberField label={t.digitIndex} value={pick} integer min={0} max={1999} size={5}
          onChange={(v) => {
            const ok = v !== null && Number.isInteger(v) && v >= 0 && v <= 1999;
            setPickValid(ok);
            if (ok) setPick(v);
          }} />
        <button type="button" className="btn" onClick={showTest} disabled={!pickValid} data-action="show-test-digit">{t.useTestDigit}</button>
      </div>
    </div>
  );
});
