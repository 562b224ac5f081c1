// <CellGrid rows cols values label color? format? highlights? cellState? onCellHover?
//           onCellActivate? editable? onEdit? validate? cellEm? name? />
// An SVG grid of numbers (one square per value, row-major) for small matrices: inputs,
// filters, outputs. Sizes are in em (presenter mode scales it). Each cell is a focusable
// gridcell carrying data-row, data-col and data-value (the raw number, for tests).
// - color(v) fills a cell; text is black or white, whichever reads better on that fill.
// - highlights: rectangles drawn over cells (the window; the cells an output sees).
// - cellState(r, c): 'pad' (padding, hatched), 'dim' (greyed: never reached), 'empty'
//   (not computed yet: value hidden), 'win' (emphasised, e.g. a max-pool winner).
// - onCellHover(cell | null): pointer hover, touch tap and keyboard focus all report here.
// - Keyboard: Tab into the grid, arrows move, Enter/F2 or typing a digit edits (editable),
//   Escape cancels. The editor keeps the typed text and shows why it is not a number, or
//   validate(v)'s reason (the widget's own range); the cell keeps its last good value.
import { useRef, useState, type KeyboardEvent } from 'react';
import { formatCell, textOn, type CellRect, type ColorScale } from '../viz';
import { fmt, useStrings } from './i18n';
import { uiStrings } from './strings';
import { parseNumber } from './NumberField';

export type CellState = 'pad' | 'dim' | 'empty' | 'win' | undefined;

export interface GridHighlight extends CellRect {
  tone?: 'accent' | 'pos' | 'neg' | 'muted';
  dashed?: boolean;
}

export interface CellGridProps {
  rows: number;
  cols: number;
  values: ArrayLike<number>;
  /** Accessible name of the grid (e.g. "Input image 6×6"). */
  label: string;
  color?: ColorScale;
  format?(v: number): string;
  highlights?: readonly GridHighlight[];
  cellState?(r: number, c: number): CellState;
  onCellHover?(cell: { row: number; col: number } | null): void;
  onCellActivate?(cell: { row: number; col: number }): void;
  editable?: boolean;
  onEdit?(row: number, col: number, value: number): void;
  /** The widget's own rule for an edited value: a reason, or null when it is fine. */
  validate?(v: number): string | null | undefined;
  /** Cell edge in em (default 2.2). */
  cellEm?: number;
  /** data-grid attribute, so tests can find a grid by name. */
  name?: string;
}

const TONE: Record<NonNullable<GridHighlight['tone']>, string> = {
  accent: 'var(--accent, #7c3aed)',
  pos: 'var(--pos, #1d5fd1)',
  neg: 'var(--neg, #d9480f)',
  muted: 'var(--muted, #6b7280)',
};

export function CellGrid(props: CellGridProps) {
  const { rows, cols, values, label, color, format = formatCell, highlights = [], cellState, onCellHover,
    onCellActivate, editable, onEdit, validate, cellEm = 2.2, name } = props;
  const t = useStrings(uiStrings);
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const [edit, setEdit] = useState<{ row: number; col: number; text: string } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const fr = Math.min(focus.row, rows - 1);
  const fc = Math.min(focus.col, cols - 1);

  const focusCell = (row: number, col: number) => {
    setFocus({ row, col });
    const el = svgRef.current?.querySelector<SVGGElement>(`[data-row="${row}"][data-col="${col}"]`);
    el?.focus();
  };

  const reasonOf = (text: string): string | null => {
    const v = parseNumber(text);
    return v === null ? fmt(t.notANumber, { text }) : (validate?.(v) ?? null);
  };

  const commit = () => {
    if (!edit) return;
    const v = parseNumber(edit.text);
    if (v === null || reasonOf(edit.text)) return; // keep the editor open with its reason
    onEdit?.(edit.row, edit.col, v);
    const { row, col } = edit;
    setEdit(null);
    requestAnimationFrame(() => focusCell(row, col));
  };

  const onKey = (e: KeyboardEvent, row: number, col: number) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key in moves) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      const r = Math.min(rows - 1, Math.max(0, row + dr));
      const c = Math.min(cols - 1, Math.max(0, col + dc));
      focusCell(r, c);
      onCellHover?.({ row: r, col: c });
    } else if (editable && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      setEdit({ row, col, text: String(values[row * cols + col]) });
    } else if (editable && /^[-\d.]$/.test(e.key)) {
      e.preventDefault();
      setEdit({ row, col, text: e.key });
    } else if (!editable && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onCellActivate?.({ row, col });
    }
  };

  const cells = [];
  for (let r = 0; r < rows; r++) {
    const rowCells = [];
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c];
      const state = cellState?.(r, c);
      const fill = state === 'dim' ? 'var(--dim-cell, rgba(128,128,128,0.35))' : state === 'empty' || state === 'pad' || !color ? undefined : color(v);
      const text = state === 'empty' ? '' : format(v);
      const textColor = fill && state !== 'dim' ? textOn(fill) : undefined;
      rowCells.push(
        <g
          key={c}
          role="gridcell"
          tabIndex={r === fr && c === fc ? 0 : -1}
          data-row={r}
          data-col={c}
          data-value={state === 'empty' ? '' : String(v)}
          data-state={state}
          aria-label={fmt(editable ? t.editCell : t.cell, { r: r + 1, c: c + 1, v: text || '—' })}
          className={`ui-cell${state ? ` ui-cell-${state}` : ''}`}
          onPointerEnter={() => onCellHover?.({ row: r, col: c })}
          onPointerDown={() => {
            setFocus({ row: r, col: c });
            onCellHover?.({ row: r, col: c });
          }}
          onFocus={() => {
            setFocus({ row: r, col: c });
            onCellHover?.({ row: r, col: c });
          }}
          onClick={() => (editable ? setEdit({ row: r, col: c, text: String(v) }) : onCellActivate?.({ row: r, col: c }))}
          onKeyDown={(e) => onKey(e, r, c)}
        >
          <rect x={c + 0.03} y={r + 0.03} width={0.94} height={0.94} rx={0.08}
            style={fill ? { fill } : undefined} className="ui-cell-bg" />
          <text x={c + 0.5} y={r + 0.5} className="ui-cell-text" style={textColor ? { fill: textColor } : undefined}
            fontSize={text.length > 4 ? 0.28 : 0.36} dominantBaseline="central" textAnchor="middle">{text}</text>
        </g>,
      );
    }
    cells.push(<g key={r} role="row">{rowCells}</g>);
  }

  const editError = edit ? reasonOf(edit.text) : null;

  return (
    <div className="ui-grid-wrap" data-grid={name} data-own-keys="" style={{ width: `${cols * cellEm}em` }}
      onPointerLeave={() => onCellHover?.(null)}>
      <svg ref={svgRef} role="grid" aria-label={label} viewBox={`0 0 ${cols} ${rows}`}
        style={{ width: `${cols * cellEm}em`, height: `${rows * cellEm}em` }} className="ui-grid">
        {cells}
        {highlights.map((h, i) => (
          <rect key={i} className="ui-grid-highlight" x={h.col + 0.02} y={h.row + 0.02} width={h.cols - 0.04} height={h.rows - 0.04}
            rx={0.1} style={{ stroke: TONE[h.tone ?? 'accent'], strokeDasharray: h.dashed ? '0.15 0.1' : undefined }} />
        ))}
      </svg>
      {edit && (
        <div className="ui-cell-editor" style={{ left: `${edit.col * cellEm}em`, top: `${edit.row * cellEm}em`, width: `${Math.max(cellEm, 3)}em` }}>
          <input
            autoFocus
            aria-label={t.editHint}
            aria-invalid={editError ? true : undefined}
            value={edit.text}
            inputMode="decimal"
            onChange={(e) => setEdit({ ...edit, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') { e.preventDefault(); commit(); }
              else if (e.key === 'Escape') { e.preventDefault(); const { row, col } = edit; setEdit(null); requestAnimationFrame(() => focusCell(row, col)); }
            }}
            onBlur={commit}
          />
        </div>
      )}
      {editError && <div className="ui-error" data-error="">{editError}</div>}
    </div>
  );
}
