// The SVG plane of the triplet-loss widget: the hard / semi-hard / easy regions around the
// anchor (discs at radius √d(A,P) and √(d(A,P) + α)), segments A–P and A–N, and the three
// draggable points (pointer events for mouse, pen and touch; arrow keys when focused).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { fmt } from '../../ui/i18n';
import { formatCell } from '../../viz/format';
import { clampPoint, keyMovePoint, TRIPLET_LIM, type Pt, type TripletView } from '../../viz/tripletView';

export type Role = 'a' | 'p' | 'n';
const S = 120; // SVG units per embedding unit
const W = TRIPLET_LIM * S;

interface Props {
  pts: Record<Role, Pt>;
  view: TripletView;
  onMove(role: Role, pt: Pt): void;
  labels: { plane: string; point: string; names: Record<Role, string> };
}

const sx = (x: number) => x * S;
const sy = (y: number) => -y * S; // y grows upwards in the embedding

export function TripletPlane({ pts, view, onMove, labels }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ role: Role; id: number } | null>(null);
  const toPlane = (e: PointerEvent): Pt => {
    const m = svg.current?.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return clampPoint({ x: Math.round((p.x / S) * 1000) / 1000, y: Math.round((-p.y / S) * 1000) / 1000 });
  };
  const down = (role: Role) => (e: PointerEvent<SVGElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    drag.current = { role, id: e.pointerId };
    (e.currentTarget as SVGGElement).focus?.();
  };
  const move = (e: PointerEvent<SVGElement>) => {
    const d = drag.current;
    if (d && d.id === e.pointerId) onMove(d.role, toPlane(e));
  };
  const up = (e: PointerEvent<SVGElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const key = (role: Role) => (e: KeyboardEvent) => {
    const next = keyMovePoint(pts[role], e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault(); // keep presenter mode's slide keys out
    onMove(role, next);
  };
  const a = pts.a;
  const ticks = [-1, -0.5, 0, 0.5, 1];
  const c = (v: number) => formatCell(v, 3);
  return (
    <svg ref={svg} className="tl-plane" viewBox={`${-W - 10} ${-W - 10} ${2 * W + 20} ${2 * W + 20}`} role="group" aria-label={labels.plane}
      onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
      <defs>
        <clipPath id="tl-clip"><rect x={-W} y={-W} width={2 * W} height={2 * W} /></clipPath>
        <pattern id="tl-hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="10" className="tl-hatch-line" />
        </pattern>
      </defs>
      <rect x={-W} y={-W} width={2 * W} height={2 * W} className="tl-easy" />
      <g clipPath="url(#tl-clip)">
        <circle cx={sx(a.x)} cy={sy(a.y)} r={view.rEasy * S} className="tl-semi" data-region="semi-hard" />
        <circle cx={sx(a.x)} cy={sy(a.y)} r={view.rHard * S} className="tl-hard" data-region="hard" />
        <circle cx={sx(a.x)} cy={sy(a.y)} r={view.rHard * S} fill="url(#tl-hatch)" />
        {ticks.map((t) => <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={-W} y2={W} className="tl-grid" />)}
        {ticks.map((t) => <line key={`y${t}`} y1={sy(t)} y2={sy(t)} x1={-W} x2={W} className="tl-grid" />)}
      </g>
      {ticks.map((t) => <text key={`tx${t}`} x={sx(t)} y={W - 4} className="tl-tick" textAnchor="middle">{t}</text>)}
      {ticks.map((t) => <text key={`ty${t}`} x={-W + 4} y={sy(t) + 4} className="tl-tick">{t}</text>)}
      <line x1={sx(a.x)} y1={sy(a.y)} x2={sx(pts.p.x)} y2={sy(pts.p.y)} className="tl-seg tl-seg-p" />
      <line x1={sx(a.x)} y1={sy(a.y)} x2={sx(pts.n.x)} y2={sy(pts.n.y)} className="tl-seg tl-seg-n" />
      {(['n', 'p', 'a'] as Role[]).map((role) => {
        const pt = pts[role];
        const x = sx(pt.x), y = sy(pt.y);
        return (
          <g key={role} className={`tl-pt tl-pt-${role}`} tabIndex={0} role="button" data-point={role}
            aria-label={fmt(labels.point, { name: labels.names[role], x: c(pt.x), y: c(pt.y) })}
            onPointerDown={down(role)} onKeyDown={key(role)}>
            <circle cx={x} cy={y} r={26} className="tl-hit" />
            {role === 'a' && <circle cx={x} cy={y} r={11} className="tl-mark" />}
            {role === 'p' && <rect x={x - 10} y={y - 10} width={20} height={20} className="tl-mark" />}
            {role === 'n' && <path d={`M ${x} ${y - 13} L ${x + 12} ${y + 9} L ${x - 12} ${y + 9} Z`} className="tl-mark" />}
            <text x={x + 15} y={y - 12} className="tl-name">{role.toUpperCase()}</text>
          </g>
        );
      })}
    </svg>
  );
}
