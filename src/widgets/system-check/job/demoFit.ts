// demo-fit: fit a small polynomial y ≈ Σ_k c_k x^k to noisy points by plain gradient descent.
// It exercises everything a training job needs (progress, snapshots, pause/step/cancel,
// changing the learning rate mid-run, divergence → error) without depending on the engine.
//
//   loss  J(c) = (1/m) Σ_i (ŷ_i − y_i)²,   ŷ_i = Σ_k c_k x_i^k
//   grad  ∂J/∂c_k = (2/m) Σ_i (ŷ_i − y_i) x_i^k,   update c ← c − α ∇J
//
// Gradient descent converges only for α < 2/λ_max, λ_max the largest eigenvalue of the
// Hessian (2/m)·XᵀX. For the default cubic on 48 points in [−1, 1] that bound is ≈ 0.89, so
// a larger α makes the loss blow up to ∞, which the job reports as an error (the page keeps
// the last good curve).
import { assertFiniteLoss, defineLongJob } from '../../../worker/job';
import { checkLearningRate } from '../../../worker/checks';
import { mulberry32 } from '../../../engine/random';

export interface DemoFitArgs {
  degree?: number; // 1…6, default 3
  points?: number; // 4…1000, default 48
  seed?: number; // default 1
  noise?: number; // std of the noise added to the targets, default 0.08
  learningRate?: number; // default 0.2
  maxSteps?: number; // stop (done) after this many steps; default: never
}

export interface DemoFitSettings {
  learningRate: number;
}

export interface DemoFitProgress {
  step: number;
  loss: number;
  learningRate: number;
}

export interface DemoFitSnapshot {
  coeffs: Float32Array;
  xs: Float32Array;
  ys: Float32Array;
}

interface DemoFitState {
  xs: Float64Array;
  ys: Float64Array;
  coeffs: Float64Array;
  grad: Float64Array;
  learningRate: number;
  step: number;
  loss: number;
  maxSteps: number;
}

/** The curve the points come from: 0.3 − 0.8x + 0.5x² + 1.2x³ (higher terms 0). */
const TRUE_COEFFS = [0.3, -0.8, 0.5, 1.2];

function intIn(v: number | undefined, lo: number, hi: number, dflt: number, name: string): number {
  const x = v ?? dflt;
  if (!Number.isInteger(x) || x < lo || x > hi) {
    throw new RangeError(`demo-fit: ${name} must be a whole number in ${lo}…${hi}, got ${x}`);
  }
  return x;
}

export const demoFit = defineLongJob<DemoFitArgs, DemoFitState, DemoFitProgress, DemoFitSnapshot, DemoFitSettings>({
  init(args) {
    const degree = intIn(args.degree, 1, 6, 3, 'degree');
    const m = intIn(args.points, 4, 1000, 48, 'points');
    const noise = args.noise ?? 0.08;
    const rand = mulberry32(args.seed ?? 1); // same seed, same points
    const xs = new Float64Array(m);
    const ys = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const x = -1 + (2 * i) / (m - 1);
      let y = 0;
      for (let k = TRUE_COEFFS.length - 1; k >= 0; k--) y = y * x + TRUE_COEFFS[k];
      // Box–Muller for Gaussian noise.
      const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      xs[i] = x;
      ys[i] = y + noise * g;
    }
    return {
      xs,
      ys,
      coeffs: new Float64Array(degree + 1),
      grad: new Float64Array(degree + 1),
      learningRate: checkLearningRate(args.learningRate ?? 0.2),
      step: 0,
      loss: NaN,
      maxSteps: args.maxSteps ?? Infinity,
    };
  },

  step(s) {
    const { xs, ys, coeffs, grad } = s;
    const m = xs.length;
    const d = coeffs.length;
    grad.fill(0);
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const x = xs[i];
      let yhat = 0;
      for (let k = d - 1; k >= 0; k--) yhat = yhat * x + coeffs[k];
      const r = yhat - ys[i];
      sum += r * r;
      let xk = 1;
      for (let k = 0; k < d; k++) {
        grad[k] += r * xk;
        xk *= x;
      }
    }
    // The loss at the coefficients this step started from.
    const loss = sum / m;
    assertFiniteLoss(loss, s.step);
    for (let k = 0; k < d; k++) coeffs[k] -= s.learningRate * (2 / m) * grad[k];
    s.loss = loss;
    s.step++;
    return s.step >= s.maxSteps;
  },

  progress: (s) => ({ step: s.step, loss: s.loss, learningRate: s.learningRate }),

  snapshot: (s) => ({
    coeffs: Float32Array.from(s.coeffs),
    xs: Float32Array.from(s.xs),
    ys: Float32Array.from(s.ys),
  }),

  update(s, patch) {
    if (patch.learningRate !== undefined) s.learningRate = checkLearningRate(patch.learningRate);
  },
});
