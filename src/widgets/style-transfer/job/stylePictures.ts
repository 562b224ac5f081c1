// style-pictures: the built-in content and style pictures for neural style transfer, drawn by
// src/data/stylePictures.ts in the worker (widgets do not import the data layer).
import { CONTENT_NAMES, STYLE_NAMES, drawContent, drawStyle, type ContentName, type StyleName } from '../../../data/stylePictures';
import type { RgbImage } from '../../../data/colorPicture';
import { defineRequest } from '../../../worker/job';

export interface StylePicturesArgs {
  size: number;
}

export interface StylePicturesResult {
  contents: Record<ContentName, RgbImage>;
  styles: Record<StyleName, RgbImage>;
}

export const stylePictures = defineRequest<StylePicturesArgs, StylePicturesResult>(({ size }) => {
  if (!Number.isInteger(size) || size < 8 || size > 256) throw new RangeError(`style-pictures: size must be a whole number in 8…256, got ${size}`);
  const contents = Object.fromEntries(CONTENT_NAMES.map((n) => [n, drawContent(n, size)])) as Record<ContentName, RgbImage>;
  const styles = Object.fromEntries(STYLE_NAMES.map((n) => [n, drawStyle(n, size)])) as Record<StyleName, RgbImage>;
  return { contents, styles };
});
