// The scene (a canvas of blobs: the picture, or its segmentation in distinct colours) with an
// SVG overlay: a sample of the proposals as thin outlines and the detections after NMS as
// thick boxes in their class colour with a label.
import { useEffect, useRef } from 'react';
import type { Box } from '../../geometry/box';
import type { ProposalScene } from '../../data/proposals';
import type { Detection } from './job/pipelines';
import { blobColour } from './view';

interface Props {
  scene: ProposalScene;
  segmentation: boolean;
  proposals: readonly Box[];
  detections: readonly Detection[];
  className(id: number): string;
  label: string;
}

export function SceneView({ scene, segmentation, proposals, detections, className, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { cols, rows, labels } = scene.grid;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const cache = new Map<number, string>();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const b = labels[r * cols + c];
        let css = cache.get(b);
        if (!css) {
          const bl = scene.blobs[b];
          css = blobColour(b, bl.object < 0 ? -1 : scene.objects[bl.object].classId, b % 2, (bl.box.y1 + bl.box.y2) / 2 / scene.height, segmentation);
          cache.set(b, css);
        }
        ctx.fillStyle = css;
        ctx.fillRect(c, r, 1, 1);
      }
    }
  }, [scene, segmentation, cols, rows, labels]);

  const W = scene.width, H = scene.height;
  return (
    <div className="rp-scene" role="img" aria-label={label}>
      <canvas ref={canvas} width={cols} height={rows} className="rp-canvas" aria-hidden="true" />
      <svg viewBox={`0 0 ${W} ${H}`} className="rp-overlay" aria-hidden="true" preserveAspectRatio="none">
        {proposals.map((b, i) => (
          <rect key={i} x={b.x1} y={b.y1} width={Math.max(0, b.x2 - b.x1)} height={Math.max(0, b.y2 - b.y1)} className="rp-proposal" />
        ))}
        {detections.map((d, i) => (
          <g key={`d${i}`} className={`rp-det rp-class-${d.classId}`} data-detection={i}>
            <rect x={d.box.x1} y={d.box.y1} width={d.box.x2 - d.box.x1} height={d.box.y2 - d.box.y1} className="rp-det-box" />
            <text x={d.box.x1 + 0.8} y={Math.max(3.2, d.box.y1 - 0.8)} className="rp-det-text">{className(d.classId)} {d.score.toFixed(2)}</text>
          </g>
        ))}
      </svg>
    </div>
  );
}
