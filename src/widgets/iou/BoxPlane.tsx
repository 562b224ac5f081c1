// The SVG plane of the IoU widget: union shaded in one tint, the intersection hatched in
// another, the two outlines (A solid, B dashed: not colour-only), corner handles.
// Pointer events (mouse, pen, touch) drag a box or a corner; arrow keys on a focused box move
// it, shift + arrows resize it. All the maths is in viz/iouView (tested in Node).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Box } from '../../geometry/box';
import { fmt } from '../../ui/i18n';
import { CORNERS, cornerPoint, dragBox, IOU_PLANE, keyMove, orderBox, type Handle, type IouView } from '../../viz/iouView';
import { formatCell } from '../../viz/format';

const S = 40; // SVG units per plane unit
const M = 22; // margin for the axis numbers
const NAMES = ['A', 'B'] as const;

interface Props {
  boxes: [Box, Box];
  view: IouView;
  onChange(which: 0 | 1, b: Box): void;
  labels: { plane: string; boxLabel: string; boxLabelEmpty: string };
}

export function BoxPlane({ boxes, view, onChange, labels }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ which: 0 | 1; handle: Handle; start: Box; x: number; y: number; id: number } | null>(null);
  const { width: W, height: H } = IOU_PLANE;

  const toPlane = (e: PointerEvent): { x: number; y: number } => {
    const el = svg.current!;
    const m = el.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: p.x / S, y: p.y / S };
  };
  const down = (which: 0 | 1, handle: Handle) => (e: PointerEvent<SVGElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    const p = toPlane(e);
    drag.current = { which, handle, start: boxes[which], x: p.x, y: p.y, id: e.pointerId };
    (document.getElementById(`iou-box-${which}`) as HTMLElement | null)?.focus?.();
  };
  const move = (e: PointerEvent<SVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const p = toPlane(e);
    onChange(d.which, dragBox(d.start, d.handle, p.x - d.x, p.y - d.y));
  };
  const up = (e: PointerEvent<SVGElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const key = (which: 0 | 1) => (e: KeyboardEvent) => {
    const next = keyMove(boxes[which], e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault(); // keeps presenter mode's slide keys out
    onChange(which, next);
  };

  const r = (b: Box) => {
    const o = orderBox(b);
    return { x: o.x1 * S, y: o.y1 * S, width: (o.x2 - o.x1) * S, height: (o.y2 - o.y1) * S };
  };
  const empty = [view.emptyA, view.emptyB];
  const inter = view.intersection;
  const ticksX = Array.from({ length: W + 1 }, (_, i) => i);
  const ticksY = Array.from({ length: H + 1 }, (_, i) => i);

  return (
    <svg ref={svg} className="iou-plane" viewBox={`${-M} ${-M} ${W * S + 2 * M} ${H * S + 2 * M}`} role="group" aria-label={labels.plane}
      onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
      <defs>
        <pattern id="iou-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="8" className="iou-hatch-line" />
        </pattern>
      </defs>
      <rect x={0} y={0} width={W * S} height={H * S} className="iou-bg" />
      {ticksX.map((i) => <line key={`x${i}`} x1={i * S} x2={i * S} y1={0} y2={H * S} className="iou-gridline" />)}
      {ticksY.map((i) => <line key={`y${i}`} y1={i * S} y2={i * S} x1={0} x2={W * S} className="iou-gridline" />)}
      {ticksX.map((i) => <text key={`tx${i}`} x={i * S} y={-6} className="iou-tick" textAnchor="middle">{i}</text>)}
      {ticksY.map((i) => <text key={`ty${i}`} x={-6} y={i * S + 4} className="iou-tick" textAnchor="end">{i}</text>)}

      {/* union: both boxes in one tint; then the intersection on top */}
      {boxes.map((b, i) => !empty[i] && <rect key={`u${i}`} {...r(b)} className="iou-union" />)}
      {view.overlaps && (
        <g data-shape="intersection">
          <rect {...r(inter)} className="iou-inter" />
          <rect {...r(inter)} fill="url(#iou-hatch)" />
        </g>
      )}
      {boxes.map((b, i) => {
        const which = i as 0 | 1;
        const o = orderBox(b);
        const name = NAMES[i];
        const label = empty[i]
          ? fmt(labels.boxLabelEmpty, { name })
          : fmt(labels.boxLabel, { name, x1: formatCell(b.x1, 2), y1: formatCell(b.y1, 2), x2: formatCell(b.x2, 2), y2: formatCell(b.y2, 2) });
        return (
          <g key={`b${i}`} id={`iou-box-${i}`} className={`iou-box iou-box-${name.toLowerCase()}${empty[i] ? ' iou-empty' : ''}`}
            tabIndex={empty[i] ? -1 : 0} role="button" aria-label={label} data-box={name}
            onKeyDown={empty[i] ? undefined : key(which)}>
            <rect {...r(b)} className="iou-outline" onPointerDown={empty[i] ? undefined : down(which, 'move')} />
            <text x={(i === 0 ? o.x1 : o.x2) * S + (i === 0 ? 6 : -6)} y={(i === 0 ? o.y1 : o.y2) * S + (i === 0 ? 18 : -7)}
              textAnchor={i === 0 ? 'start' : 'end'} className="iou-name">{name}</text>
          </g>
        );
      })}
      {boxes.map((b, i) =>
        empty[i]
          ? null
          : CORNERS.map((h) => {
              const p = cornerPoint(b, h);
              return (
                <g key={`h${i}${h}`} className={`iou-handle iou-handle-${NAMES[i].toLowerCase()}`} data-handle={`${NAMES[i]}-${h}`}
                  onPointerDown={down(i as 0 | 1, h)} aria-hidden="true">
                  <circle cx={p.x * S} cy={p.y * S} r={16} className="iou-handle-hit" />
                  <rect x={p.x * S - 5} y={p.y * S - 5} width={10} height={10} className="iou-handle-mark" />
                </g>
              );
            }),
      )}
    </svg>
  );
}
