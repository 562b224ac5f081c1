// Canvas scatter of the test digits' 2-D embeddings (on the unit circle), coloured by class, with
// each class's digit written at its mean direction (a cue that does not rely on colour).
// Redrawn from the Live snapshot box, never through React state.
import { useThemePalette } from '../../ui';
import type { Live } from '../../ui/live';
import { useLiveCanvas } from './useLiveCanvas';
import type { TripletEmbeddingSnapshot } from '../shared/job/embedding/tripletEmbedding';
import { CLASS_COLORS, classCentres, scatterPositions } from '../../viz/tripletView';

interface Props {
  snapshot: Live<TripletEmbeddingSnapshot | null>;
  label: string;
  empty: string;
}

const SIZE = 440; // canvas pixels (CSS scales it)
/**
 * The largest digit label: labels sit at 1.24·R, ≈ 35 canvas px from both the circle and the
 * edge, and a glyph is ≈ 0.7 of its font size tall, so 48 px keeps clear of both.
 */
const LABEL_MAX = 48;

export function EmbeddingScatter({ snapshot, label, empty }: Props) {
  const palette = useThemePalette();
  const canvas = useLiveCanvas(snapshot, SIZE, SIZE, (ctx, s, em) => {
    const c = SIZE / 2, R = SIZE * 0.34;
    ctx.strokeStyle = palette.fg;
    ctx.globalAlpha = 0.25;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(c, c, R, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.globalAlpha = 1;
    if (!s || !s.embeddings || s.dim !== 2) {
      ctx.fillStyle = palette.fg;
      ctx.font = `${em}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.fillText(empty, c, c, SIZE * 0.92);
      return;
    }
    const n = s.labels.length;
    const pos = scatterPositions(s.embeddings, n);
    for (let i = 0; i < n; i++) {
      ctx.fillStyle = CLASS_COLORS[s.labels[i]];
      ctx.beginPath();
      ctx.arc(c + pos[2 * i] * R, c - pos[2 * i + 1] * R, 3.2, 0, 2 * Math.PI);
      ctx.fill();
    }
    const centres = classCentres(s.embeddings, s.labels);
    // The page's font size (so presenter mode enlarges it), capped so a digit still fits in
    // the ring between the circle (R) and the canvas edge.
    const labelPx = Math.min(1.25 * em, LABEL_MAX);
    ctx.font = `bold ${labelPx}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    centres.forEach((p, k) => {
      if (!p) return;
      const x = c + p.x * R * 1.24, y = c - p.y * R * 1.24;
      ctx.lineWidth = labelPx / 5;
      ctx.strokeStyle = palette.bg;
      ctx.strokeText(String(k), x, y);
      ctx.fillStyle = CLASS_COLORS[k];
      ctx.fillText(String(k), x, y);
    });
  }, [palette, empty]);
  return <canvas ref={canvas} className="tt-scatter" role="img" aria-label={label} />;
}

export function ClassLegend({ label }: { label: string }) {
  return (
    <ul className="tt-legend" aria-label={label}>
      {CLASS_COLORS.map((col, k) => (
        <li key={k}><i style={{ background: col }} aria-hidden="true" />{k}</li>
      ))}
    </ul>
  );
}
