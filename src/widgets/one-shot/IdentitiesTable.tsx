// Why many identities: the same held-out N-way test after training on every character of the
// training scripts and after training on only seven of them (as many as the digits 0–6), beside
// the untrained encoder and raw pixels. Rows fill in as the student runs each setting.
import { fmt, useStrings } from '../../ui/i18n';
import type { GlyphOneShotProgress } from './job/glyphOneShot';
import { FEW_IDENTITIES } from './params';
import { glyphStrings } from './glyphStrings';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

export function IdentitiesTable({ ways, many, few, steps }: { ways: 5 | 20; many: GlyphOneShotProgress | null; few: GlyphOneShotProgress | null; steps: number }) {
  const t = useStrings(glyphStrings);
  const row = (name: string, p: GlyphOneShotProgress | null, key: string) => {
    const done = p?.status === 'finished';
    return (
      <tr key={key}>
        <th scope="row">{name}</th>
        <td>{pct(p?.untrained?.[ways])}</td>
        <td data-metric={`${key}-trained-accuracy`} data-value={done ? p!.accuracy![ways] : ''}>{done ? pct(p!.accuracy![ways]) : p ? fmt(t.tableRunning, { step: p.step }) : t.tableNotRun}</td>
      </tr>
    );
  };
  return (
    <table className="os-compare">
      <caption>{fmt(t.tableTitle, { n: ways, steps })}</caption>
      <thead>
        <tr><th scope="col">{t.tableTrainedOn}</th><th scope="col">{t.untrained}</th><th scope="col">{fmt(t.tableAfter, { steps })}</th></tr>
      </thead>
      <tbody>
        {row(fmt(t.tableMany, { n: many?.trainCharacters || '—' }), many, 'many')}
        {row(fmt(t.few, { n: FEW_IDENTITIES }), few, 'few')}
      </tbody>
    </table>
  );
}
