// Save a model (and optionally its optimiser's state) to one compact ArrayBuffer, and
// load it back. The header says what the model is (layer specs, input shape, seed), the
// payload holds every weight as Float32. Loading rebuilds the model from its specs and
// checks every array's name and shape, so a file for another architecture is rejected.
import { layerShape, type LayerSpec, type MergeSpec } from './specs';
import { Model, graphModel, sequential, sequentialSpecs, type GraphSpec } from './model';
import { createOptimiser, type Optimiser, type OptimiserConfig } from './optimisers';
import { decodeModelFile, encodeModelFile, ModelFileError, type NamedArray } from './fileFormat';

interface ModelHeader {
  kind: 'sequential' | 'graph';
  inputShape: number[];
  layers?: LayerSpec[];
  graph?: GraphSpec;
  seed: number;
}

interface Extra {
  optimiser?: { config: OptimiserConfig; t: number; slotsPerParam: number };
  meta?: unknown;
}

export interface SaveOptions {
  optimiser?: Optimiser;
  /** Anything JSON the app wants back (epoch, step, data seed…). */
  meta?: unknown;
}

export function saveModel(model: Model, opts: SaveOptions = {}): ArrayBuffer {
  const header: ModelHeader =
    model.kind === 'sequential'
      ? { kind: 'sequential', inputShape: model.inputShape.slice(), layers: sequentialSpecs(model), seed: model.seed }
      : { kind: 'graph', inputShape: model.inputShape.slice(), graph: model.spec, seed: model.seed };
  const arrays: NamedArray[] = model.namedArrays().map((v) => ({ name: v.name, shape: v.value.shape.slice(), data: v.value.data }));
  const extra: Extra = { meta: opts.meta };
  if (opts.optimiser) {
    const st = opts.optimiser.getState();
    const per = st.slots[0]?.length ?? 0;
    extra.optimiser = { config: { ...opts.optimiser.config }, t: st.t, slotsPerParam: per };
    st.slots.forEach((list, k) => list.forEach((a, j) => arrays.push({ name: `optimiser/${k}/${j}`, shape: [a.length], data: a })));
  }
  return encodeModelFile({ model: header, arrays, extra });
}

export interface LoadedModel {
  model: Model;
  /** Rebuilt with its saved state when the file carried one. */
  optimiser: Optimiser | null;
  meta: unknown;
}

/**
 * Limits on what a model file may ask this app to build. Far above every network the course
 * uses (the largest, the ResNet-50 stem, has about 0.1 M weights), far below what would
 * stall a browser tab.
 */
export const MODEL_LIMITS = { weights: 20_000_000, activation: 16_000_000, inputSide: 4096 } as const;

/** 2000000 → "2,000,000" (without Intl, whose first use costs more than the whole check). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Walk the declared layers through shape inference alone — no weight is allocated — and
 * check the sizes against the limits and against the weights the file actually carries.
 * A file that declares a 2,000,000-filter convolution is refused here, in microseconds,
 * instead of after seconds of allocating and initialising weights it can never fill.
 */
export function checkDeclaredSizes(h: ModelHeader, weightsInFile: number): void {
  const input = h.kind === 'graph' ? h.graph?.inputShape : h.inputShape;
  if (!Array.isArray(input) || input.some((d) => !Number.isInteger(d) || d < 1 || d > MODEL_LIMITS.inputSide)) {
    throw new ModelFileError(`model file declares input shape ${JSON.stringify(input)}; each side must be a whole number from 1 to ${MODEL_LIMITS.inputSide}`, 'too-big', { what: 'input', limit: MODEL_LIMITS.inputSide });
  }
  const nodes: ((LayerSpec | MergeSpec) & { id?: string; inputs?: string[] })[] = h.kind === 'graph' ? (h.graph?.nodes ?? []) : (h.layers ?? []);
  if (!Array.isArray(nodes)) throw new ModelFileError('model file lists no layers', 'invalid-model');
  const shapes = new Map<string, readonly number[]>([['input', input]]);
  let prev = 'input';
  let weights = 0;
  let largest = input.reduce((a, b) => a * b, 1);
  nodes.forEach((node, i) => {
    const id = h.kind === 'graph' ? String(node?.id) : `#${i}`;
    const from = h.kind === 'graph' ? (Array.isArray(node?.inputs) ? node.inputs : []) : [prev];
    const inShapes = from.map((k) => shapes.get(k)).filter((x): x is readonly number[] => x !== undefined);
    let info;
    try {
      info = layerShape(node, inShapes);
    } catch (e) {
      throw new ModelFileError(`model file describes an invalid model: layer ${i + 1}: ${(e as Error).message}`, 'invalid-model');
    }
    weights += info.paramCount;
    largest = Math.max(largest, info.outShape.reduce((a, b) => a * b, 1));
    if (weights > MODEL_LIMITS.weights) {
      throw new ModelFileError(`model file declares more than ${grouped(MODEL_LIMITS.weights)} weights (layer ${i + 1} reaches ${grouped(weights)})`, 'too-big', { what: 'weights', limit: MODEL_LIMITS.weights });
    }
    if (largest > MODEL_LIMITS.activation) {
      throw new ModelFileError(`model file declares a layer output of ${grouped(largest)} values per example (limit ${grouped(MODEL_LIMITS.activation)})`, 'too-big', { what: 'activation', limit: MODEL_LIMITS.activation });
    }
    shapes.set(id, info.outShape);
    prev = id;
  });
  if (weights > weightsInFile) {
    throw new ModelFileError(`model file declares ${grouped(weights)} weights but carries only ${grouped(weightsInFile)}`, 'invalid-model');
  }
}

export function loadModel(buf: ArrayBuffer | Uint8Array): LoadedModel {
  const file = decodeModelFile(buf);
  const h = file.model as ModelHeader;
  if (!h || (h.kind !== 'sequential' && h.kind !== 'graph')) throw new ModelFileError('model file does not say what kind of model it holds', 'invalid-model');
  checkDeclaredSizes(h, file.arrays.reduce((n, a) => n + a.data.length, 0));
  let model: Model;
  try {
    model = h.kind === 'sequential' ? sequential(h.layers ?? [], h.inputShape, { seed: h.seed }) : graphModel(h.graph as GraphSpec, { seed: h.seed });
  } catch (e) {
    throw new ModelFileError(`model file describes an invalid model: ${(e as Error).message}`, 'invalid-model');
  }
  const byName = new Map(file.arrays.map((a) => [a.name, a]));
  for (const v of model.namedArrays()) {
    const a = byName.get(v.name);
    if (!a) throw new ModelFileError(`model file has no weights for '${v.name}'`, 'invalid-model');
    if (a.shape.join('x') !== v.value.shape.join('x')) {
      throw new ModelFileError(`weights '${v.name}' have shape [${a.shape.join(', ')}], the model needs [${v.value.shape.join(', ')}]`, 'invalid-model');
    }
    v.value.data.set(a.data);
  }
  const extra = (file.extra ?? {}) as Extra;
  let optimiser: Optimiser | null = null;
  if (extra.optimiser) {
    try {
      optimiser = createOptimiser(extra.optimiser.config);
    } catch (e) {
      throw new ModelFileError(`model file has an invalid optimiser: ${(e as Error).message}`, 'invalid-model');
    }
    const params = model.parameters();
    const per = extra.optimiser.slotsPerParam;
    if (per > 0 || extra.optimiser.t > 0) {
      const slots = params.map((p, k) =>
        Array.from({ length: per }, (_, j) => {
          const a = byName.get(`optimiser/${k}/${j}`);
          if (!a || a.data.length !== p.value.data.length) throw new ModelFileError(`optimiser state for parameter ${k} is missing or the wrong size`, 'invalid-model');
          return a.data;
        }),
      );
      optimiser.setState({ kind: extra.optimiser.config.kind, t: extra.optimiser.t, slots: per > 0 ? slots : [] });
    }
  }
  return { model, optimiser, meta: extra.meta };
}
