// The latest evaluation on the test set: a 10×10 confusion matrix and a gallery of mistakes.
// They change once per evaluation (every ~1,000–2,000 training images), so React renders them when
// the evaluation's version changes, not on every snapshot.
import { memo, useEffect, useRef, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import type { Palette } from '../../viz/colors';
import { textOn } from '../../viz/colors';
import type { TrainMnistSnapshot } from './job/train';
import type { EvalView } from './job/views';
import type { Live } from '../../ui/live';
import { paintTiles, ramp, rampColour, toRgb } from './paint';
import { trainerStrings } from './strings';

export function useEvalView(snapshot: Live<TrainMnistSnapshot | null>): EvalView | null {
  const [view, setView] = useState<EvalView | null>(snapshot.get()?.eval ?? null);
  useEffect(
    () =>
      snapshot.subscribe((s) => {
        const e = s?.eval ?? null;
        setView((old) => (old?.version === e?.version && !!old === !!e ? old : e));
      }),
    [snapshot],
  );
  return view;
}

export const Confusion = memo(function Confusion({ view, palette }: { view: EvalView | null; palette: Palette }) {
  const t = useStrings(trainerStrings);
  const c = view?.confusion;
  let rowMax = 1;
  if (c) for (let i = 0; i < 100; i++) rowMax = Math.max(rowMax, c[i]);
  const shade = ramp(palette, 'signed');
  const cellColour = (n: number, diag: boolean) => {
    if (n === 0) return palette.zero;
    const [r, g, b] = diag ? rampColour(shade, Math.sqrt(n / rowMax), 1) : rampColour(shade, -Math.sqrt(Math.min(1, (n * 8) / rowMax)), 1);
    return `rgb(${r | 0},${g | 0},${b | 0})`;
  };
  return (
    <figure className="mt-panel mt-confusion">
      <figcaption>
        <strong>{t.confusion}</strong>
        <span className="mt-hint">{t.confusionLabel}</span>
      </figcaption>
      {!c ? (
        <p className="mt-hint">{t.notTested}</p>
      ) : (
        <table className="mt-cm" aria-label={t.confusion}>
          <thead>
            <tr>
              <th scope="col" className="mt-cm-corner">{t.truth} ↓ {t.predicted} →</th>
              {Array.from({ length: 10 }, (_, p) => <th scope="col" key={p}>{p}</th>)}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 10 }, (_, tr) => (
              <tr key={tr}>
                <th scope="row">{tr}</th>
                {Array.from({ length: 10 }, (_, p) => {
                  const n = c[tr * 10 + p];
                  const bg = cellColour(n, tr === p);
                  return (
                    <td key={p} style={{ background: bg, color: textOn(bg) }} title={fmt(t.confusionCell, { t: tr, p, n })} data-cell={`${tr}-${p}`}>
                      {n || ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
});

function MistakeTile({ pixels, palette, caption }: { pixels: Uint8Array; palette: Palette; caption: string }) {
  const cv = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (cv.current) paintTiles(cv.current, pixels, 28, 28, 1, false, ramp(palette, 'ink'), 255, toRgb(palette.bg), 1);
  }, [pixels, palette]);
  return (
    <figure className="mt-mistake">
      <canvas ref={cv} width={28} height={28} className="mt-pixels" role="img" aria-label={caption} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export const Mistakes = memo(function Mistakes({ view, palette }: { view: EvalView | null; palette: Palette }) {
  const t = useStrings(trainerStrings);
  return (
    <figure className="mt-panel mt-mistakes">
      <figcaption>
        <strong>{t.mistakes}</strong>
        <span className="mt-hint">{t.mistakesHint}</span>
      </figcaption>
      {!view || view.mistakes.length === 0 ? (
        <p className="mt-hint">{view ? t.noMistakes : t.notTested}</p>
      ) : (
        <div className="mt-gallery">
          {view.mistakes.map((m, k) => (
            <MistakeTile
              key={`${view.version}-${m.index}`}
              pixels={view.images.subarray(k * 784, (k + 1) * 784)}
              palette={palette}
              caption={fmt(t.mistakeCaption, { t: m.label, p: m.predicted, c: Math.round(m.confidence * 100) })}
            />
          ))}
        </div>
      )}
    </figure>
  );
});
