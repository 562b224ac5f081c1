// The table: input row, one row per layer (kind, its numbers, output shape, activation size,
// parameters, multiplies, move/remove), totals. A layer that cannot work says why in its
// row; rows after it show "—". Everything is computed by viz/layerTable (engine/shape.ts).
import { useMemo, useState } from 'react';
import { Select } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { formatCount, formatShape, rawShape } from '../../viz/format';
import { layerTable, type InputSpec, type LayerKind, type LayerProblem, type LayerSpec } from './view/layerTable';
import { presetArchitecture, type Architecture } from './view/layerPresets';
import type { WidgetProps } from '../types';
import { SHAPE_CALC_PRESETS, type ShapeCalcPreset, type ShapeCalculatorParams } from './params';
import { shapeCalcStrings } from './strings';
import { IntCell } from './fields';
import { Resnet50Table } from './Resnet50Table';
import './shape-calculator.css';

type Dict = ReturnType<typeof useStrings<typeof shapeCalcStrings.en>>;
interface Row { id: number; spec: LayerSpec }

const CUSTOM: Architecture = {
  input: { h: 28, w: 28, c: 1 },
  layers: [{ kind: 'conv', f: 3, s: 1, p: 0, filters: 8 }, { kind: 'maxpool', f: 2, s: 2 }, { kind: 'flatten' }, { kind: 'softmax', units: 10 }],
};
const KINDS: LayerKind[] = ['conv', 'maxpool', 'avgpool', 'flatten', 'dense', 'softmax'];

let nextId = 1;
const withIds = (layers: LayerSpec[]): Row[] => layers.map((spec) => ({ id: nextId++, spec }));

function architecture(preset: ShapeCalcPreset): Architecture {
  return preset === 'custom' || preset === 'resnet50' ? { input: { ...CUSTOM.input }, layers: CUSTOM.layers.map((l) => ({ ...l })) } : presetArchitecture(preset);
}

/** A new layer of a kind, carrying over f/s where it makes sense. */
function makeLayer(kind: LayerKind, old?: LayerSpec): LayerSpec {
  const f = old && 'f' in old ? old.f : kind === 'conv' ? 3 : 2;
  const s = old && 's' in old ? old.s : kind === 'conv' ? 1 : 2;
  switch (kind) {
    case 'conv': return { kind, f, s, p: 0, filters: 8 };
    case 'maxpool': case 'avgpool': return { kind, f, s };
    case 'flatten': return { kind };
    case 'dense': case 'softmax': return { kind, units: old && 'units' in old ? old.units : 10 };
  }
}

function problemText(p: LayerProblem, t: Dict): string {
  switch (p.code) {
    case 'filter-too-big': return fmt(t['problem-filter-too-big'], { f: p.f, padded: p.padded });
    case 'not-whole': return p.field === 'p' ? t['problem-not-whole-p'] : fmt(t['problem-not-whole-min1'], { field: p.field in t ? t[p.field as keyof Dict] : p.field });
    case 'needs-volume': return t['problem-needs-volume'];
    case 'bad-input': return t['problem-bad-input'];
  }
}

export default function ShapeCalculator({ params }: WidgetProps<ShapeCalculatorParams>) {
  const t = useStrings(shapeCalcStrings);
  const [preset, setPreset] = useState<ShapeCalcPreset>(params.preset);
  const [input, setInput] = useState<InputSpec>(() => architecture(params.preset).input);
  const [rows, setRows] = useState<Row[]>(() => withIds(architecture(params.preset).layers));
  const [addKind, setAddKind] = useState<LayerKind>('conv');
  const table = useMemo(() => layerTable(input, rows.map((r) => r.spec)), [input, rows]);

  const loadPreset = (p: ShapeCalcPreset) => {
    const a = architecture(p);
    setPreset(p);
    setInput(a.input);
    setRows(withIds(a.layers));
  };
  const edit = (next: Row[]) => {
    setRows(next);
    setPreset('custom');
  };
  const setField = (i: number, field: string, v: number | 'same') =>
    edit(rows.map((r, k) => (k === i ? { ...r, spec: { ...r.spec, [field]: v } as LayerSpec } : r)));
  const move = (i: number, d: -1 | 1) => {
    const next = rows.slice();
    [next[i], next[i + d]] = [next[i + d], next[i]];
    edit(next);
  };

  const fieldsOf = (spec: LayerSpec, i: number) => {
    const n = i + 1;
    const cell = (field: 'f' | 's' | 'p' | 'filters' | 'units', value: number | 'same', allowSame = false, width?: number) => (
      <label className="sc-field" key={field}>
        <span aria-hidden="true">{t[field]}</span>
        <IntCell value={value} allowSame={allowSame} width={width} label={fmt(t.fieldOf, { field: t[field], i: n })} onChange={(v) => setField(i, field, v)} />
      </label>
    );
    switch (spec.kind) {
      case 'conv': return [cell('f', spec.f, false, 2.6), cell('s', spec.s, false, 2.2), cell('p', spec.p, true, 3.4), cell('filters', spec.filters, false, 3.4)];
      case 'maxpool': case 'avgpool': return [cell('f', spec.f, false, 2.6), cell('s', spec.s, false, 2.2)];
      case 'dense': case 'softmax': return [cell('units', spec.units, false, 3.8)];
      case 'flatten': return [];
    }
  };

  const presetOptions = SHAPE_CALC_PRESETS.map((p) => ({ value: p, label: t[`preset-${p}`] }));
  const inputRow = table.rows[0];

  return (
    <div className="sc">
      <div className="sc-head">
        <strong>{t.title}</strong>
        <Select param="preset" label={t.preset} value={preset} options={presetOptions} onChange={loadPreset} />
      </div>
      {preset === 'resnet50' ? <Resnet50Table /> : <>
      <div className="sc-scroll">
        <table className="sc-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.layer}</th>
              <th scope="col">{t.output}</th>
              <th scope="col" className="num">{t.activation}</th>
              <th scope="col" className="num">{t.params}</th>
              <th scope="col" className="num">{t.multiplies}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="sc-input-row">
              <td>0</td>
              <td>
                <span className="sc-kind">{t.input}</span>{' '}
                {(['h', 'w', 'c'] as const).map((k) => (
                  <IntCell key={k} value={input[k]} label={`${t.input} ${t[k === 'h' ? 'height' : k === 'w' ? 'width' : 'channels']}`}
                    onChange={(v) => { setInput({ ...input, [k]: v as number }); setPreset('custom'); }} />
                ))}
                {inputRow.problem && <div className="sc-problem" role="status">{problemText(inputRow.problem, t)}</div>}
              </td>
              <td data-metric="layer-output" data-value={inputRow.output ? rawShape(inputRow.output) : ''}>{inputRow.output ? formatShape(inputRow.output) : '—'}</td>
              <td className="num">{inputRow.activation === null ? '—' : formatCount(inputRow.activation)}</td>
              <td className="num" data-metric="layer-params" data-value="0">0</td>
              <td className="num">0</td>
              <td />
            </tr>
            {rows.map((r, i) => {
              const row = table.rows[i + 1];
              const n = i + 1;
              return (
                <tr key={r.id} className={row.problem ? 'sc-bad' : row.blocked ? 'sc-blocked' : undefined}>
                  <td>{n}</td>
                  <td>
                    <div className="sc-layer">
                      <select className="sc-kind-select" aria-label={fmt(t.kindOf, { i: n })} value={r.spec.kind}
                        onChange={(e) => edit(rows.map((x, k) => (k === i ? { ...x, spec: makeLayer(e.target.value as LayerKind, x.spec) } : x)))}>
                        {KINDS.map((k) => <option key={k} value={k}>{t[k]}</option>)}
                      </select>
                      {fieldsOf(r.spec, i)}
                    </div>
                    {row.problem && <div className="sc-problem" role="status">{problemText(row.problem, t)}</div>}
                  </td>
                  <td data-metric="layer-output" data-value={row.output ? rawShape(row.output) : ''}>
                    {row.output ? formatShape(row.output) : row.blocked ? <span title={t.blocked}>—</span> : '—'}
                  </td>
                  <td className="num">{row.activation === null ? '—' : formatCount(row.activation)}</td>
                  <td className="num" data-metric="layer-params" data-value={row.params ?? ''}>{row.params === null ? '—' : formatCount(row.params)}</td>
                  <td className="num">{row.multiplies === null ? '—' : formatCount(row.multiplies)}</td>
                  <td className="sc-actions">
                    <button type="button" aria-label={fmt(t.moveUp, { i: n })} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                    <button type="button" aria-label={fmt(t.moveDown, { i: n })} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>↓</button>
                    <button type="button" aria-label={fmt(t.remove, { i: n })} onClick={() => edit(rows.filter((_, k) => k !== i))}>✕</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>{t.total}</th>
              <td className="num" data-metric="total-params" data-value={table.totals?.params ?? ''}>{table.totals ? formatCount(table.totals.params) : '—'}</td>
              <td className="num" data-metric="total-multiplies" data-value={table.totals?.multiplies ?? ''}>{table.totals ? formatCount(table.totals.multiplies) : '—'}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="sc-add">
        <select aria-label={t.addKind} value={addKind} onChange={(e) => setAddKind(e.target.value as LayerKind)}>
          {KINDS.map((k) => <option key={k} value={k}>{t[k]}</option>)}
        </select>
        <button type="button" onClick={() => edit([...rows, { id: nextId++, spec: makeLayer(addKind) }])}>+ {t.add}</button>
      </div>
      <p className="sc-note">{t.note}</p>
      </>}
    </div>
  );
}
