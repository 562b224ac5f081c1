// §18: the Inception module. The 28×28×192 input feeds four branches (buttons; the chosen one
// lists each layer's shapes, parameters and multiplies), whose 28×28 outputs are stacked along
// the channels into 28×28×256. Every number from engine/shape.ts via viz/inceptionModule.
import { useMemo, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Formula, Metric } from '../../ui';
import { formatCount, formatShape, rawShape } from '../../viz/format';
import { inceptionModule, type ModuleBranch } from './view';
import { VolumeGlyph } from '../shared/VolumeGlyph';
import { moduleStrings } from './strings';
import type { InceptionModuleParams } from './params';
import './style.css';

const TEX_LABEL: Record<ModuleBranch['id'], string> = { b1: '1\\times 1', b3: '3\\times 3', b5: '5\\times 5', pool: '\\text{pool}' };
const COLORS: Record<ModuleBranch['id'], string> = { b1: 'im-c1', b3: 'im-c3', b5: 'im-c5', pool: 'im-cp' };

export default function InceptionModule(_: WidgetProps<InceptionModuleParams>) {
  const t = useStrings(moduleStrings);
  const m = useMemo(() => inceptionModule(), []);
  const [sel, setSel] = useState<ModuleBranch['id']>('b3');
  const names: Record<ModuleBranch['id'], string> = { b1: t.branchB1, b3: t.branchB3, b5: t.branchB5, pool: t.branchPool };
  const b = m.branches.find((x) => x.id === sel)!;
  const total = m.outShape[2];

  return (
    <div className="w-inception-module">
      <Card title={t.title}>
        <div className="im-layout">
          <div className="im-input">
            <VolumeGlyph shape={m.input} tone="in" em={4.2} />
            <span className="im-caption">{t.input}</span>
          </div>
          <div className="im-branches" role="group" aria-label={t.pick}>
            {m.branches.map((br) => (
              <button key={br.id} type="button" className={`im-branch ${COLORS[br.id]}${br.id === sel ? ' im-sel' : ''}`} aria-pressed={br.id === sel}
                data-branch={br.id} onClick={() => setSel(br.id)}>
                <span className="im-chain">
                  {br.layers.map((l, i) => (
                    <span key={i} className={`im-chip im-chip-${l.kind}`}>{l.kind === 'pool' ? fmt(t.poolChip, { f: l.f }) : `${l.f}×${l.f} · ${l.cOut}`}</span>
                  ))}
                </span>
                <span className="im-branch-out">{formatShape(br.outShape)}</span>
              </button>
            ))}
          </div>
          <div className="im-concat">
            <div className="im-stack" role="img" aria-label={`${t.concat}: ${m.branches.map((br) => br.outShape[2]).join(' + ')} = ${total}`}>
              {m.branches.map((br) => (
                <span key={br.id} className={`im-seg ${COLORS[br.id]}${br.id === sel ? ' im-sel' : ''}`} style={{ height: `${(100 * br.outShape[2]) / total}%` }}>
                  {br.outShape[2]}
                </span>
              ))}
            </div>
            <span className="im-caption">
              <Metric name="output-shape" value={rawShape(m.outShape)}>{formatShape(m.outShape)}</Metric>
            </span>
          </div>
        </div>
        <p className="im-hint">{t.pick}</p>

        <div className="im-detail" data-detail={sel}>
          <h4>{names[sel]}</h4>
          <div className="im-table-wrap">
            <table className="im-table">
              <thead>
                <tr><th>{t.layer}</th><th>{t.shapeIn}</th><th>{t.shapeOut}</th><th className="num">{t.params}</th><th className="num">{t.multiplies}</th></tr>
              </thead>
              <tbody>
                {b.layers.map((l, i) => (
                  <tr key={i}>
                    <td>{l.kind === 'pool' ? fmt(t.layerPool, { f: l.f }) : fmt(t.layerConv, { f: l.f, c: l.cOut, cin: l.cIn })}</td>
                    <td>{formatShape(l.inShape)}</td>
                    <td>{formatShape(l.outShape)}</td>
                    <td className="num">{formatCount(l.params)}</td>
                    <td className="num">{formatCount(l.multiplies)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th colSpan={3}>{t.branchTotal}</th>
                  <td className="num"><Metric name="branch-params" value={b.params}>{formatCount(b.params)}</Metric></td>
                  <td className="num"><Metric name="branch-multiplies" value={b.multiplies}>{formatCount(b.multiplies)}</Metric></td>
                </tr>
              </tfoot>
            </table>
          </div>
          {sel === 'pool' && <Callout kind="note">{t.poolNote}</Callout>}
        </div>

        <h4>{t.concat}</h4>
        <Formula display tex={`28\\times 28\\times(${m.branches.map((br) => `\\underbrace{${br.outShape[2]}}_{${TEX_LABEL[br.id]}}`).join(' + ')}) = 28\\times 28\\times ${total}`} />
        <div className="im-metrics">
          <Metric name="module-multiplies" value={m.multiplies} label={t.totalMult}>{formatCount(m.multiplies)}</Metric>
          <Metric name="module-params" value={m.params} label={t.totalParams}>{formatCount(m.params)}</Metric>
        </div>
      </Card>
    </div>
  );
}
