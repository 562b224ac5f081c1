// An RGB picture (bytes, size×size×3) on a canvas, scaled up smoothly; role="img" with the
// caller's description, since a canvas alone says nothing to a screen reader.
import { useEffect, useRef } from 'react';

export function RgbCanvas({ rgb, size, label, em = 12, name }: { rgb: Uint8ClampedArray | null; size: number; label: string; em?: number; name?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      img.data[4 * i] = rgb ? rgb[3 * i] : 128;
      img.data[4 * i + 1] = rgb ? rgb[3 * i + 1] : 128;
      img.data[4 * i + 2] = rgb ? rgb[3 * i + 2] : 128;
      img.data[4 * i + 3] = rgb ? 255 : 40;
    }
    ctx.putImageData(img, 0, 0);
  }, [rgb, size]);
  return <canvas ref={ref} className="st-canvas" width={size} height={size} role="img" aria-label={label} data-picture={name} style={{ width: `${em}em`, height: `${em}em` }} />;
}
