// The three pipelines side by side: proposer, proposals, ConvNet forward passes and a cost bar
// (stacked: proposing, ConvNet, per-region heads) relative to R-CNN.
import { fmt } from '../../ui/i18n';
import type { Pipeline, PipelineCost } from './view';
import type { rpStrings } from './strings';

type T = { [K in keyof (typeof rpStrings)['en']]: string };

export function CostTable({ costs, active, t, nf }: { costs: PipelineCost[]; active: Pipeline; t: T; nf(v: number): string }) {
  const max = Math.max(...costs.map((c) => c.total));
  const pct = (v: number) => `${(100 * v) / max}%`;
  const share = (v: number) => (v / max >= 0.1 ? `${Math.round((100 * v) / max)}%` : `${((100 * v) / max).toFixed(1)}%`);
  return (
    <div className="rp-cost">
      <h4 className="rp-h">{t.costTitle}</h4>
      <table className="rp-table">
        <thead>
          <tr>
            <th scope="col">{t.pipeline}</th><th scope="col">{t.proposer}</th><th scope="col">{t.proposals}</th>
            <th scope="col">{t.forwardPasses}</th><th scope="col" className="rp-bar-col">{t.cost}</th>
          </tr>
        </thead>
        <tbody>
          {costs.map((c) => (
            <tr key={c.pipeline} className={c.pipeline === active ? 'rp-active' : undefined} data-pipeline={c.pipeline}>
              <th scope="row">{t[`tab.${c.pipeline}`]}</th>
              <td>{t[`proposer.${c.proposer}`]}</td>
              <td className="rp-num">{nf(c.proposals)}</td>
              <td className="rp-num" data-passes={c.forwardPasses}>{nf(c.forwardPasses)}</td>
              <td className="rp-bar-col">
                <div className="rp-bar" role="img" aria-label={fmt(t.costBar, { name: t[`tab.${c.pipeline}`], cost: nf(Math.round(c.total)), share: share(c.total) })}>
                  <span className="rp-part rp-part-propose" style={{ width: pct(c.parts.propose) }} />
                  <span className="rp-part rp-part-conv" style={{ width: pct(c.parts.conv) }} />
                  <span className="rp-part rp-part-heads" style={{ width: pct(c.parts.heads) }} />
                  <span className="rp-bar-text">{nf(Math.round(c.total))} · {share(c.total)}</span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rp-legend">
        <span><i className="rp-key rp-part-propose" aria-hidden="true" /> {t.partPropose}</span>
        <span><i className="rp-key rp-part-conv" aria-hidden="true" /> {t.partConv}</span>
        <span><i className="rp-key rp-part-heads" aria-hidden="true" /> {t.partHeads}</span>
      </p>
      <p className="rp-caption">{t.costCaption}</p>
    </div>
  );
}
