// One query of an N-way one-shot episode on held-out characters: the new drawing, the N database
// drawings (one per character) with the distance of each encoding, and the nearest one circled.
// Follows the latest evaluation while the encoder trains.
import { useEffect, useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { PixelGrid } from '../../ui';
import type { Live } from '../../ui/live';
import type { GlyphOneShotSnapshot } from './job/glyphOneShot';
import { episodeQuery } from './view';
import { glyphStrings, scriptName } from './glyphStrings';

const PX = 28 * 28;

function Drawing({ bytes, row, label, widthEm }: { bytes: Uint8Array; row: number; label: string; widthEm: number }) {
  const values = useMemo(() => Float32Array.from(bytes.subarray(row * PX, (row + 1) * PX), (v) => v / 255), [bytes, row]);
  return <PixelGrid rows={28} cols={28} values={values} label={label} widthEm={widthEm} />;
}

export function GlyphEpisode({ snapshot, ways }: { snapshot: Live<GlyphOneShotSnapshot | null>; ways: 5 | 20 }) {
  const t = useStrings(glyphStrings);
  const [snap, setSnap] = useState(snapshot.get());
  const [k, setK] = useState(0);
  useEffect(() => {
    setSnap(snapshot.get());
    return snapshot.subscribe(setSnap);
  }, [snapshot]);
  if (!snap || !snap.supportCodes || !snap.queryCodes) return null;
  const flat = snap.episodes[`n${ways}`];
  const e = episodeQuery(flat, ways, k, snap.supportCodes, snap.queryCodes, snap.dim);
  // the code point, not the character itself: the page's fonts need not cover these scripts
  const char = (row: number) => fmt(t.character, { script: scriptName(t, snap.scripts[row]), code: `U+${snap.codes[row].toString(16).toUpperCase().padStart(4, '0')}` });
  const qRow = e.members[e.query];
  const right = e.pick === e.query;
  const small = ways > 5;
  return (
    <section className="os-episode" aria-label={t.episode}>
      <h4>{fmt(t.episodeTitle, { n: ways, script: scriptName(t, snap.scripts[qRow]) })}</h4>
      <div className="os-episode-row">
        <figure className="os-episode-query">
          <Drawing bytes={snap.query} row={qRow} label={fmt(t.queryLabel, { char: char(qRow) })} widthEm={4.2} />
          <figcaption>{t.queryCaption}</figcaption>
          <button type="button" onClick={() => setK((v) => v + 1)}>{t.nextQuery}</button>
        </figure>
        <ol className={`os-episode-db${small ? ' os-small' : ''}`} aria-label={t.database}>
          {e.members.map((row, i) => (
            <li key={row} className={`${i === e.pick ? 'os-match' : ''}${i === e.query ? ' os-truth' : ''}`} data-support={i}>
              <Drawing bytes={snap.support} row={row} label={char(row)} widthEm={small ? 2.4 : 3.2} />
              <span className="os-d">{e.distances[i].toFixed(2)}</span>
            </li>
          ))}
        </ol>
      </div>
      <p className={right ? 'os-right' : 'os-wrong'} data-answer={right ? 'right' : 'wrong'}>
        {fmt(right ? t.answerRight : t.answerWrong, { d: e.distances[e.pick].toFixed(2), truth: char(qRow), picked: char(e.members[e.pick]) })}
      </p>
    </section>
  );
}
