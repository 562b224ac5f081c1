// The contents sidebar: this lesson's sections and this week's lessons. Collapsible on
// narrow screens (tablet portrait, phones); always open beside the text on wide ones.
import { useEffect, useState } from 'react';
import { useStrings } from '../ui/i18n';
import type { ParsedLesson } from '../lessons/parse';
import { headingText } from '../lessons/parse';
import type { LessonEntry } from '../lessons/lessonIndex';
import { lessonPageStrings } from './strings';
import { href } from './route';

export function LessonToc({ lesson, parsed, week }: { lesson: LessonEntry; parsed: ParsedLesson | null; week: readonly LessonEntry[] }) {
  const t = useStrings(lessonPageStrings);
  const [open, setOpen] = useState(false);
  const active = useActiveSection(parsed);
  const reduce = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const jump = (slug: string) => {
    const el = document.getElementById(slug);
    if (!el) return;
    el.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    (el.querySelector('h2') as HTMLElement | null)?.focus({ preventScroll: true });
    setOpen(false);
  };
  return (
    <nav className="toc" aria-label={t.contents} data-open={open}>
      <button type="button" className="toc-toggle btn btn-quiet" aria-expanded={open} aria-controls="toc-panel" onClick={() => setOpen((o) => !o)}>
        {t.contents}
      </button>
      <div className="toc-panel" id="toc-panel">
        {parsed && (
          <>
            <h2 className="toc-heading">{t.onThisPage}</h2>
            <ul className="toc-sections">
              {parsed.sections.map((s) => (
                <li key={s.slug}>
                  <button type="button" className="toc-link" aria-current={active === s.slug ? 'location' : undefined} onClick={() => jump(s.slug)}>
                    {s.title === null ? t.introduction : headingText(s.title)}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="toc-heading">{t.thisWeek}</h2>
        <ol className="toc-lessons">
          {week.map((l) => (
            <li key={l.id}>
              <a href={href({ page: 'lesson', lang: l.lang, id: l.id })} aria-current={l.id === lesson.id ? 'page' : undefined}>
                <span className="toc-num">{l.order}</span> {l.title}
              </a>
            </li>
          ))}
        </ol>
      </div>
    </nav>
  );
}

/** The section the reader is in: the last one whose top has scrolled past the upper third. */
function useActiveSection(parsed: ParsedLesson | null): string | null {
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    if (!parsed) return;
    const els = parsed.sections.map((s) => document.getElementById(s.slug)).filter((e): e is HTMLElement => !!e);
    const update = () => {
      const line = window.innerHeight / 3;
      let current = els[0]?.id ?? null;
      for (const el of els) if (el.getBoundingClientRect().top <= line) current = el.id;
      setActive(current);
    };
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    update();
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [parsed]);
  return active;
}
