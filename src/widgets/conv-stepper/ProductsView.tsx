// The nine products of the current window: x·w for each cell, then their sum, beside the
// engine's value for that output cell (they must agree — the test checks it too).
import { useStrings } from '../../ui/i18n';
import { Formula } from '../../ui';
import { formatCell, type WindowProducts } from '../../viz';
import { stepperStrings } from './strings';

export interface ProductsViewProps {
  products: WindowProducts;
  f: number;
  engineValue: number | undefined;
}

const paren = (v: number) => (v < 0 ? `(${formatCell(v).replace('-', '−')})` : formatCell(v));
const tex = (v: number) => (v < 0 ? `(${formatCell(v)})` : formatCell(v));

export function ProductsView({ products, f, engineValue }: ProductsViewProps) {
  const t = useStrings(stepperStrings);
  const rows = [];
  for (let r = 0; r < f; r++) {
    const cells = [];
    for (let c = 0; c < f; c++) {
      const i = r * f + c;
      const p = products.products[i];
      cells.push(
        <td key={c} className={p > 0 ? 'cs-pos' : p < 0 ? 'cs-neg' : undefined}>
          <span className="cs-x">{paren(products.inputs[i])}</span>·<span className="cs-w">{paren(products.weights[i])}</span>
        </td>,
      );
    }
    rows.push(<tr key={r}>{cells}</tr>);
  }
  const sumTex = products.products.map(tex).join(' + ');
  return (
    <figure className="cs-products">
      <figcaption>{t.products}</figcaption>
      <table>
        <tbody>{rows}</tbody>
      </table>
      <div className="cs-sum">
        <Formula tex={`${sumTex.length > 90 ? '\\textstyle\\sum x\\cdot w' : sumTex} = ${tex(products.sum)}`} />
      </div>
      {engineValue !== undefined && (
        <div className="cs-engine">
          {t.engineCell}: <strong>{formatCell(engineValue)}</strong>
        </div>
      )}
    </figure>
  );
}
