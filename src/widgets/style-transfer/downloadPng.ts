// Save G as a PNG file: its RGB bytes on a canvas, encoded by the browser, handed to the user as
// a download (a blob: URL made here and revoked after; nothing leaves the page).
export function rgbToImageData(rgb: Uint8ClampedArray, size: number): ImageData {
  const rgba = new Uint8ClampedArray(4 * size * size);
  for (let i = 0; i < size * size; i++) {
    rgba[4 * i] = rgb[3 * i];
    rgba[4 * i + 1] = rgb[3 * i + 1];
    rgba[4 * i + 2] = rgb[3 * i + 2];
    rgba[4 * i + 3] = 255;
  }
  return new ImageData(rgba, size, size);
}

export function downloadPng(rgb: Uint8ClampedArray, size: number, name: string): void {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  canvas.getContext('2d')!.putImageData(rgbToImageData(rgb, size), 0, 0);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}
