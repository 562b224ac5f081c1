// Pick a picture (digit, built-in, or upload) → one worker request runs the six edge filters
// as a [3,3,1,6] bank through the engine's conv2d → the maps side by side (diverging scale)
// and the Sobel gradient magnitude (sequential scale).
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { ErrorNote, Metric, PixelGrid, useParamInAddress, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { computeClient } from '../../worker/client';
import type { EdgeMapsResult } from './job/edgeMaps';
import { divergingScale, grayScale, maxAbs, sequentialScale } from '../../viz/colors';
import { EDGE_BANK, SOBEL_PAIR, filterBank } from './view';
import { rawShape } from '../../viz/format';
import { drawPicture, rgbaToGray, type Picture } from '../../data/pictures';
import type { WidgetProps } from '../types';
import { EDGE_SOURCES, type EdgeDetectParams } from './params';
import { readUpload, type UploadProblem } from '../shared/upload';
import { edgeStrings } from './strings';
import './edge-detect.css';

type Source = (typeof EDGE_SOURCES)[number] | 'upload';
const MNIST_SIDE = 28;
const errorText = (e: unknown) => (e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String(e.message) : String(e));

/** One MNIST test digit, cut out by the worker (which loads and caches the packed digits). */
async function loadDigit(index: number): Promise<{ picture: Picture; label: number; index: number }> {
  const job = computeClient().startJob('mnist-digit', { base: new URL('data/', document.baseURI).href, index }, { stepsPerSecond: 20 });
  const end = await job.finished;
  if (end.type !== 'done') throw new Error(end.type === 'error' ? end.error.message : 'cancelled');
  const pixels = end.snapshot?.pixels;
  if (!pixels || pixels.length !== MNIST_SIDE * MNIST_SIDE) throw new Error('no digit');
  return { picture: { width: MNIST_SIDE, height: MNIST_SIDE, data: pixels }, label: end.progress.label, index: end.progress.index };
}

export default function EdgeDetect({ params }: WidgetProps<EdgeDetectParams>) {
  const t = useStrings(edgeStrings);
  const palette = useThemePalette();
  const [source, setSource] = useState<Source>(params.source);
  useParamInAddress('source', source);
  const [digitIndex, setDigitIndex] = useState(() => Math.floor(Math.random() * 2000));
  const [digit, setDigit] = useState<{ picture: Picture; label: number; index: number } | null>(null);
  const [upload, setUpload] = useState<{ picture: Picture; note: string | null } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [result, setResult] = useState<{ for: Picture; maps: EdgeMapsResult } | null>(null);
  const [workError, setWorkError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // MNIST digits load on demand (only when that source is chosen).
  useEffect(() => {
    if (source !== 'digits') return;
    let live = true;
    loadDigit(digitIndex)
      .then((d) => {
        if (!live) return;
        setDigit(d);
        setLoadError(null);
      })
      .catch((e: unknown) => live && setLoadError(fmt(t.digitsFailed, { msg: errorText(e) })));
    return () => {
      live = false;
    };
  }, [source, digitIndex, t.digitsFailed]);

  // Built-in pictures are drawn in place (src/data/pictures.ts), once each.
  const builtIn = useRef(new Map<Source, Picture>());
  const picture: Picture | null = useMemo(() => {
    if (source === 'digits') return digit?.picture ?? null;
    if (source === 'upload') return upload?.picture ?? null;
    let p = builtIn.current.get(source);
    if (!p) builtIn.current.set(source, (p = drawPicture(source, 64)));
    return p;
  }, [source, digit, upload]);

  // One worker request per picture: all six filters in a single conv2d.
  useEffect(() => {
    if (!picture) return;
    let live = true;
    const bank = filterBank();
    computeClient()
      .request('edge-maps', { image: { shape: [1, picture.height, picture.width, 1], data: picture.data }, bank, magnitudes: [SOBEL_PAIR] })
      .then((maps) => {
        if (!live) return;
        setResult({ for: picture, maps });
        setWorkError(null);
      })
      .catch((e: unknown) => live && setWorkError(fmt(t.workerFailed, { msg: errorText(e) })));
    return () => {
      live = false;
    };
  }, [picture, t.workerFailed]);

  const problemText = (p: UploadProblem, name: string) =>
    p.code === 'too-big' ? fmt(t.tooBig, { name, mb: p.mb }) : p.code === 'too-small' ? fmt(t.tooSmall, { name, w: p.w, h: p.h }) : fmt(t.notImage, { name });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const r = await readUpload(file);
    if (!r.ok) {
      setUploadError(problemText(r.problem, file.name));
      return; // the previous picture stays
    }
    const { width, height } = r.pixels;
    const note = r.original.width !== width || r.original.height !== height
      ? fmt(t.downscaled, { w0: r.original.width, h0: r.original.height, w: width, h: height }) : null;
    setUploadError(null);
    setUpload({ picture: rgbaToGray(r.pixels.rgba, width, height), note });
    setSource('upload');
  };

  const shown = result && result.for === picture ? result.maps : null;
  const sources: Source[] = upload ? [...EDGE_SOURCES, 'upload'] : [...EDGE_SOURCES];
  const widthEm = 9.5;

  return (
    <div className="ed">
      <strong className="ed-title">{t.title}</strong>
      <div className="ed-controls">
        <fieldset className="ed-sources">
          <legend>{t.source}</legend>
          {sources.map((s) => (
            <label key={s}>
              <input type="radio" name="ed-source" data-param="source" value={s} checked={source === s} onChange={() => setSource(s)} /> {t[s]}
            </label>
          ))}
        </fieldset>
        {source === 'digits' && (
          <button type="button" className="ed-button" onClick={() => setDigitIndex((i) => (i + 1 + Math.floor(Math.random() * 97)) % 2000)}>
            {t.anotherDigit}
          </button>
        )}
        <label className="ed-file">
          <span>{t.chooseFile}</span>
          <input ref={fileRef} type="file" accept="image/*" onChange={onFile} />
        </label>
      </div>
      {uploadError && <ErrorNote alert>{uploadError}</ErrorNote>}
      {loadError && source === 'digits' && <ErrorNote alert>{loadError}</ErrorNote>}
      {workError && <ErrorNote alert>{workError}</ErrorNote>}
      {source === 'digits' && !digit && !loadError && <p className="ed-wait">{t.loadingDigits}</p>}
      {source === 'upload' && upload?.note && <p className="ed-note">{upload.note}</p>}
      {picture && (
        <div className="ed-grid">
          <figure>
            <PixelGrid rows={picture.height} cols={picture.width} values={picture.data} color={grayScale(0, 1)} widthEm={widthEm}
              label={fmt(t.original, { h: picture.height, w: picture.width })} name="picture" />
            <figcaption>
              {fmt(t.original, { h: picture.height, w: picture.width })}
              {source === 'digits' && digit && <><br />{fmt(t.digitLabel, { i: digit.index, label: digit.label })}</>}
            </figcaption>
            <Metric name="picture-size" value={rawShape([picture.height, picture.width])} className="ed-hidden" />
          </figure>
          {shown ? (
            <>
              {EDGE_BANK.map((name, k) => (
                <figure key={name}>
                  <PixelGrid rows={shown.height} cols={shown.width} values={shown.maps[k]} color={divergingScale(maxAbs(shown.maps[k]), palette)}
                    widthEm={widthEm} label={`${t[name]} ${shown.height}×${shown.width}`} name={`edge-${name}`} />
                  <figcaption>{t[name]}</figcaption>
                </figure>
              ))}
              <figure>
                <PixelGrid rows={shown.height} cols={shown.width} values={shown.magnitudes[0]} color={sequentialScale(0, maxAbs(shown.magnitudes[0]) || 1, palette)}
                  widthEm={widthEm} label={t.magnitude} name="edge-magnitude" />
                <figcaption>{t.magnitude}</figcaption>
              </figure>
            </>
          ) : (
            !workError && <p className="ed-wait">{t.computing}</p>
          )}
        </div>
      )}
      <Metric name="edge-map-count" value={shown ? shown.maps.length + shown.magnitudes.length : 0} className="ed-hidden" />
      <p className="ed-legend">{fmt(t.legend, { pos: t.blue, neg: t.orange })}</p>
    </div>
  );
}
