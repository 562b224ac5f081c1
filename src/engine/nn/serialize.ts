// Save a model (and optionally its optimiser's state) to one compact ArrayBuffer, and
// load it back. The header says what the model is (layer specs, input shape, seed), the
// payload holds every weight as Float32. Loading rebuilds the model from its specs and
// checks every array's name and shape, so a file for another architecture is rejected.
import type { LayerSpec } from './specs';
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

export function loadModel(buf: ArrayBuffer | Uint8Array): LoadedModel {
  const file = decodeModelFile(buf);
  const h = file.model as ModelHeader;
  if (!h || (h.kind !== 'sequential' && h.kind !== 'graph')) throw new ModelFileError('model file does not say what kind of model it holds', 'invalid-model');
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
