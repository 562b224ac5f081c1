// Optimisers update parameters in place from their accumulated gradients.
//   SGD       w ← w − α·g
//   momentum  v ← β·v + g;            w ← w − α·v            (heavy ball, as Keras/PyTorch)
//   Adam      m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²
//             w ← w − α·m̂/(√v̂ + ε),  m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
// The state (v, m, t) is plain Float32Arrays so it can be saved with the model.

export type OptimiserConfig =
  | { kind: 'sgd'; lr: number }
  | { kind: 'momentum'; lr: number; beta?: number }
  | { kind: 'adam'; lr: number; beta1?: number; beta2?: number; epsilon?: number };

/** A parameter as the optimiser sees it: its values and its gradient, both flat. */
export interface ParamSlot {
  data: Float32Array;
  grad: Float32Array;
}

export interface OptimiserState {
  kind: OptimiserConfig['kind'];
  t: number;
  /** One list per parameter: [] for SGD, [v] for momentum, [m, v] for Adam. */
  slots: Float32Array[][];
}

export interface Optimiser {
  readonly config: OptimiserConfig;
  /** Number of updates applied so far. */
  readonly t: number;
  setLearningRate(lr: number): void;
  /** Apply one update to every parameter (in the same order every call). */
  step(params: readonly ParamSlot[]): void;
  getState(): OptimiserState;
  setState(s: OptimiserState): void;
}

function checkLr(lr: number): void {
  if (!(lr > 0) || !Number.isFinite(lr)) throw new RangeError(`learning rate must be a positive number, got ${lr}`);
}

export function createOptimiser(config: OptimiserConfig): Optimiser {
  checkLr(config.lr);
  const cfg = { ...config } as OptimiserConfig;
  let t = 0;
  let slots: Float32Array[][] = [];
  const perParam = cfg.kind === 'sgd' ? 0 : cfg.kind === 'momentum' ? 1 : 2;

  function ensure(params: readonly ParamSlot[]): void {
    if (slots.length === params.length) return;
    if (slots.length !== 0) throw new RangeError(`optimiser was used with ${slots.length} parameters, now given ${params.length}`);
    slots = params.map((p) => Array.from({ length: perParam }, () => new Float32Array(p.data.length)));
  }

  return {
    get config() {
      return cfg;
    },
    get t() {
      return t;
    },
    setLearningRate(lr: number) {
      checkLr(lr);
      cfg.lr = lr;
    },
    step(params) {
      ensure(params);
      t++;
      const lr = cfg.lr;
      for (let k = 0; k < params.length; k++) {
        const w = params[k].data;
        const g = params[k].grad;
        const n = w.length;
        if (cfg.kind === 'sgd') {
          for (let i = 0; i < n; i++) w[i] -= lr * g[i];
        } else if (cfg.kind === 'momentum') {
          const beta = cfg.beta ?? 0.9;
          const v = slots[k][0];
          for (let i = 0; i < n; i++) {
            const vi = beta * v[i] + g[i];
            v[i] = vi;
            w[i] -= lr * vi;
          }
        } else {
          const b1 = cfg.beta1 ?? 0.9;
          const b2 = cfg.beta2 ?? 0.999;
          const eps = cfg.epsilon ?? 1e-7;
          const m = slots[k][0];
          const v = slots[k][1];
          // Fold the bias corrections into the step size (Kingma & Ba, section 2).
          const a = (lr * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
          const epsHat = eps * Math.sqrt(1 - Math.pow(b2, t));
          for (let i = 0; i < n; i++) {
            const gi = g[i];
            const mi = b1 * m[i] + (1 - b1) * gi;
            const vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= (a * mi) / (Math.sqrt(vi) + epsHat);
          }
        }
      }
    },
    getState() {
      return { kind: cfg.kind, t, slots: slots.map((s) => s.map((a) => a.slice())) };
    },
    setState(s) {
      if (s.kind !== cfg.kind) throw new RangeError(`optimiser state is for '${s.kind}', this optimiser is '${cfg.kind}'`);
      t = s.t;
      slots = s.slots.map((list) => list.map((a) => a.slice()));
    },
  };
}

export const sgd = (lr: number): Optimiser => createOptimiser({ kind: 'sgd', lr });
export const momentum = (lr: number, beta = 0.9): Optimiser => createOptimiser({ kind: 'momentum', lr, beta });
export const adam = (lr = 1e-3, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7): Optimiser =>
  createOptimiser({ kind: 'adam', lr, beta1, beta2, epsilon });
