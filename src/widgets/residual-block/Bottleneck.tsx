// The bottleneck block: the stage table (shapes and weights of 1×1 → 3×3 → 1×1 and the
// shortcut) and the block's output, computed by the engine (worker request 'residual-bottleneck').
import { useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Card, CellGrid, ErrorNote, Metric, Select, useAsync, useThemePalette } from '../../ui';
import { divergingScale } from '../../viz';
import { computeClient } from '../../worker/client';
import { BOTTLENECKS, bottleneckSaving, convWeightCount, packBottleneck, sameOut, type BottleneckCase, type BottleneckConv } from './view';
import { residualStrings } from './strings';

const CASES: BottleneckCase[] = ['identity', 'projection'];
const num = (v: number) => v.toLocaleString('en-US');

export function Bottleneck() {
  const t = useStrings(residualStrings);
  const palette = useThemePalette();
  const [kind, setKind] = useState<BottleneckCase>('identity');
  const res = useAsync(() => computeClient().request('residual-bottleneck', packBottleneck(kind)), [kind]);
  const setup = BOTTLENECKS[kind];
  const scale = useMemo(() => divergingScale(2, palette), [palette]);

  // each conv's output shape follows from the one before ('same' padding: ⌈n / stride⌉)
  let [h, w] = setup.input;
  const rows: { label: string; conv: BottleneckConv | null; shape: number[] }[] = [{ label: t.bnInput, conv: null, shape: [...setup.input] }];
  const labels = [t.bnReduce, t.bnSpatial, t.bnExpand];
  setup.convs.forEach((c, i) => {
    h = sameOut(h, c.stride);
    w = sameOut(w, c.stride);
    rows.push({ label: labels[i], conv: c, shape: [h, w, c.cout] });
  });
  rows.push({ label: setup.ws ? t.bnWs : t.bnIdentity, conv: setup.ws, shape: setup.ws ? [sameOut(setup.input[0], setup.ws.stride), sameOut(setup.input[1], setup.ws.stride), setup.ws.cout] : [...setup.input] });
  const weights = [...setup.convs, ...(setup.ws ? [setup.ws] : [])].reduce((s, c) => s + convWeightCount(c), 0);
  const out = res.value?.out ?? null;
  const saving = bottleneckSaving(256, 64);

  return (
    <Card title={t.bnTitle}>
      <p className="rb-note">{t.bnIntro}</p>
      <Select label={t.bnCase} value={kind} options={CASES.map((c) => ({ value: c, label: t[`bn-${c}`] }))} onChange={(v) => setKind(v as BottleneckCase)} />
      <table className="rb-stages" data-table="bottleneck">
        <thead>
          <tr><th>{t.bnLayer}</th><th>{t.bnFilter}</th><th>{t.bnStride}</th><th>{t.bnShape}</th><th>{t.bnWeights}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td>{r.conv ? `${r.conv.f}×${r.conv.f}×${r.conv.cin}, ${r.conv.cout}` : '—'}</td>
              <td>{r.conv ? r.conv.stride : '—'}</td>
              <td>{r.shape.join('×')}</td>
              <td>{r.conv ? num(convWeightCount(r.conv)) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rb-metrics">
        <Metric name="bottleneck-output-shape" value={out ? out.shape.slice(1).join('x') : null} label={t.bnOut}>{out ? out.shape.slice(1).join('×') : '—'}</Metric>
        <Metric name="bottleneck-weights" value={weights} label={t.bnWeights}>{num(weights)}</Metric>
      </div>
      {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}
      {out && (
        <figure className="rb-vec">
          <figcaption>{t.bnOutGrid}</figcaption>
          <CellGrid rows={out.shape[1] * out.shape[2]} cols={out.shape[3]} values={out.data} cellEm={1.9} name="bottleneck-out" label={t.bnOutGrid} color={scale} />
        </figure>
      )}
      <p className="rb-note">{fmt(t.bnSaving, { bottleneck: num(saving.bottleneck), basic: num(saving.basic) })}</p>
    </Card>
  );
}
