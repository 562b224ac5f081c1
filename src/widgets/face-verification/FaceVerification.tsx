// face-verification: a real face network (packed from face-api, running on our engine in the
// worker) for the course's face lessons: verification (1:1), one-shot recognition (1:K) against
// a database in this browser, and the triplet loss on the reader's own faces.
import { useEffect, useState } from 'react';
import { ErrorNote, Slider } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import type { WidgetProps } from '../types';
import { loadFaceModels, type FaceModels } from './faceModels';
import { FACE_PARTS, type FacePart, type FaceVerificationParams } from './params';
import { Recognition } from './Recognition';
import { faceStrings } from './strings';
import { Triplet } from './Triplet';
import { Verify } from './Verify';
import './style.css';

export default function FaceVerification({ params }: WidgetProps<FaceVerificationParams>) {
  const t = useStrings(faceStrings);
  const [part, setPart] = useState<FacePart>(params.part);
  const [tau, setTau] = useState(params.tau);
  const [models, setModels] = useState<FaceModels | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadFaceModels()
      .then((m) => live && setModels(m))
      .catch((e: unknown) => live && setLoadError(fmt(t.loadFailed, { msg: e instanceof Error ? e.message : String(e) })));
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const tauSlider = <Slider label={t.tau} value={tau} min={0.1} max={1.2} step={0.01} onChange={setTau} format={(v) => v.toFixed(2)} />;
  return (
    <div className="fv">
      <strong className="fv-title">{t.title}</strong>
      <p className="fv-intro">{t.intro}</p>
      <p className="fv-privacy">{t.privacy}</p>
      {loadError && <ErrorNote alert>{loadError}</ErrorNote>}
      {!loadError && !models && <p className="fv-note" data-face-loading="">{t.loading}</p>}
      <div className="fv-tabs" role="group" aria-label={t.parts}>
        {FACE_PARTS.map((p) => (
          <button key={p} type="button" aria-pressed={part === p} onClick={() => setPart(p)} data-part={p}>{t[p]}</button>
        ))}
      </div>
      {part === 'verify' && <Verify models={models} tau={tau} tauSlider={tauSlider} />}
      {part === 'recognise' && <Recognition models={models} tau={tau} tauSlider={tauSlider} />}
      {part === 'triplet' && <Triplet models={models} alpha0={params.alpha} />}
    </div>
  );
}
