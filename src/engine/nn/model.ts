// A model is a small graph of layers: a Sequential is the special case of a chain.
// Each node has a plain-JSON spec (type, sizes, and the ids of its inputs); shapes,
// parameter counts and multiply counts come from specs.ts (which calls ../shape.ts).
// Forward runs on the autograd tape, so backward() gives gradients for the weights and,
// when asked, for the input image.
import type { Tensor } from '../tensor';
import { sizeOf } from '../shape';
import { rng as makeRng, type Rng } from '../random';
import type { LayerSpec, NodeSpec, ParamInfo } from './specs';
import { layerShape } from './specs';
import { initWeights } from './init';
import { Variable, variable } from './variable';
import { applyLayer } from './apply';
import { workspace, type Workspace } from './autograd';

export interface GraphSpec {
  /** Per-example input shape, e.g. [28, 28, 1]. The input node's id is 'input'. */
  inputShape: number[];
  nodes: NodeSpec[];
  /** Id of the output node (default: the last node). */
  output?: string;
}

export interface LayerInfo {
  id: string;
  type: string;
  inputs: string[];
  inShapes: number[][];
  outShape: number[];
  paramCount: number;
  multiplyCount: number;
  params: { info: ParamInfo; v: Variable }[];
}

export interface ModelOptions {
  seed?: number;
}

export interface ForwardOptions {
  /** Dropout active and batch norm on batch statistics. Default false (inference). */
  training?: boolean;
  /**
   * Reuse each layer's output and gradient buffers from the previous call (the training
   * loop). The returned tensors are then overwritten by the next call, so only use this
   * for one forward + backward at a time (not for a siamese pair).
   */
  reuseBuffers?: boolean | 'eval';
  /** Stop at this layer and return its output (e.g. a conv unit to excite by gradient ascent). */
  upTo?: string;
  /** Called with every node's output (for feature-map views). */
  onActivation?: (id: string, value: Tensor) => void;
}

export class Model {
  readonly spec: GraphSpec;
  readonly kind: 'sequential' | 'graph';
  readonly layers: LayerInfo[];
  readonly outputId: string;
  readonly seed: number;
  /** Seeded stream for dropout masks: same seed, same masks, same run. */
  dropoutRng: Rng;
  /** Per-layer buffers for reuseBuffers, plus one for the loss. */
  readonly workspaces: Workspace[];
  private evalWorkspaces: Workspace[] | null = null;
  readonly lossWorkspace: Workspace = workspace();

  constructor(spec: GraphSpec, kind: 'sequential' | 'graph', opts: ModelOptions = {}) {
    this.spec = JSON.parse(JSON.stringify(spec)) as GraphSpec;
    this.kind = kind;
    this.seed = opts.seed ?? 1;
    const r = makeRng(this.seed);
    this.dropoutRng = makeRng((this.seed ^ 0x5bd1e995) >>> 0);
    if (!Array.isArray(spec.inputShape) || spec.inputShape.length === 0 || spec.inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
      throw new RangeError(`input shape must be a list of whole numbers ≥ 1, got ${JSON.stringify(spec.inputShape)}`);
    }
    if (!spec.nodes.length) throw new RangeError('a model needs at least one layer');
    const shapes = new Map<string, number[]>([['input', spec.inputShape.slice()]]);
    this.layers = [];
    for (const node of spec.nodes) {
      if (shapes.has(node.id)) throw new RangeError(`layer id '${node.id}' is used twice`);
      const inShapes = node.inputs.map((id) => {
        const s = shapes.get(id);
        if (!s) throw new RangeError(`layer '${node.id}' reads '${id}', which is not defined before it`);
        return s;
      });
      let info;
      try {
        info = layerShape(node, inShapes);
      } catch (e) {
        throw new RangeError(`layer '${node.id}' (${node.type}): ${(e as Error).message}`);
      }
      const params = info.params.map((p) => {
        const data = new Float32Array(sizeOf(p.shape));
        if (p.init === 'ones') data.fill(1);
        else initWeights(data, p.init, p.fanIn, p.fanOut, r);
        return { info: p, v: variable({ shape: p.shape.slice(), data }, p.trainable, `${node.id}/${p.name}`) };
      });
      shapes.set(node.id, info.outShape);
      this.layers.push({ id: node.id, type: node.type, inputs: node.inputs.slice(), inShapes, outShape: info.outShape, paramCount: info.paramCount, multiplyCount: info.multiplyCount, params });
    }
    this.workspaces = this.layers.map(() => workspace());
    this.outputId = spec.output ?? spec.nodes[spec.nodes.length - 1].id;
    if (!shapes.has(this.outputId)) throw new RangeError(`output '${this.outputId}' is not a layer of the model`);
  }

  get inputShape(): number[] {
    return this.spec.inputShape;
  }

  get outputShape(): number[] {
    return this.layers.find((l) => l.id === this.outputId)!.outShape;
  }

  /** Trainable parameters in a fixed order (the optimiser relies on it). */
  parameters(): Variable[] {
    const out: Variable[] = [];
    for (const l of this.layers) for (const p of l.params) if (p.info.trainable) out.push(p.v);
    return out;
  }

  /** Every stored array (trainable or running statistics), named "<layer id>/<name>". */
  namedArrays(): Variable[] {
    return this.layers.flatMap((l) => l.params.map((p) => p.v));
  }

  get paramCount(): number {
    return this.layers.reduce((s, l) => s + l.paramCount, 0);
  }

  get multiplyCount(): number {
    return this.layers.reduce((s, l) => s + l.multiplyCount, 0);
  }

  /** One row per layer: what a summary table shows. */
  summary(): { id: string; type: string; outShape: number[]; paramCount: number; multiplyCount: number }[] {
    return this.layers.map((l) => ({ id: l.id, type: l.type, outShape: l.outShape.slice(), paramCount: l.paramCount, multiplyCount: l.multiplyCount }));
  }

  /** Forward pass on the tape. x is a batch [N, ...inputShape] (a Tensor or a Variable). */
  forward(x: Tensor | Variable, opts: ForwardOptions = {}): Variable {
    const xv = x instanceof Variable ? x : variable(x, false, 'input');
    const want = this.spec.inputShape;
    const got = xv.value.shape;
    if (got.length !== want.length + 1 || want.some((d, i) => d !== got[i + 1])) {
      throw new RangeError(`model expects a batch [N, ${want.join(', ')}], got [${got.join(', ')}]`);
    }
    const values = new Map<string, Variable>([['input', xv]]);
    const nodes = this.spec.nodes;
    let wss: Workspace[] | null = null;
    if (opts.reuseBuffers === 'eval') wss = this.evalWorkspaces ??= this.layers.map(() => workspace());
    else if (opts.reuseBuffers) wss = this.workspaces;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const layer = this.layers[i];
      const ins = node.inputs.map((id) => values.get(id)!);
      const out = applyLayer(node, ins, layer.params.map((p) => p.v), {
        training: opts.training ?? false,
        rng: this.dropoutRng,
        ws: wss ? wss[i] : undefined,
      });
      values.set(node.id, out);
      opts.onActivation?.(node.id, out.value);
      if (opts.upTo === node.id) return out;
    }
    if (opts.upTo !== undefined && !values.has(opts.upTo)) throw new RangeError(`the model has no layer '${opts.upTo}'`);
    return values.get(this.outputId)!;
  }

  /** Inference: the output tensor (logits for a classifier). */
  predict(x: Tensor): Tensor {
    return this.forward(x).value;
  }

  /** Every layer's output for the batch x, in layer order (feature-map views). */
  activations(x: Tensor): { id: string; type: string; value: Tensor }[] {
    const out: { id: string; type: string; value: Tensor }[] = [];
    this.forward(x, { onActivation: (id, value) => out.push({ id, type: this.layers[out.length].type, value }) });
    return out;
  }

  zeroGrads(): void {
    for (const v of this.namedArrays()) v.zeroGrad();
  }
}

/** A chain of layers from a plain list of specs, e.g. [{type:'conv2d', filters:8, size:5}, …]. */
export function sequential(layers: LayerSpec[], inputShape: number[], opts: ModelOptions = {}): Model {
  const counts = new Map<string, number>();
  let prev = 'input';
  const nodes: NodeSpec[] = layers.map((l) => {
    if (!l || typeof l !== 'object' || typeof (l as { type?: unknown }).type !== 'string') {
      throw new RangeError(`every layer needs a type, got ${JSON.stringify(l)}`);
    }
    const k = (counts.get(l.type) ?? 0) + 1;
    counts.set(l.type, k);
    const node = { ...l, id: `${l.type}_${k}`, inputs: [prev] } as NodeSpec;
    prev = node.id;
    return node;
  });
  return new Model({ inputShape, nodes }, 'sequential', opts);
}

/** A graph model (residual adds, inception concats): nodes name their inputs by id. */
export function graphModel(spec: GraphSpec, opts: ModelOptions = {}): Model {
  return new Model(spec, 'graph', opts);
}

/** The layer specs of a sequential model, as it was built (without ids). */
export function sequentialSpecs(m: Model): LayerSpec[] {
  return m.spec.nodes.map(({ id: _id, inputs: _inputs, ...rest }) => rest as LayerSpec);
}
