// Canvas drawing for the demo job: the noisy points with the fitted curve (called from job
// subscriptions, not React renders), and the loss history the shared line chart draws.

export interface LossHistory {
  steps: number[];
  losses: number[];
}

/** Keep at most `max` points: when full, drop every other one (the curve's shape survives). */
export function pushHistory(h: LossHistory, step: number, loss: number, max = 1000): void {
  if (!Number.isFinite(loss) || loss <= 0) return;
  if (h.steps.length && step <= h.steps[h.steps.length - 1]) return;
  h.steps.push(step);
  h.losses.push(loss);
  if (h.steps.length > max) {
    h.steps = h.steps.filter((_, i) => i % 2 === 0 || i === h.steps.length - 1);
    h.losses = h.losses.filter((_, i, a) => i % 2 === 0 || i === a.length - 1);
  }
}

function prepare(canvas: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; w: number; h: number; css: CSSStyleDeclaration } | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 320;
  const h = canvas.clientHeight || 180;
  if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
  if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { ctx, w, h, css: getComputedStyle(canvas) };
}

const color = (css: CSSStyleDeclaration, name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;

const PAD = 8;

/** Points (xs, ys) and the polynomial Σ c_k x^k over x ∈ [−1, 1]. */
export function drawFit(canvas: HTMLCanvasElement, coeffs: Float32Array | null, xs: Float32Array, ys: Float32Array): void {
  const p = prepare(canvas);
  if (!p) return;
  const { ctx, w, h, css } = p;
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of ys) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  const span = hi - lo || 1;
  lo -= span * 0.15;
  hi += span * 0.15;
  const X = (x: number) => PAD + ((x + 1) / 2) * (w - 2 * PAD);
  const Y = (y: number) => h - PAD - ((y - lo) / (hi - lo)) * (h - 2 * PAD);
  ctx.fillStyle = color(css, '--muted', '#5b6270');
  for (let i = 0; i < xs.length; i++) {
    ctx.beginPath();
    ctx.arc(X(xs[i]), Y(ys[i]), 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  if (!coeffs) return;
  ctx.strokeStyle = color(css, '--accent', '#7c3aed');
  ctx.lineWidth = 2;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, w, h);
  ctx.clip();
  ctx.beginPath();
  for (let i = 0; i <= 100; i++) {
    const x = -1 + i / 50;
    let y = 0;
    for (let k = coeffs.length - 1; k >= 0; k--) y = y * x + coeffs[k];
    const py = Math.max(-h, Math.min(2 * h, Y(y)));
    if (i === 0) ctx.moveTo(X(x), py);
    else ctx.lineTo(X(x), py);
  }
  ctx.stroke();
  ctx.restore();
}
