// A strip of unit thumbnails (each the average of the unit's nine best patches), a radio group
// with roving focus: Tab reaches the chosen unit, arrow keys / Home / End move the choice.
import { useRef, type KeyboardEvent } from 'react';
import { PixelGrid } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { nextUnit, stretch } from './view';
import type { LayerFeatures } from './job/analyse';
import { cnnFeaturesStrings } from './strings';

export function UnitStrip({ layer, unit, onUnit }: { layer: LayerFeatures; unit: number; onUnit(u: number): void }) {
  const t = useStrings(cnnFeaturesStrings);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const area = layer.rf.size * layer.rf.size;
  const key = (e: KeyboardEvent) => {
    const n = nextUnit(unit, e.key, layer.units);
    if (n === null) return;
    e.preventDefault();
    onUnit(n);
    refs.current[n]?.focus();
  };
  return (
    <div className="cf-units" role="radiogroup" aria-label={fmt(t.units, { n: layer.number })} onKeyDown={key}>
      {Array.from({ length: layer.units }, (_, u) => (
        <button key={u} type="button" role="radio" aria-checked={u === unit} tabIndex={u === unit ? 0 : -1}
          ref={(el) => void (refs.current[u] = el)} data-unit={u} className={u === unit ? 'cf-on' : ''}
          aria-label={fmt(t.unitButton, { u: u + 1 })} onClick={() => onUnit(u)}>
          <PixelGrid rows={layer.rf.size} cols={layer.rf.size} values={stretch(layer.thumbs.subarray(u * area, (u + 1) * area))}
            label={fmt(t.unitLabel, { u: u + 1 })} widthEm={2.6} />
          <span className="cf-unit-n">{u + 1}</span>
        </button>
      ))}
    </div>
  );
}
