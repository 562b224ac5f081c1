// Recognition mode (1:K): one picture per unseen class in the database; pick an input, read its
// distance to every entry, and the answer: the closest entry with d ≤ τ, else "not recognised".
import { useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Metric } from '../../ui';
import { formatCell } from '../../viz/format';
import { database, recognise } from './view';
import type { OneShotSet } from '../shared/job/embedding/oneShot';
import { Digit } from './parts';
import { oneShotStrings } from './strings';

export function Recognition({ set, tau }: { set: OneShotSet; tau: number }) {
  const t = useStrings(oneShotStrings);
  const db = useMemo(() => database(set), [set]);
  const queries = useMemo(() => {
    // three more digits of each unseen class, then the strangers (digits 0–6)
    const out: number[] = [];
    for (const c of set.unseen) {
      let n = 0;
      for (let i = 0; i < set.labels.length && n < 3; i++) if (set.labels[i] === c && !db.includes(i)) {
          out.push(i);
          n++;
        }
    }
    const strangers = new Set<number>();
    for (let i = 0; i < set.labels.length && strangers.size < 4; i++) {
      const l = set.labels[i];
      if (!set.unseen.includes(l) && ![...strangers].some((j) => set.labels[j] === l)) strangers.add(i);
    }
    out.push(...strangers);
    return out;
  }, [set, db]);
  const [q, setQ] = useState(0);
  const query = queries[Math.min(q, queries.length - 1)];
  const r = recognise(set, query, db, tau);
  const label = set.labels[query];
  const inDb = set.unseen.includes(label);
  const answer = r.match >= 0 ? set.labels[db[r.match]] : null;
  const right = inDb ? answer === label : answer === null;
  const c = (x: number) => formatCell(x, 3);
  return (
    <div className="os-recog">
      <fieldset className="os-queries">
        <legend>{t.query}</legend>
        {queries.map((i, k) => (
          <button type="button" key={i} aria-pressed={k === q} data-query={k} onClick={() => setQ(k)} className={k === q ? 'os-on' : ''}>
            <Digit set={set} i={i} label={fmt(t.image, { label: set.labels[i] })} widthEm={2.4} />
          </button>
        ))}
        <p className="os-note">{t.queryNote}</p>
      </fieldset>
      <div className="os-db">
        <h4>{t.dbTitle}</h4>
        <div className="os-db-row">
          {db.map((j, k) => (
            <div key={j} className={`os-db-entry${k === r.match ? ' os-match' : ''}${r.distances[k] <= tau ? ' os-within' : ''}`}>
              <Digit set={set} i={j} label={fmt(t.image, { label: set.labels[j] })} />
              <span>{set.labels[j]}</span>
              <Metric name={`db-distance-${set.labels[j]}`} value={r.distances[k]}>{fmt(t.dbDistance, { d: c(r.distances[k]) })}</Metric>
            </div>
          ))}
        </div>
        <p className="os-answer">
          {t.answer}: <strong data-answer={answer ?? 'unknown'}>{answer === null ? t.unknown : fmt(t.recognised, { label: answer })}</strong>
        </p>
        <p className={right ? 'os-right' : 'os-wrong'}>
          {right ? '✓ ' : '✗ '}
          {fmt(right ? (inDb ? t.recogRight : t.recogRightUnknown) : inDb ? t.recogWrong : t.recogWrongUnknown, { label })}
        </p>
      </div>
    </div>
  );
}
