// Lesson 44: two small activation volumes S and G (2–3 channels of 2×2 or 3×3, editable),
// their n_C × n_C Gram matrices G_kk' = Σ_i Σ_j a_ijk·a_ijk' and the layer's style cost
// 1/(2·n_H·n_W·n_C)² · Σ (G(S) − G(G))², all from the engine (worker job 'gram-style').
// Hovering a Gram entry spells out its sum of products, position by position.
import { useMemo, useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, CellGrid, ErrorNote, Formula, Metric, Select, useAsync, useThemePalette } from '../../ui';
import { divergingScale, formatCell, maxAbs, sequentialScale } from '../../viz';
import { DEFAULT_G, gramTerms, LESSON_S, packChannels, resizeChannels, rollChannel, type Channels } from './view';
import { computeClient } from '../../worker/client';
import { gramStrings } from './strings';
import type { GramMatrixParams } from './params';
import './style.css';

type Which = 's' | 'g';

export default function GramMatrix(_: WidgetProps<GramMatrixParams>) {
  const t = useStrings(gramStrings);
  const palette = useThemePalette();
  const [side, setSide] = useState(2);
  const [vol, setVol] = useState<Record<Which, Channels>>({ s: LESSON_S, g: DEFAULT_G });
  const [entry, setEntry] = useState<{ which: Which; k: number; k2: number }>({ which: 's', k: 0, k2: 1 });
  const nC = vol.s.length;
  const res = useAsync(
    () => computeClient().request('gram-style', { s: packChannels(vol.s, side), g: packChannels(vol.g, side) }).then((r) => ({ r, vol, side })),
    [vol, side],
  );
  const r = res.value && res.value.vol === vol ? res.value.r : null;
  const aScale = useMemo(() => divergingScale(Math.max(1, ...[...vol.s, ...vol.g].map((c) => maxAbs(c))), palette), [vol, palette]);
  const gMax = r ? Math.max(maxAbs(r.gS.data), maxAbs(r.gG.data)) : 1;
  const gScale = useMemo(() => sequentialScale(0, gMax, palette), [gMax, palette]);

  const resize = (newSide: number, channels: number) => {
    setVol((v) => ({ s: resizeChannels(v.s, side, newSide, channels), g: resizeChannels(v.g, side, newSide, channels) }));
    setSide(newSide);
    setEntry((e) => ({ ...e, k: Math.min(e.k, channels - 1), k2: Math.min(e.k2, channels - 1) }));
  };
  const edit = (which: Which, k: number) => (row: number, col: number, value: number) =>
    setVol((v) => ({ ...v, [which]: v[which].map((ch, i) => (i === k ? ch.map((x, p) => (p === row * side + col ? value : x)) : ch)) }));

  const volume = (which: Which) => (
    <div className="gm-volume">
      <h4>{which === 's' ? t.style : t.generated}</h4>
      <div className="gm-channels">
        {vol[which].map((ch, k) => (
          <figure key={k} className="gm-fig">
            <figcaption>{fmt(t.channelN, { k: k + 1 })}</figcaption>
            <CellGrid rows={side} cols={side} values={ch} cellEm={2.1} name={`${which}-ch${k + 1}`} label={`${which === 's' ? 'S' : 'G'} ${fmt(t.channelN, { k: k + 1 })}`}
              color={aScale} editable onEdit={edit(which, k)}
              cellState={() => (entry.which === which && (entry.k === k || entry.k2 === k) ? 'win' : undefined)} />
          </figure>
        ))}
      </div>
      {which === 'g' && (
        <div className="gm-moves">
          {vol.g.map((_, k) => (
            <button key={k} type="button" className="gm-button" data-action={`move-${k + 1}`} onClick={() => setVol((v) => ({ ...v, g: rollChannel(v.g, k) }))}>
              {fmt(t.move, { k: k + 1 })}
            </button>
          ))}
        </div>
      )}
    </div>
  );

  const gram = (which: Which) => {
    const g = r ? (which === 's' ? r.gS : r.gG) : null;
    const name = which === 's' ? t.gramS : t.gramG;
    return (
      <figure className="gm-fig" data-metric={`gram-${which}`} data-value={g ? Array.from(g.data).join(',') : ''}>
        <figcaption>{`${name}, ${nC}×${nC}`}</figcaption>
        <CellGrid rows={nC} cols={nC} values={g ? g.data : new Float32Array(nC * nC)} cellEm={2.6} name={`gram-${which}`} label={fmt(t.gramLabel, { name, c: nC })}
          color={gScale} cellState={(rr, cc) => (!g ? 'empty' : entry.which === which && entry.k === rr && entry.k2 === cc ? 'win' : undefined)}
          onCellHover={(c) => c && setEntry({ which, k: c.row, k2: c.col })} />
      </figure>
    );
  };

  const terms = gramTerms(vol[entry.which], entry.k, entry.k2);
  const gEntry = r ? (entry.which === 's' ? r.gS : r.gG).data[entry.k * nC + entry.k2] : null;
  const diffSq = r ? Array.from(r.gS.data, (v, i) => (v - r.gG.data[i]) ** 2) : [];
  const norm = 2 * side * side * nC;

  return (
    <div className="w-gram-matrix">
      <Card title={t.title}>
        <div className="gm-controls">
          <Select label={t.channels} value={String(nC)} options={[{ value: '2', label: '2' }, { value: '3', label: '3' }]} onChange={(v) => resize(side, Number(v))} />
          <Select label={t.size} value={String(side)} options={[{ value: '2', label: '2 × 2' }, { value: '3', label: '3 × 3' }]} onChange={(v) => resize(Number(v), nC)} />
        </div>
        <p className="gm-hint">{t.edit}</p>
        <div className="gm-volumes">{volume('s')}{volume('g')}</div>

        <div className="gm-grams">
          {gram('s')}
          {gram('g')}
          <div className="gm-entry">
            <p>{fmt(t.entry, { name: entry.which === 's' ? 'S' : 'G', k: entry.k + 1, k2: entry.k2 + 1 })}</p>
            <Formula tex={`G_{${entry.k + 1}${entry.k2 + 1}} = ${terms.map((x) => `${formatCell(x.a)}\\cdot ${formatCell(x.b)}`).join(' + ')} = ${gEntry === null ? '?' : formatCell(gEntry)}`} />
          </div>
        </div>
        {r && (
          <div className="gm-cost">
            <Formula display tex={`J^{[l]}_{\\text{style}} = \\frac{1}{(2\\cdot ${side}\\cdot ${side}\\cdot ${nC})^2}\\sum_{k}\\sum_{k'}\\big(G^{(S)}_{kk'} - G^{(G)}_{kk'}\\big)^2 = \\frac{${diffSq.map((d) => formatCell(d)).join(' + ')}}{${norm * norm}} = ${formatCell(r.cost, 5)}`} />
            <Metric name="style-cost" value={r.cost} label={t.cost}>{formatCell(r.cost, 5)}</Metric>
          </div>
        )}
        {!r && !res.error && <p className="gm-hint">{t.computing}</p>}
        {res.error && <ErrorNote>{fmt(t.engineError, { msg: res.error })}</ErrorNote>}
        <Callout kind="note">{t.moveNote} {t.notCorrelation}</Callout>
      </Card>
    </div>
  );
}
