// The face picture (SVG, drawn by the app) with its landmarks as draggable handles. The
// face itself is a fixed drawing — deliberately not symmetric (a parting in the hair, a mole
// on one cheek) so a mirrored picture is visibly mirrored. Pointer events drag a landmark;
// arrow keys on a focused landmark move it (maths in viz/landmarks, tested in Node).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { keyMovePoint, type Point } from './view';

const S = 400; // SVG units per picture side

interface Props {
  points: readonly Point[];
  /** label number (1-based) each point carries */
  labels: readonly number[];
  /** highlighted points (carry a label other than in the consistent order) */
  odd: readonly boolean[];
  mirrored: boolean;
  /** false: a picture without a face (a tree), and no landmarks to place */
  face: boolean;
  locked: boolean;
  pictureLabel: string;
  pointLabel(i: number): string;
  onMove(i: number, p: Point): void;
}

export function FaceView({ points, labels, odd, mirrored, face, locked, pictureLabel, pointLabel, onMove }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ i: number; id: number } | null>(null);
  const toPicture = (e: PointerEvent): Point => {
    const m = svg.current?.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: Math.round(Math.min(1, Math.max(0, p.x / S)) * 1000) / 1000, y: Math.round(Math.min(1, Math.max(0, p.y / S)) * 1000) / 1000 };
  };
  const down = (i: number) => (e: PointerEvent<SVGElement>) => {
    if (locked || e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    drag.current = { i, id: e.pointerId };
    (e.currentTarget as unknown as HTMLElement).focus?.();
  };
  const move = (e: PointerEvent<SVGElement>) => {
    const d = drag.current;
    if (d && d.id === e.pointerId) onMove(d.i, toPicture(e));
  };
  const up = (e: PointerEvent<SVGElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const key = (i: number) => (e: KeyboardEvent) => {
    if (locked) return;
    const next = keyMovePoint(points[i], e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault(); // keeps presenter mode's slide keys out
    onMove(i, next);
  };

  return (
    <svg ref={svg} className="lm-face" viewBox={`0 0 ${S} ${S}`} role="group" aria-label={pictureLabel}
      onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
      <rect x={0} y={0} width={S} height={S} className="lm-bg" />
      {!face && (
        <g aria-hidden="true" data-picture="no-face">
          <rect x={0} y={300} width={S} height={100} className="lm-grass" />
          <rect x={185} y={200} width={30} height={120} className="lm-trunk" />
          <circle cx={200} cy={170} r={80} className="lm-crown" />
          <circle cx={330} cy={70} r={32} className="lm-sun" />
        </g>
      )}
      {face && <g transform={mirrored ? `translate(${S} 0) scale(-1 1)` : undefined} aria-hidden="true">
        <ellipse cx={200} cy={215} rx={125} ry={160} className="lm-skin" />
        <ellipse cx={76} cy={215} rx={16} ry={30} className="lm-skin" />
        <ellipse cx={324} cy={215} rx={16} ry={30} className="lm-skin" />
        {/* hair with a parting on the picture's left */}
        <path d="M78 180 C70 60 180 30 240 48 C310 60 340 120 322 180 C300 120 250 95 150 100 C120 120 95 150 78 180 Z" className="lm-hair" />
        <path d="M150 100 L140 60" className="lm-part" />
        {/* eyebrows */}
        <path d="M104 134 Q140 118 178 128" className="lm-brow" />
        <path d="M222 128 Q260 118 296 134" className="lm-brow" />
        {/* eyes: almonds between the default corners */}
        <path d="M118 168 Q146 140 174 168 Q146 190 118 168 Z" className="lm-eye" />
        <path d="M226 168 Q254 140 282 168 Q254 190 226 168 Z" className="lm-eye" />
        <circle cx={146} cy={167} r={11} className="lm-iris" />
        <circle cx={254} cy={167} r={11} className="lm-iris" />
        {/* nose and mouth */}
        <path d="M200 180 L188 236 Q200 246 212 236" className="lm-line" />
        <path d="M152 292 Q200 322 248 292" className="lm-mouth" />
        <circle cx={276} cy={262} r={5} className="lm-mole" />
      </g>}
      {face && points.map((p, i) => (
        <g key={i} className={`lm-point${odd[i] ? ' lm-odd' : ''}${locked ? ' lm-locked' : ''}`} data-landmark={i} data-label={labels[i]}
          tabIndex={0} role="button" aria-label={pointLabel(i)} aria-disabled={locked || undefined}
          onPointerDown={down(i)} onKeyDown={key(i)}>
          <circle cx={p.x * S} cy={p.y * S} r={20} className="lm-hit" />
          <circle cx={p.x * S} cy={p.y * S} r={7} className="lm-dot" />
          <text x={p.x * S + 10} y={p.y * S - 10} className="lm-num">{labels[i]}</text>
        </g>
      ))}
    </svg>
  );
}
