// A detection scene (src/data/detectionScenes) drawn pixel for pixel, with boxes over it in an
// SVG in the scene's own pixel units: true boxes dashed, predicted boxes solid with a label.
import type { Box } from '../../../geometry/box';
import type { RgbImage } from '../../../data/colorPicture';
import { RgbCanvas } from '../RgbCanvas';
import './scene-boxes.css';

export interface DrawnBox {
  box: Box;
  /** 'truth' dashed, 'pred' solid, 'faint' thin (proposals, windows). */
  kind: 'truth' | 'pred' | 'faint';
  /** Colour slot: the class (0–2), or -1 for neutral. */
  classId: number;
  label?: string;
}

export interface SceneBoxesProps {
  image: RgbImage;
  boxes: readonly DrawnBox[];
  label: string;
  em?: number;
  name?: string;
}

export function SceneBoxes({ image, boxes, label, em = 10, name }: SceneBoxesProps) {
  const { width: w, height: h } = image;
  // labels keep the same size on screen whatever the picture's resolution
  const font = w / 14;
  return (
    <div className="scene-boxes" style={{ width: `${em}em` }} data-scene={name}>
      <RgbCanvas rgb={image.data} width={w} height={h} label={label} em={em} pixelated />
      <svg viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
        {boxes.map((b, i) => (
          <g key={i} className={`sb-${b.kind} sb-class-${b.classId}`}>
            <rect x={b.box.x1} y={b.box.y1} width={Math.max(0, b.box.x2 - b.box.x1)} height={Math.max(0, b.box.y2 - b.box.y1)} />
            {b.label && <text x={b.box.x1 + 0.5} y={b.box.y1 > font + 1 ? b.box.y1 - font / 4 : b.box.y2 + font} fontSize={font} strokeWidth={font / 4}>{b.label}</text>}
          </g>
        ))}
      </svg>
    </div>
  );
}
