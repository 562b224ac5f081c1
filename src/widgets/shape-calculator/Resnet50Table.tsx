// The ResNet-50 preset: its stage table (view/resnet50.ts), the total as torchvision counts it,
// and the Keras total with where the difference comes from.
import { fmt, useStrings } from '../../ui/i18n';
import { formatCount } from '../../viz/format';
import { resnet50Stages, resnet50Totals } from './view/resnet50';
import { shapeCalcStrings } from './strings';

export function Resnet50Table() {
  const t = useStrings(shapeCalcStrings);
  const rows = resnet50Stages();
  const totals = resnet50Totals(rows);
  const filters = (r: (typeof rows)[number]) =>
    r.name === 'conv1' ? t.rnStem : r.name === 'fc' ? t.rnFc : fmt(t.rnBlock, { mid: r.mid, out: r.out });
  return (
    <>
      {/* focusable: a keyboard user can scroll the wide table on a narrow screen */}
      <div className="sc-scroll" tabIndex={0} role="region" aria-label={t['preset-resnet50']}>
        <table className="sc-table" data-table="resnet50">
          <thead>
            <tr>
              <th scope="col">{t.rnStage}</th>
              <th scope="col">{t.rnFilters}</th>
              <th scope="col" className="num">{t.rnBlocks}</th>
              <th scope="col">{t.output}</th>
              <th scope="col" className="num">{t.params}</th>
              <th scope="col" className="num">{t.rnKeras}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td>{r.name}</td>
                <td>{filters(r)}</td>
                <td className="num">{r.name === 'conv1' || r.name === 'fc' ? '—' : `×${r.blocks}`}</td>
                <td data-metric="layer-output" data-value={r.output.join('x')}>{r.output.join('×')}</td>
                <td className="num" data-metric="layer-params" data-value={r.params}>{formatCount(r.params)}</td>
                <td className="num">{formatCount(r.kerasParams)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>{t.total}</th>
              <td className="num" data-metric="total-params" data-value={totals.params}>{formatCount(totals.params)}</td>
              <td className="num" data-metric="keras-params" data-value={totals.kerasParams}>{formatCount(totals.kerasParams)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="sc-note">
        {fmt(t.rnNote, {
          torch: formatCount(totals.params),
          keras: formatCount(totals.kerasParams),
          diff: formatCount(totals.kerasParams - totals.params),
          biases: formatCount(totals.convBiases),
          stats: formatCount(totals.movingStats),
        })}
      </p>
    </>
  );
}
