// Renders a parsed lesson: each `## ` section is an <section>; in presenter mode only the
// current one (one slide). KaTeX's stylesheet and fonts come with this chunk, not the course map.
import 'katex/dist/katex.min.css';
import './lesson.css';
import type { ParsedLesson, Section } from './parse';
import { WidgetHost } from './WidgetHost';
import { useStrings } from '../ui/i18n';
import { widgetHostStrings } from './strings';

export interface LessonViewProps {
  lesson: ParsedLesson;
  /** Index of the one section to show (presenter mode), or null for all. */
  slide: number | null;
}

export function LessonView({ lesson, slide }: LessonViewProps) {
  const sections = slide === null ? lesson.sections : lesson.sections.slice(slide, slide + 1);
  return (
    <div className="lesson-body">
      {sections.map((s) => (
        <LessonSection key={s.slug} section={s} />
      ))}
    </div>
  );
}

function LessonSection({ section }: { section: Section }) {
  const t = useStrings(widgetHostStrings);
  return (
    <section className="lesson-section" id={section.slug} aria-labelledby={section.titleHtml ? `${section.slug}-h` : undefined}>
      {section.titleHtml && (
        <h2 id={`${section.slug}-h`} tabIndex={-1} dangerouslySetInnerHTML={{ __html: section.titleHtml }} />
      )}
      {section.blocks.map((b, i) => {
        if (b.kind === 'html') return <div key={i} className="prose" dangerouslySetInnerHTML={{ __html: b.html }} />;
        if (b.kind === 'widget') return <WidgetHost key={i} name={b.name} params={b.params} text={b.text} />;
        return (
          <div key={i} className="lesson-problem" role="alert">
            <strong>{t.lessonError}:</strong> {b.message}
          </div>
        );
      })}
    </section>
  );
}
