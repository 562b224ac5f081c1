// Geometry on plain numbers: boxes, IoU, non-max suppression, YOLO targets, embedding distances.
export * from './box';
export * from './iou';
export * from './nms';
export * from './triplet';
export * from './yolo';
export * from './yoloFilter';
export * from './maskIou';
export * from './anchors';
export * from './yoloHead';
export * from './yoloLoss';
export * from './map';
export * from './yoloPipeline';
