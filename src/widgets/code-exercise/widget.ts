// code-exercise: the student writes one of the course's functions (zero padding, a conv step,
// conv forward/backward, pooling, IoU, NMS, YOLO filtering, triplet loss, content/style costs)
// in the page; a sandbox worker runs it on the worked example and seeded random cases and the
// page compares with the engine's answers. The editor (CodeMirror) loads only with this widget.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { codeExerciseDefaults, validateCodeExercise, type CodeExerciseParams } from './params';

export const codeExercise = defineWidget<CodeExerciseParams>({
  component: lazy(() => import('./CodeExercise')),
  defaults: codeExerciseDefaults,
  validate: validateCodeExercise,
});
