// One face to compare: a photo from a file or from the camera → the worker finds the faces and
// encodes them → the photo with the face boxes (click one to choose it) and the 150×150 crop the
// network saw. Hands the chosen face (its encoding) to the parent.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { ErrorNote } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { computeClient } from '../../worker/client';
import type { RequestResult } from '../../worker/protocol';
import { RgbCanvas } from '../shared/RgbCanvas';
import { readUpload, type UploadProblem } from '../shared/upload';
import type { FaceModels } from './faceModels';
import type { EncodedFace } from './job/findFaces';
import { faceStrings } from './strings';
import { useCamera, type CameraProblem } from './useCamera';

/** Photos are read at most this large: faces stay sharp enough for the 150×150 crop. */
export const PHOTO_SIDE = 1024;
const MAX_FACES = 6;

type Photo = { rgba: Uint8ClampedArray; width: number; height: number };
type Strings = (typeof faceStrings)['en'];

function uploadText(t: Strings, p: UploadProblem, name: string): string {
  if (p.code === 'too-big') return fmt(t.tooBig, { name, mb: p.mb });
  if (p.code === 'too-small') return fmt(t.tooSmall, { name, w: p.w, h: p.h });
  return fmt(t.notImage, { name });
}

function cameraText(t: Strings, p: CameraProblem): string {
  if (p.code === 'denied') return t.cameraDenied;
  if (p.code === 'no-camera') return t.noCamera;
  return fmt(t.cameraFailed, { msg: p.msg });
}

/** The chosen face's 68 landmarks and the turned square the recogniser's crop was cut from. */
function AlignedMarks({ face, stroke }: { face: EncodedFace; stroke: number }) {
  const { cx, cy, side, angle } = face.aligned;
  const deg = (angle * 180) / Math.PI;
  const dots = [];
  for (let i = 0; i < 68; i++) dots.push(<circle key={i} cx={face.landmarks[2 * i]} cy={face.landmarks[2 * i + 1]} r={stroke * 0.9} className="fv-landmark" />);
  return (
    <g>
      <rect x={cx - side / 2} y={cy - side / 2} width={side} height={side} transform={`rotate(${deg} ${cx} ${cy})`} className="fv-aligned" strokeWidth={stroke} />
      {dots}
    </g>
  );
}

function PhotoView({ photo, faces, chosen, onChoose, label }: { photo: Photo; faces: EncodedFace[]; chosen: number; onChoose: (k: number) => void; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) ctx.putImageData(new ImageData(new Uint8ClampedArray(photo.rgba), photo.width, photo.height), 0, 0);
  }, [photo]);
  const stroke = Math.max(2, Math.max(photo.width, photo.height) / 160);
  return (
    <div className="fv-photo" role="img" aria-label={label}>
      <canvas ref={ref} width={photo.width} height={photo.height} />
      <svg viewBox={`0 0 ${photo.width} ${photo.height}`} aria-hidden="true">
        {faces.map((f, k) => (
          <rect key={k} x={f.box.x1} y={f.box.y1} width={f.box.x2 - f.box.x1} height={f.box.y2 - f.box.y1}
            className="fv-box" strokeWidth={k === chosen ? 1.5 * stroke : stroke} onClick={() => onChoose(k)} />
        ))}
        {faces[chosen] && <AlignedMarks face={faces[chosen]} stroke={stroke} />}
      </svg>
    </div>
  );
}

export interface FaceInputProps {
  /** short name for the hooks: data-face-input, the file input's data-input */
  name: string;
  title: string;
  models: FaceModels | null;
  onFace: (f: EncodedFace | null) => void;
}

export function FaceInput({ name, title, models, onFace }: FaceInputProps) {
  const t = useStrings(faceStrings);
  const fileId = useId();
  const cam = useCamera(PHOTO_SIDE);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [result, setResult] = useState<RequestResult<'face-encode'> | null>(null);
  const [chosen, setChosen] = useState(0);
  const [status, setStatus] = useState<'idle' | 'reading' | 'finding'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  const encode = (p: Photo) => {
    if (!models) return;
    setPhoto(p);
    setResult(null);
    setStatus('finding');
    onFace(null);
    computeClient()
      .request('face-encode', { ...models, photo: { rgba: p.rgba.slice(), width: p.width, height: p.height }, maxFaces: MAX_FACES }, { latest: `face-${name}` })
      .then((r) => {
        setStatus('idle');
        setResult(r);
        setChosen(0);
        setProblem(r.faces.length ? null : t.noFace);
        onFace(r.faces[0] ?? null);
      })
      .catch((e: { code?: string; message?: string }) => {
        if (e.code === 'superseded') return;
        setStatus('idle');
        setProblem(fmt(t.failed, { msg: e.message ?? String(e) }));
      });
  };

  const onFile = async (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    if (!file) return;
    setStatus('reading');
    setProblem(null);
    const r = await readUpload(file, PHOTO_SIDE);
    if (!r.ok) {
      setStatus('idle');
      setProblem(uploadText(t, r.problem, file.name));
      return;
    }
    encode(r.pixels);
  };

  const onTake = () => {
    const frame = cam.take();
    if (frame) encode(frame);
  };

  const choose = (k: number) => {
    if (!result?.faces[k]) return;
    setChosen(k);
    onFace(result.faces[k]);
  };

  const faces = result?.faces ?? [];
  const face = faces[chosen] ?? null;
  const found = result?.found ?? 0;
  const summary = !result || found === 0 ? null
    : found === 1 ? fmt(t.oneFace, { score: faces[0].score.toFixed(2) })
    : found > faces.length ? fmt(t.manyFaces, { n: found, k: faces.length })
    : fmt(t.severalFaces, { n: found });
  return (
    <section className="fv-input" data-face-input={name} aria-label={title}>
      <h4>{title}</h4>
      <div className="fv-input-controls">
        <input id={fileId} type="file" accept="image/*" data-input={`face-${name}`} onChange={onFile} disabled={!models} />
        <label className="fv-file" htmlFor={fileId}>{t.choose}</label>
        {cam.on ? (
          <>
            <button type="button" className="fv-primary" onClick={onTake} data-action="take-picture">{t.take}</button>
            <button type="button" onClick={cam.stop} data-action="camera-off">{t.stopCamera}</button>
          </>
        ) : (
          <button type="button" onClick={() => void cam.start()} disabled={!models} data-action="camera">{t.camera}</button>
        )}
      </div>
      {cam.on && (
        <>
          <video ref={cam.video} className="fv-video" muted playsInline aria-label={t.cameraOn} />
          <p className="fv-note">{t.cameraOn}</p>
        </>
      )}
      {cam.problem && <ErrorNote>{cameraText(t, cam.problem)}</ErrorNote>}
      {status !== 'idle' && <p className="fv-note" aria-live="polite">{status === 'reading' ? t.reading : t.finding}</p>}
      {problem && <ErrorNote>{problem}</ErrorNote>}
      {photo && (
        <div className="fv-result">
          <PhotoView photo={photo} faces={faces} chosen={chosen} onChoose={choose} label={t.photoLabel} />
          {face && (
            <figure className="fv-crop">
              <RgbCanvas rgb={face.crop} width={150} label={fmt(t.cropLabel, { which: title })} em={7.5} name={`crop-${name}`} />
              <figcaption>{t.crop}</figcaption>
            </figure>
          )}
        </div>
      )}
      {summary && <p className="fv-note" data-faces-found={found}>{summary}</p>}
      {faces.length > 1 && (
        <div className="fv-choose">
          {faces.map((f, k) => (
            <button key={k} type="button" aria-pressed={k === chosen} onClick={() => choose(k)}>
              {fmt(t.faceButton, { k: k + 1, score: f.score.toFixed(2) })}
            </button>
          ))}
        </div>
      )}
      {result && face && <p className="fv-timing">{fmt(t.timing, { det: Math.round(result.ms.detect), enc: Math.round(result.ms.encode) })}</p>}
    </section>
  );
}
