// The detection scene as SVG: every candidate box drawn by its state after k steps. Class is
// shown three ways (colour, line pattern, a letter tag), never by colour alone. The box of
// the current step glows; a suppressed box shows the IoU that decided it, joined to the
// box that suppressed it. Each box carries its data (class, score, corners, state) as data-*
// attributes so a browser test can recompute NMS independently.
import type { Candidate } from '../../data/scenes';
import type { NmsEvent } from '../../geometry/nms';
import { boxNumber, formatIouNear, formatScore, type NmsBoxState } from './view';

const S = 6; // SVG units per scene unit
/** Rough width of a tag's text at 13px bold (CJK characters are about twice as wide). */
const textWidth = (t: string) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13.5 : 7.8), 0);
const TAG_H = 17;
const PAD = 4;

interface Props {
  width: number;
  height: number;
  candidates: readonly Candidate[];
  states: readonly NmsBoxState[];
  current: NmsEvent | null;
  hover: number | null;
  iouThreshold: number;
  label: string;
  tag(classId: number): string;
}

export function SceneView({ width, height, candidates, states, current, hover, iouThreshold, label, tag }: Props) {
  const rect = (c: Candidate) => ({ x: c.box.x1 * S, y: c.box.y1 * S, width: Math.max(0, c.box.x2 - c.box.x1) * S, height: Math.max(0, c.box.y2 - c.box.y1) * S });
  const centre = (c: Candidate) => ({ x: ((c.box.x1 + c.box.x2) / 2) * S, y: ((c.box.y1 + c.box.y2) / 2) * S });
  const focus = new Set<number>();
  if (current) {
    focus.add(current.index);
    if (current.kind === 'suppress') focus.add(current.by);
  }
  if (hover !== null) focus.add(hover);
  // Draw order: decided-away boxes first, undecided, kept, then the boxes in focus on top.
  const rank = (i: number) => (focus.has(i) ? 4 : states[i] === 'kept' ? 3 : states[i] === 'pending' ? 2 : 1);
  const order = candidates.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
  const tagFor = (i: number) => {
    const c = candidates[i];
    const st = states[i];
    if (current?.kind === 'suppress' && current.index === i) return `${boxNumber(i)} IoU ${formatIouNear(current.iou, iouThreshold)}`;
    if (st === 'kept' || focus.has(i)) return `${boxNumber(i)} ${tag(c.classId)} ${formatScore(c.score)}`;
    return null;
  };

  return (
    <svg className="nms-scene" viewBox={`${-PAD} ${-PAD} ${width * S + 2 * PAD} ${height * S + 2 * PAD}`} role="img" aria-label={label}>
      <rect x={0} y={0} width={width * S} height={height * S} className="nms-bg" />
      {current?.kind === 'suppress' && (
        <line className="nms-link" x1={centre(candidates[current.by]).x} y1={centre(candidates[current.by]).y}
          x2={centre(candidates[current.index]).x} y2={centre(candidates[current.index]).y} />
      )}
      {order.map((i) => {
        const c = candidates[i];
        const r = rect(c);
        const t = tagFor(i);
        const tw = t ? textWidth(t) + 8 : 0;
        // The suppressed box's tag goes inside its bottom edge, away from its keeper's tag.
        const below = current?.kind === 'suppress' && current.index === i && r.height >= TAG_H + 4;
        const ty = below ? r.y + r.height - TAG_H - 1 : r.y >= TAG_H + 1 ? r.y - TAG_H : r.y + 1;
        return (
          <g key={i} className={`nms-box nms-${states[i]} nms-class-${c.classId}${focus.has(i) ? ' nms-focus' : ''}`}
            data-box={i} data-class={c.classId} data-score={c.score} data-state={states[i]}
            data-x1={c.box.x1} data-y1={c.box.y1} data-x2={c.box.x2} data-y2={c.box.y2}>
            <rect {...r} className="nms-rect" />
            {t && (
              <g className="nms-tag" transform={`translate(${r.x + (below ? 1 : 0)}, ${ty})`}>
                <rect width={tw} height={TAG_H} rx={2} className="nms-tag-bg" />
                <text x={4} y={13}>{t}</text>
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}
