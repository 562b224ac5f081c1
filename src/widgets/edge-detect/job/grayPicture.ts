// gray-picture: an uploaded picture's RGBA pixels (already downscaled by the page's canvas)
// → grayscale in [0, 1] (Rec. 601 luma; transparent counts as white paper).
import { rgbaToGray, type Picture } from '../../../data/pictures';
import { defineRequest } from '../../../worker/job';

export interface GrayPictureArgs {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

export const grayPicture = defineRequest<GrayPictureArgs, Picture>((args) => rgbaToGray(args.rgba, args.width, args.height));
