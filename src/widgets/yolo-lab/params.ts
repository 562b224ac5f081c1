// yolo-lab: a YOLOv2-style detector trained live on the generated scenes (lesson 32).
// The facts the page and the worker share live here: the grid, the anchor choices, the
// held-out set's size.
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

/** 64×64 pictures, three 2×2 pools: an 8×8 grid of 8-pixel cells. */
export const GRID = 8;
export const SIZE = 64;
/** Held-out scenes scored for mAP (the scene picker shows the same ones). */
export const TEST_COUNT = 96;
export const ANCHOR_CHOICES = ['1', '2', '3', '4', '5'] as const;
/** The score threshold's slider range, and NMS's IoU threshold. */
export const NMS_IOU = 0.5;

export interface YoloLabParams extends Record<string, unknown> {
  /** B, the number of anchor boxes per cell (k of the k-means). */
  anchors: (typeof ANCHOR_CHOICES)[number];
}

export const yoloLabDefaults: YoloLabParams = { anchors: '3' };

export const paramSpec = defineParams<YoloLabParams>({
  defaults: yoloLabDefaults,
  validate: schema<YoloLabParams>({ anchors: oneOf(ANCHOR_CHOICES) }, yoloLabDefaults),
});
