// One-shot recognition (1:K): enrol one picture per person into a database kept in this browser
// (IndexedDB), then recognise a new picture as the nearest enrolled person within τ, or "not in
// the database". Delete removes a person (or everyone) from this browser.
import { useEffect, useId, useState } from 'react';
import { ErrorNote, Metric } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { RgbCanvas } from '../shared/RgbCanvas';
import { FaceInput } from './FaceInput';
import { deleteAllFaces, deleteFace, listFaces, saveFace, type StoredFace } from './faceDatabase';
import type { FaceModels } from './faceModels';
import type { EncodedFace } from './job/findFaces';
import { faceStrings } from './strings';
import { recognise } from './view';

export function Recognition({ models, tau, tauSlider }: { models: FaceModels | null; tau: number; tauSlider: React.ReactNode }) {
  const t = useStrings(faceStrings);
  const nameId = useId();
  const [people, setPeople] = useState<StoredFace[]>([]);
  const [persistent, setPersistent] = useState(true);
  const [name, setName] = useState('');
  const [candidate, setCandidate] = useState<EncodedFace | null>(null);
  const [enrolProblem, setEnrolProblem] = useState<string | null>(null);
  const [query, setQuery] = useState<EncodedFace | null>(null);
  // a fresh FaceInput after each enrolment (its photo is done with)
  const [enrolKey, setEnrolKey] = useState(0);

  useEffect(() => {
    let live = true;
    listFaces().then((all) => {
      if (!live) return;
      if (all === null) setPersistent(false);
      else setPeople(all);
    });
    return () => void (live = false);
  }, []);

  const enrol = async () => {
    if (!name.trim()) return setEnrolProblem(t.enrolNeedName);
    if (!candidate) return setEnrolProblem(t.enrolNeedFace);
    const person: StoredFace = { id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, name: name.trim(), descriptor: candidate.descriptor, crop: candidate.crop, added: Date.now() };
    if ((await saveFace(person)) === null) setPersistent(false);
    setPeople((p) => [...p, person]);
    setName('');
    setCandidate(null);
    setEnrolProblem(null);
    setEnrolKey((k) => k + 1);
  };
  const remove = async (id: string) => {
    await deleteFace(id);
    setPeople((p) => p.filter((x) => x.id !== id));
  };
  const removeAll = async () => {
    await deleteAllFaces();
    setPeople([]);
  };

  const r = query ? recognise(people, query.descriptor, tau) : null;
  const answer = !r ? '' : r.known ? fmt(t.recognised, { name: r.name, d: r.d.toFixed(3) })
    : r.nearest ? fmt(t.notInDb, { name: r.nearest.name, d: r.nearest.d.toFixed(3) }) : t.notInDbEmpty;
  return (
    <div className="fv-part">
      <h4>{t.dbTitle}</h4>
      <p className="fv-note">{t.dbPrivacy}</p>
      {!persistent && <ErrorNote>{t.dbUnavailable}</ErrorNote>}
      {people.length === 0 ? <p className="fv-note" data-face-db-size={0}>{t.dbEmpty}</p> : (
        <ul className="fv-db" data-face-db-size={people.length}>
          {people.map((p) => {
            const d = r?.distances.find((x) => x.id === p.id)?.d;
            return (
              <li key={p.id} className={r?.known && r.id === p.id ? 'fv-match' : undefined}>
                <RgbCanvas rgb={p.crop} width={150} label={p.name} em={4.5} />
                <span className="fv-db-name">{p.name}</span>
                {d !== undefined && <span className="fv-db-d">d = {d.toFixed(3)}</span>}
                <button type="button" onClick={() => void remove(p.id)} data-action="delete-face">{fmt(t.remove, { name: p.name })}</button>
              </li>
            );
          })}
        </ul>
      )}
      {people.length > 1 && <button type="button" onClick={() => void removeAll()} data-action="delete-all-faces">{t.removeAll}</button>}
      <div className="fv-enrol">
        <div className="ui-field">
          <label htmlFor={nameId}>{t.name}</label>
          <input id={nameId} type="text" value={name} maxLength={40} placeholder={t.namePlaceholder} onChange={(e) => setName(e.target.value)} data-input="face-name" />
        </div>
        <FaceInput key={enrolKey} name="enrol" title={t.enrol} models={models} onFace={setCandidate} />
        <button type="button" className="fv-primary" onClick={() => void enrol()} data-action="enrol">{t.enrol}</button>
        {enrolProblem && <ErrorNote>{enrolProblem}</ErrorNote>}
      </div>
      <div className="fv-query">
        <FaceInput name="query" title={t.query} models={models} onFace={setQuery} />
        <div className="fv-decision">
          {tauSlider}
          <Metric name="face-recognised" label="" value={!r ? null : r.known ? r.name : ''}>
            <span className={r?.known ? 'fv-same' : r ? 'fv-different' : undefined}>{answer || '—'}</span>
          </Metric>
        </div>
      </div>
      <p className="fv-note">{t.recogniseNote}</p>
    </div>
  );
}
