// The image of the YOLO widgets: an S×S grid over the unit square, draggable objects, each
// object's midpoint, and the cell that owns it (the cell containing the midpoint) shaded in the
// object's colour. Optional small bars along a cell's top edge show which anchor slots hold
// p_c = 1. Pointer events (mouse, pen, touch) drag an object or a corner of the selected one;
// arrow keys on a focused object move it, shift + arrows resize it. Maths: viz/yoloEncoder.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Box } from '../../../geometry/box';
import { fmt } from '../../../ui/i18n';
import { CORNERS, cornerPoint, type Handle } from '../../../viz/iouView';
import { dragObject, keyObject, type Placement, type SceneObject } from '../../../viz/yoloEncoder';
import { className, type SceneStrings } from './strings';
import './scene.css';

const P = 360; // SVG units for the whole image
const M = 20; // margin for the row / column numbers

interface Props {
  grid: number;
  objects: readonly SceneObject[];
  placements: readonly Placement[];
  selected: number | null;
  onSelect(i: number): void;
  onChange(i: number, b: Box): void;
  t: SceneStrings;
  /** unique per widget instance (element ids) */
  idPrefix: string;
  /** anchors per cell: draws the filled-slot bars when given */
  anchors?: number;
  filled?: Map<string, boolean[]>;
  /** a cell to outline (the one whose numbers are shown) */
  inspect?: { row: number; col: number } | null;
  /** draw the cell-unit size grid of an anchor shape at the selected object's midpoint */
  ghosts?: Array<{ w: number; h: number; best: boolean; label: string }>;
  /** shade the owner cell (off for a 1×1 "grid": plain localization) */
  showOwner?: boolean;
  /** text drawn in the middle of an empty image */
  emptyText?: string;
  /** a click or tap on the image (not on an object) picks that cell */
  onPickCell?(cell: { row: number; col: number }): void;
}

export function GridScene(props: Props) {
  const { grid: S, objects, placements, selected, onSelect, onChange, t, idPrefix, anchors, filled, inspect, ghosts, showOwner = true, emptyText, onPickCell } = props;
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ i: number; handle: Handle; start: Box; x: number; y: number; id: number } | null>(null);
  const cell = P / S;

  const toImage = (e: PointerEvent): { x: number; y: number } => {
    const m = svg.current?.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: p.x / P, y: p.y / P };
  };
  const down = (i: number, handle: Handle) => (e: PointerEvent<SVGElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    const p = toImage(e);
    drag.current = { i, handle, start: objects[i].box, x: p.x, y: p.y, id: e.pointerId };
    onSelect(i);
    (document.getElementById(`${idPrefix}-obj-${i}`) as HTMLElement | null)?.focus?.();
  };
  const move = (e: PointerEvent<SVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const p = toImage(e);
    const b = dragObject(d.start, d.handle, p.x - d.x, p.y - d.y);
    if (b) onChange(d.i, b);
  };
  const up = (e: PointerEvent<SVGElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const key = (i: number) => (e: KeyboardEvent) => {
    const b = keyObject(objects[i].box, e.key, e.shiftKey);
    if (!b) return;
    e.preventDefault(); // keeps presenter mode's slide keys out
    onChange(i, b);
  };
  const rect = (b: Box) => ({ x: b.x1 * P, y: b.y1 * P, width: (b.x2 - b.x1) * P, height: (b.y2 - b.y1) * P });
  const lines = Array.from({ length: S + 1 }, (_, i) => i * cell);
  const labelEvery = S > 10 ? Math.ceil(S / 10) : 1;
  const sel = selected !== null ? objects[selected] : null;
  const selMid = sel ? { x: ((sel.box.x1 + sel.box.x2) / 2) * P, y: ((sel.box.y1 + sel.box.y2) / 2) * P } : null;

  return (
    <svg ref={svg} className="yg-scene" viewBox={`${-M} ${-M} ${P + 2 * M} ${P + 2 * M}`} role="group"
      aria-label={fmt(t.image, { s: S, n: objects.length })} onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
      <rect x={0} y={0} width={P} height={P} className="yg-bg" data-pick-cells={onPickCell ? '' : undefined}
        onPointerDown={onPickCell && ((e) => {
          const p = toImage(e);
          onPickCell({ row: Math.min(S - 1, Math.max(0, Math.floor(p.y * S))), col: Math.min(S - 1, Math.max(0, Math.floor(p.x * S))) });
        })} />
      {/* owner cells first, under everything */}
      {showOwner && placements.map((p) => (
        <rect key={`own${p.object}`} x={p.col * cell} y={p.row * cell} width={cell} height={cell}
          className={`yg-owner yg-c${objects[p.object].classId % 6}${p.collided ? ' yg-collided' : ''}`} data-owner-of={p.object} />
      ))}
      {lines.map((v, i) => <line key={`v${i}`} x1={v} x2={v} y1={0} y2={P} className="yg-gridline" />)}
      {lines.map((v, i) => <line key={`h${i}`} y1={v} y2={v} x1={0} x2={P} className="yg-gridline" />)}
      {S > 1 && lines.slice(0, S).map((v, i) => (i % labelEvery === 0 ? (
        <g key={`n${i}`} className="yg-index" aria-hidden="true">
          <text x={v + cell / 2} y={-6} textAnchor="middle">{i + 1}</text>
          <text x={-6} y={v + cell / 2 + 4} textAnchor="end">{i + 1}</text>
        </g>
      ) : null))}
      {emptyText && objects.length === 0 && <text x={P / 2} y={P / 2} textAnchor="middle" className="yg-empty">{emptyText}</text>}
      {inspect && <rect x={inspect.col * cell} y={inspect.row * cell} width={cell} height={cell} className="yg-inspect" />}
      {anchors && filled && [...filled.entries()].map(([k, f]) => {
        const [r, c] = k.split(',').map(Number);
        const w = (cell - 8) / anchors;
        return f.map((on, a) => on && (
          <rect key={`f${k}-${a}`} x={c * cell + 4 + a * w + 1} y={r * cell + 3} width={w - 2} height={Math.min(7, cell / 6)}
            className="yg-slot" data-slot={`${r + 1},${c + 1},${a + 1}`} />
        ));
      })}
      {selMid && ghosts?.map((g, i) => (
        <g key={`g${i}`} className={`yg-ghost${g.best ? ' yg-ghost-best' : ''}`} aria-hidden="true">
          <rect x={selMid.x - (g.w * cell) / 2} y={selMid.y - (g.h * cell) / 2} width={g.w * cell} height={g.h * cell} />
          <text x={selMid.x + (g.w * cell) / 2} y={selMid.y + (g.h * cell) / 2 + 13} textAnchor="end">{fmt(t.anchor, { a: g.label })}</text>
        </g>
      ))}
      {objects.map((o, i) => {
        const r = rect(o.box);
        const p = placements[i];
        const name = className(t, o.classId);
        const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
        return (
          <g key={`o${i}`} id={`${idPrefix}-obj-${i}`} className={`yg-object yg-c${o.classId % 6}${selected === i ? ' yg-selected' : ''}`}
            tabIndex={0} role="button" aria-pressed={selected === i} data-object={i}
            aria-label={fmt(t.objectLabel, { name, row: p.row + 1, col: p.col + 1 })}
            onKeyDown={key(i)} onFocus={() => onSelect(i)}>
            <rect {...r} className="yg-box" onPointerDown={down(i, 'move')} />
            <g className="yg-mid" aria-hidden="true">
              <line x1={cx - 7} x2={cx + 7} y1={cy} y2={cy} />
              <line x1={cx} x2={cx} y1={cy - 7} y2={cy + 7} />
              <circle cx={cx} cy={cy} r={3.5} />
            </g>
            <text x={r.x + 4} y={r.y + 14} className="yg-name">{name}</text>
          </g>
        );
      })}
      {sel && selected !== null && CORNERS.map((h) => {
        const c = cornerPoint(sel.box, h);
        return (
          <g key={`h${h}`} className={`yg-handle yg-c${sel.classId % 6}`} data-handle={h} onPointerDown={down(selected, h)} aria-hidden="true">
            <circle cx={c.x * P} cy={c.y * P} r={15} className="yg-handle-hit" />
            <rect x={c.x * P - 5} y={c.y * P - 5} width={10} height={10} className="yg-handle-mark" />
          </g>
        );
      })}
    </svg>
  );
}
