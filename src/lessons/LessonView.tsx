// Renders a parsed lesson: each `## ` section is an <section>; in presenter mode only the
// current one (one slide). KaTeX's stylesheet and fonts come with this chunk, not the course map.
import 'katex/dist/katex.min.css';
import './lesson.css';
import { useMemo } from 'react';
import type { ParsedLesson, Section } from './parse';
import { WidgetHost } from './WidgetHost';
import { useStrings } from '../ui/i18n';
import { widgetHostStrings } from './strings';

export interface LessonViewProps {
  lesson: ParsedLesson;
  /** Index of the one section to show (presenter mode), or null for all. */
  slide: number | null;
}

/**
 * Each widget block's name in the address: the widget's registry name, then `name~2`, `name~3`
 * for later ones of the same kind — counted over the whole lesson, so a slide's widgets keep
 * the names they have on the full page.
 */
export function widgetInstances(lesson: ParsedLesson): Map<object, string> {
  const seen = new Map<string, number>();
  const out = new Map<object, string>();
  for (const s of lesson.sections) {
    for (const b of s.blocks) {
      if (b.kind !== 'widget') continue;
      const k = (seen.get(b.name) ?? 0) + 1;
      seen.set(b.name, k);
      out.set(b, k === 1 ? b.name : `${b.name}~${k}`);
    }
  }
  return out;
}

export function LessonView({ lesson, slide }: LessonViewProps) {
  const sections = slide === null ? lesson.sections : lesson.sections.slice(slide, slide + 1);
  const instances = useMemo(() => widgetInstances(lesson), [lesson]);
  return (
    <div className="lesson-body">
      {sections.map((s) => (
        <LessonSection key={s.slug} section={s} instances={instances} />
      ))}
    </div>
  );
}

function LessonSection({ section, instances }: { section: Section; instances: Map<object, string> }) {
  const t = useStrings(widgetHostStrings);
  return (
    <section className="lesson-section" id={section.slug} aria-labelledby={section.titleHtml ? `${section.slug}-h` : undefined}>
      {section.titleHtml && (
        <h2 id={`${section.slug}-h`} tabIndex={-1} dangerouslySetInnerHTML={{ __html: section.titleHtml }} />
      )}
      {section.blocks.map((b, i) => {
        if (b.kind === 'html') return <div key={i} className="prose" dangerouslySetInnerHTML={{ __html: b.html }} />;
        if (b.kind === 'widget') return <WidgetHost key={i} name={b.name} params={b.params} text={b.text} instance={instances.get(b)} />;
        return (
          <div key={i} className="lesson-problem" role="alert">
            <strong>{t.lessonError}:</strong> {b.message}
          </div>
        );
      })}
    </section>
  );
}
