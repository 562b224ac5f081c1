// A colour picture on a canvas (one canvas pixel per image pixel, scaled up crisply).
// The pixel loop runs in an effect island; the canvas carries the text alternative.
import { useEffect, useRef } from 'react';
import { rgbToRgba } from './view';

interface Props {
  width: number;
  height: number;
  rgb: Float32Array;
  label: string;
  widthEm: number;
}

export function RgbCanvas({ width, height, rgb, label, widthEm }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    rgbToRgba(rgb, img.data);
    ctx.putImageData(img, 0, 0);
  }, [width, height, rgb]);
  return (
    <canvas ref={ref} className="aug-canvas" width={width} height={height} role="img" aria-label={label}
      style={{ width: `${widthEm}em`, height: `${(widthEm * height) / width}em` }} />
  );
}
