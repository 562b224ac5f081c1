// Loss per step and the share of easy (zero-loss) triplets per batch, on one small canvas:
// loss on the left axis (0 to its max), easy fraction on the right (0–100 %).
import { useThemePalette } from '../../ui';
import type { Live } from '../../ui/live';
import { useLiveCanvas } from './useLiveCanvas';
import type { TripletEmbeddingSnapshot } from '../shared/job/embedding/tripletEmbedding';

const W = 440, H = 150, PAD = 30;

export function LossCurve({ snapshot, label, lossLabel, testLabel, easyLabel }: { snapshot: Live<TripletEmbeddingSnapshot | null>; label: string; lossLabel: string; testLabel: string; easyLabel: string }) {
  const palette = useThemePalette();
  const canvas = useLiveCanvas(snapshot, W, H, (ctx, s) => {
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = palette.fg;
    ctx.fillText(lossLabel, PAD, 12);
    ctx.fillStyle = palette.pos;
    ctx.fillText(testLabel, PAD + ctx.measureText(lossLabel).width + 12, 12);
    ctx.fillStyle = palette.neg;
    ctx.textAlign = 'right';
    ctx.fillText(easyLabel, W - 4, 12);
    ctx.textAlign = 'left';
    ctx.strokeStyle = palette.fg;
    ctx.globalAlpha = 0.3;
    ctx.strokeRect(PAD, 18, W - 2 * PAD, H - 18 - 16);
    ctx.globalAlpha = 1;
    if (!s || s.curve.step.length < 2) return;
    const { step, loss, easy } = s.curve;
    const n = step.length;
    const x0 = step[0], x1 = step[n - 1] || 1;
    let lmax = 0;
    const tc = s.testCurve;
    for (let i = 0; i < n; i++) lmax = Math.max(lmax, loss[i]);
    for (let i = 0; i < tc.loss.length; i++) lmax = Math.max(lmax, tc.loss[i]);
    lmax = lmax || 1;
    const X = (v: number) => PAD + ((v - x0) / Math.max(1, x1 - x0)) * (W - 2 * PAD);
    const Y = (f: number) => H - 16 - f * (H - 18 - 16);
    const line = (vals: Float32Array, scale: number, color: string, dash: number[]) => {
      ctx.strokeStyle = color;
      ctx.setLineDash(dash);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (let i = 0; i < n; i++) (i ? ctx.lineTo : ctx.moveTo).call(ctx, X(step[i]), Y(vals[i] / scale));
      ctx.stroke();
      ctx.setLineDash([]);
    };
    ctx.globalAlpha = 0.55;
    line(loss, lmax, palette.fg, []);
    ctx.globalAlpha = 1;
    line(easy, 1, palette.neg, [5, 3]);
    // the test-triplet loss: one point per pass over the test digits
    ctx.strokeStyle = palette.pos;
    ctx.fillStyle = palette.pos;
    ctx.lineWidth = 3;
    ctx.beginPath();
    const pts = tc.step.length;
    for (let i = 0; i < pts; i++) (i ? ctx.lineTo : ctx.moveTo).call(ctx, X(Math.max(x0, tc.step[i])), Y(tc.loss[i] / lmax));
    ctx.stroke();
    for (let i = 0; i < pts; i++) {
      ctx.beginPath();
      ctx.arc(X(Math.max(x0, tc.step[i])), Y(tc.loss[i] / lmax), 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = palette.fg;
    ctx.fillText(lmax.toFixed(2), 2, Y(1) + 10);
    ctx.fillText('0', 2, Y(0));
    ctx.fillText(String(x0), PAD, H - 2);
    ctx.textAlign = 'right';
    ctx.fillText(String(x1), W - PAD, H - 2);
    ctx.fillText('100%', W - 2, Y(1) + 10);
    ctx.textAlign = 'left';
  }, [palette, lossLabel, easyLabel]);
  return <canvas ref={canvas} className="tt-curve" role="img" aria-label={label} />;
}
