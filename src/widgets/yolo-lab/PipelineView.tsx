// YOLO's inference on one held-out scene, from the network's own raw outputs of the last
// held-out pass: all S·S·B decoded boxes → those whose best class score clears the threshold →
// per-class non-max suppression. Three pictures side by side, the true boxes dashed on the last.
import { memo, useMemo } from 'react';
import { fmt } from '../../ui/i18n';
import { RgbCanvas } from '../shared/RgbCanvas';
import type { DetectionScene } from '../../data/detectionScenes';
import type { ScoredBox } from '../../geometry/yoloPipeline';
import { boxRect, scenePipeline } from './view';
import { NMS_IOU, SIZE } from './params';

const SIDE = 100; // SVG units over each picture

interface Props {
  scene: DetectionScene;
  index: number;
  testRaw: Float32Array | null;
  anchors: Float32Array | null;
  threshold: number;
  classNames: string[];
  t: { stageRaw: string; stageKept: string; stageFinal: string; truth: string; noPass: string; sceneLabel: string };
}

/** A box's label above its top-left corner, or right-aligned to its right edge near the picture's right side. */
function Tag({ b, text }: { b: ScoredBox; text: string }) {
  const right = b.box.x1 > 0.55;
  return <text x={right ? Math.min(SIDE - 1, b.box.x2 * SIDE) : Math.max(1, b.box.x1 * SIDE + 1)} y={Math.max(6, b.box.y1 * SIDE - 1)} textAnchor={right ? 'end' : 'start'}>{text}</text>;
}

function Panel({ scene, boxes, label, caption, note, stage, opacityByScore, truth, classNames }: {
  scene: DetectionScene; boxes: ScoredBox[]; label: string; caption: string; note?: string; stage: string; opacityByScore?: boolean; truth?: boolean; classNames: string[];
}) {
  return (
    <figure className="yl-stage" data-stage={stage} data-boxes={boxes.length}>
      <div className="yl-picture">
        <RgbCanvas rgb={scene.image.data} width={SIZE} label={label} em={13} />
        <svg viewBox={`0 0 ${SIDE} ${SIDE}`} aria-hidden="true">
          {truth && scene.objects.map((o, k) => (
            <rect key={`t${k}`} className="yl-truth" {...boxRect({ x1: o.box.x1 / SIZE, y1: o.box.y1 / SIZE, x2: o.box.x2 / SIZE, y2: o.box.y2 / SIZE }, SIDE)} />
          ))}
          {boxes.map((b) => (
            <g key={b.slot} className={`yl-det yl-c${b.classId}`} style={opacityByScore ? { opacity: Math.max(0.04, b.score) } : undefined}>
              <rect {...boxRect(b.box, SIDE)} />
              {!opacityByScore && <Tag b={b} text={`${classNames[b.classId]} ${b.score.toFixed(2)}`} />}
            </g>
          ))}
        </svg>
      </div>
      <figcaption>{caption}{note && <><br />{note}</>}</figcaption>
    </figure>
  );
}

/** Memoised: it changes with the scene, the threshold or a new held-out pass, not with every progress event. */
export const PipelineView = memo(function PipelineView({ scene, index, testRaw, anchors, threshold, classNames, t }: Props) {
  const stages = useMemo(() => (testRaw && testRaw.length && anchors && anchors.length ? scenePipeline(testRaw, anchors, index, threshold) : null), [testRaw, anchors, index, threshold]);
  if (!stages) return <p className="yl-note">{t.noPass}</p>;
  const cap = [
    fmt(t.stageRaw, { n: stages.raw.length }),
    fmt(t.stageKept, { t: threshold.toFixed(2), n: stages.kept.length }),
    fmt(t.stageFinal, { iou: NMS_IOU, n: stages.final.length }),
  ];
  const label = (c: string) => fmt(t.sceneLabel, { k: index + 1, stage: c });
  return (
    <div className="yl-pipeline">
      <Panel scene={scene} boxes={stages.raw} stage="raw" label={label(cap[0])} caption={cap[0]} opacityByScore classNames={classNames} />
      <Panel scene={scene} boxes={stages.kept} stage="kept" label={label(cap[1])} caption={cap[1]} classNames={classNames} />
      <Panel scene={scene} boxes={stages.final} stage="final" label={label(cap[2])} caption={cap[2]} note={fmt(t.truth, { n: scene.objects.length })} truth classNames={classNames} />
    </div>
  );
});
