// Class names of the detection scenes (src/data/detectionScenes: car, pedestrian, motorcycle, in that order).
import { defineStrings } from '../../../ui/i18n';

export const detectionClassStrings = defineStrings(
  { 'class.0': 'car', 'class.1': 'pedestrian', 'class.2': 'motorcycle', background: 'background' },
  { 'class.0': '汽车', 'class.1': '行人', 'class.2': '摩托车', background: '背景' },
);

export const detectionClassName = (t: { 'class.0': string; 'class.1': string; 'class.2': string; background: string }, k: number): string =>
  k === 0 ? t['class.0'] : k === 1 ? t['class.1'] : k === 2 ? t['class.2'] : t.background;
