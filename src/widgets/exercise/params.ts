// exercise: a self-check question with freshly drawn numbers, checked in the page.
import { defineParams } from '../types';
import { int, oneOf, schema } from '../params';
import { CONSTRAINTS_OF, EXERCISE_KINDS, type ExerciseKind } from './view/types';

/** kind, plus the constraints that kind understands, e.g. { "kind": "output-size", "p": 0, "s": 1 }. */
export interface ExerciseParams extends Record<string, unknown> {
  kind: ExerciseKind;
  p?: number;
  s?: number;
  anchors?: number;
}

export const exerciseDefaults: ExerciseParams = { kind: 'output-size' };

const fields = schema<ExerciseParams>(
  { kind: oneOf(EXERCISE_KINDS), p: int(0, 3), s: int(1, 3), anchors: int(1, 5) },
  exerciseDefaults,
);

export const paramSpec = defineParams<ExerciseParams>({
  defaults: exerciseDefaults,
  validate: (raw) => {
    const v = fields(raw);
    if (!v.ok) return v;
    const allowed = CONSTRAINTS_OF[v.params.kind] ?? [];
    const stray = (['p', 's', 'anchors'] as const).filter((k) => v.params[k] !== undefined && !allowed.includes(k));
    return stray.length
      ? { ok: false, errors: stray.map((k) => `"${k}" does not apply to kind "${v.params.kind}" (it takes: ${allowed.join(', ') || 'no constraints'})`) }
      : v;
  },
});
