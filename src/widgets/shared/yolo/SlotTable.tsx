// A cell's label: one row per anchor slot, columns p_c, b_x, b_y, b_h, b_w, c_1 … c_C.
// Slots with p_c = 0 show "?" (don't care) after the 0. Wide tables (many classes) scroll
// sideways inside their own box. b_h, b_w above 1 are marked: an object may be larger than a cell.
import { fmt } from '../../../ui/i18n';
import { formatCell } from '../../../viz/format';
import type { Entry } from '../../../viz/yoloEncoder';
import type { SceneStrings } from './strings';

interface Props {
  slots: Entry[][];
  t: SceneStrings;
  caption: string;
  /** the slot to emphasise (e.g. the selected object's anchor) */
  focus?: number | null;
  /** a name per slot row; defaults to "anchor a" (or nothing for a single slot) */
  rowNames?: string[];
  name: string;
}

const HEAD = ['p_c', 'b_x', 'b_y', 'b_h', 'b_w'];
const sub = (s: string) => {
  const [a, b] = s.split('_');
  return <>{a}<sub>{b}</sub></>;
};

export function SlotTable({ slots, t, caption, focus, rowNames, name }: Props) {
  const D = slots[0]?.length ?? 0;
  const cols = Array.from({ length: D }, (_, i) => (i < 5 ? HEAD[i] : `c_${i - 4}`));
  return (
    <div className="yg-table-wrap" tabIndex={0} role="region" aria-label={caption} data-slots={name}>
      <table className="yg-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {slots.length > 1 && <th scope="col">{t.slotHead}</th>}
            {cols.map((c) => <th key={c} scope="col">{sub(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {slots.map((s, a) => (
            <tr key={a} className={focus === a ? 'yg-focus-row' : undefined} data-slot-row={a + 1} data-pc={s[0] ?? ''}>
              {slots.length > 1 && <th scope="row">{rowNames?.[a] ?? fmt(t.anchor, { a: a + 1 })}</th>}
              {s.map((v, i) => (
                <td key={i} data-entry={v === null ? '?' : v}
                  className={v === null ? 'yg-dc' : (i === 3 || i === 4) && v > 1 ? 'yg-big' : i === 0 && v === 1 ? 'yg-on' : undefined}>
                  {v === null ? '?' : formatCell(v, 2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
