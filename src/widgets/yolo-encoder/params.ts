// yolo-encoder: place objects on an image, watch YOLO's target volume fill (course §29–30).
import { defineParams } from '../types';
import { int, schema } from '../params';

export type YoloEncoderParams = { grid: number; anchors: number; classes: number };

export const yoloEncoderDefaults: YoloEncoderParams = { grid: 3, anchors: 2, classes: 3 };

export const paramSpec = defineParams<YoloEncoderParams>({
  defaults: yoloEncoderDefaults,
  validate: schema<YoloEncoderParams>({ grid: int(3, 19), anchors: int(1, 5), classes: int(1, 80) }, yoloEncoderDefaults),
});
