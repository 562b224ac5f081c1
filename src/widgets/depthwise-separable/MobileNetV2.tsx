// The MobileNet v2 bottleneck block on n×n×c: expansion ×6 (1×1), 3×3 depthwise (same),
// projection (1×1) back to c channels, and the residual add around it. Shapes and
// multiplies from engine/shape.ts (viz/depthwise mobileNetV2Block).
import { fmt, useStrings } from '../../ui/i18n';
import { formatCount, formatShape } from '../../viz/format';
import { mobileNetV2Block } from './view';
import { sizeOf } from '../../engine/shape';
import { VolumeGlyph } from '../shared/VolumeGlyph';
import { dwStrings } from './strings';

export function MobileNetV2({ n, c }: { n: number; c: number }) {
  const t = useStrings(dwStrings);
  const b = mobileNetV2Block(n, c);
  const maxC = b.expand.outShape[2];
  const glyph = (shape: [number, number, number], tone: 'in' | 'mid' | 'out') => <VolumeGlyph shape={shape} maxC={maxC} maxN={n} em={3.4} tone={tone} />;
  const step = (name: string, m: number) => (
    <div className="dw-v2-step">
      <span>{name}</span>
      <span aria-hidden="true" className="dw-v2-arrow">⟶</span>
      <span className="dw-v2-mult">{fmt(t.mult, { m: formatCount(m) })}</span>
    </div>
  );
  return (
    <section className="dw-v2" data-v2="">
      <h4>{t.v2Title}</h4>
      <div className="dw-v2-flow">
        {glyph(b.input, 'in')}
        {step(t.expand, b.expand.multiplies)}
        {glyph(b.expand.outShape, 'mid')}
        {step(t.dw3, b.depthwise.multiplies)}
        {glyph(b.depthwise.outShape, 'mid')}
        {step(t.project, b.project.multiplies)}
        {glyph(b.project.outShape, 'out')}
        <span className="dw-v2-plus" aria-hidden="true">⊕</span>
      </div>
      <div className="dw-v2-skip"><span>{t.residual}</span></div>
      <p className="dw-desc">{fmt(t.v2Note, { shape: `${formatShape(b.project.outShape)} = ${formatCount(sizeOf(b.project.outShape))}`, wide: b.expand.outShape[2] })}</p>
    </section>
  );
}
