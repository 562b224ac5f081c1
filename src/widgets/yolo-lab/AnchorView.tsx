// The anchors' k-means, shown as in the anchor-box lesson: every training box's shape as a
// dot (width across, height up, in pixels), coloured by its cluster, and each anchor as a
// rectangle from the origin with its size.
import { memo, useMemo } from 'react';
import { fmt } from '../../ui/i18n';
import type { YoloLabSnapshot } from './job/train';
import { anchorPlot } from './view';

interface Props {
  snapshot: Pick<YoloLabSnapshot, 'shapes' | 'shapeAnchor' | 'anchors' | 'anchorMeanIou'> | null;
  t: { anchorsTitle: string; anchorsNone: string; anchorsCaption: string; anchorsPlot: string; anchorSize: string };
}

/** Memoised: the page re-renders at every progress event, the anchors change once per run. */
export const AnchorView = memo(function AnchorView({ snapshot, t }: Props) {
  const plot = useMemo(() => (snapshot && snapshot.anchors.length ? anchorPlot(snapshot.shapes, snapshot.shapeAnchor, snapshot.anchors) : null), [snapshot]);
  const boxes = snapshot ? snapshot.shapes.length / 2 : 0;
  return (
    <figure className="yl-anchors" data-anchors={plot ? plot.anchors.length : 0}>
      <figcaption className="yl-h">{fmt(t.anchorsTitle, { n: boxes || '…' })}</figcaption>
      {plot ? (
        <>
          <svg viewBox={`-4 -4 ${plot.side + 8} ${plot.side + 8}`} role="img" aria-label={fmt(t.anchorsPlot, { k: plot.anchors.length })}>
            <rect className="yl-frame" x={0} y={0} width={plot.side} height={plot.side} />
            <text className="yl-axis" x={plot.side - 2} y={plot.side - 3} textAnchor="end">{plot.extent} px</text>
            <text className="yl-axis" x={3} y={10}>{plot.extent} px</text>
            {plot.points.map((p, i) => <circle key={i} className={`yl-dot yl-a${p.anchor % 5}`} cx={p.x} cy={p.y} r={1.6} />)}
            {plot.anchors.map((a, k) => (
              <g key={k} className={`yl-anchor yl-a${k % 5}`}>
                <rect x={0} y={plot.side - a.h} width={a.w} height={a.h} />
                <text x={a.w + 2} y={plot.side - a.h - 2}>{k + 1}</text>
              </g>
            ))}
          </svg>
          <ul className="yl-anchor-list">
            {plot.anchors.map((a, k) => (
              <li key={k} className={`yl-a${k % 5}`} data-anchor={k}>
                <span className="yl-swatch" />{fmt(t.anchorSize, { k: k + 1, w: a.wPx.toFixed(1), h: a.hPx.toFixed(1) })}
              </li>
            ))}
          </ul>
          <p className="yl-note">{fmt(t.anchorsCaption, { iou: snapshot!.anchorMeanIou.toFixed(3) })}</p>
        </>
      ) : (
        <p className="yl-note">{t.anchorsNone}</p>
      )}
    </figure>
  );
});
