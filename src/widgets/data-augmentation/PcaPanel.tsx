// The picture's colour PCA: the three principal directions p_i in RGB space as swatches and
// numbers, with λ_i and the standard deviation √λ_i on the 0…255 scale.
import type { ColorPca } from '../../data/pcaColor';
import { fmt } from '../../ui/i18n';
import { directionSwatch, to255 } from './view';
import type { augStrings } from './strings';

type T = { [K in keyof (typeof augStrings)['en']]: string };

export function PcaPanel({ pca, t }: { pca: ColorPca; t: T }) {
  const f = (v: number) => v.toFixed(2).replace('-', '−');
  return (
    <details className="aug-pca" open>
      <summary>{t.pcaTitle}</summary>
      <p className="aug-pca-intro">{t.pcaIntro}</p>
      <table className="aug-pca-table">
        <thead>
          <tr><th scope="col" /><th scope="col">R</th><th scope="col">G</th><th scope="col">B</th><th scope="col">λ</th><th scope="col">√λ</th></tr>
        </thead>
        <tbody>
          {pca.eigenvectors.map((p, i) => (
            <tr key={i} data-component={i + 1}>
              <th scope="row">
                <i className="aug-swatch" role="img" aria-label={fmt(t.swatchAlt, { i: i + 1, r: f(p[0]), g: f(p[1]), b: f(p[2]) })}
                  style={{ background: directionSwatch(p) }} /> {fmt(t.component, { i: i + 1 })}
              </th>
              <td>{f(p[0])}</td><td>{f(p[1])}</td><td>{f(p[2])}</td>
              <td data-eigenvalue={pca.eigenvalues[i]}>{pca.eigenvalues[i].toFixed(4)}</td>
              <td>{fmt(t.stdDev, { i: i + 1, s: to255(Math.sqrt(pca.eigenvalues[i])) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
