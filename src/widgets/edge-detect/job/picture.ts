// picture: the app's built-in grayscale pictures (shapes, text, gradient, checkerboard), drawn
// by src/data/pictures.ts in the worker (widgets do not import the data layer).
import { drawPicture, PICTURE_NAMES, type Picture, type PictureName } from '../../../data/pictures';
import { defineRequest } from '../../../worker/job';

export interface PictureArgs {
  names: PictureName[];
  /** Side in pixels, 3…512. Default 64. */
  size?: number;
}

export const picture = defineRequest<PictureArgs, { pictures: Picture[] }>((args) => {
  const size = args.size ?? 64;
  if (!Number.isInteger(size) || size < 3 || size > 512) throw new RangeError(`picture: size must be a whole number in 3…512, got ${size}`);
  for (const n of args.names) {
    if (!(PICTURE_NAMES as readonly string[]).includes(n)) throw new RangeError(`picture: unknown picture "${n}" (known: ${PICTURE_NAMES.join(', ')})`);
  }
  return { pictures: args.names.map((n) => drawPicture(n, size)) };
});
