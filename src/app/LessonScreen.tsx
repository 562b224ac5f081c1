// A lesson page: header (week, title, actions), contents sidebar, the lesson, previous/next.
// Loaded lazily with markdown-it, KaTeX and the widget registry, so the course map stays light.
import { useEffect, useState } from 'react';
import { fmt, useStrings, type Lang } from '../ui/i18n';
import { useStore } from '../state/store';
import { findLesson, type LessonEntry } from '../lessons/lessonIndex';
import { loadLesson } from '../lessons/loader';
import type { ParsedLesson } from '../lessons/parse';
import { LessonView } from '../lessons/LessonView';
import { appStrings, lessonPageStrings } from './strings';
import { href, navigate } from './route';
import { LessonToc } from './LessonToc';
import { NotFound } from './NotFound';
import { enterPresenter, exitPresenter, isTypingTarget } from './presenter';

type Load = { file: string; lesson: ParsedLesson | null; error: string | null };

export default function LessonScreen({ lang, id }: { lang: Lang; id: string }) {
  const found = findLesson(lang, id);
  if (!found) return <NotFound lang={lang} lessonId={id} />;
  return <LessonPage key={found.lesson.file} entry={found.lesson} index={found.index} list={found.list} />;
}

function LessonPage({ entry, index, list }: { entry: LessonEntry; index: number; list: readonly LessonEntry[] }) {
  const t = useStrings(lessonPageStrings);
  const ta = useStrings(appStrings);
  const [load, setLoad] = useState<Load>({ file: entry.file, lesson: null, error: null });
  const [slide, setSlide] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const presenter = useStore((s) => s.presenter);
  const completed = useStore((s) => !!s.completed[entry.id]);
  const setCompleted = useStore((s) => s.setCompleted);
  const markVisited = useStore((s) => s.markVisited);
  const prev = list[index - 1] ?? null;
  const next = list[index + 1] ?? null;
  const parsed = load.file === entry.file ? load.lesson : null;
  const slides = parsed?.sections.length ?? 1;
  const loaded = parsed !== null;

  useEffect(() => {
    let live = true;
    if (attempt > 0) setLoad({ file: entry.file, lesson: null, error: null });
    loadLesson(entry).then(
      (lesson) => live && setLoad({ file: entry.file, lesson, error: null }),
      (e: unknown) => live && setLoad({ file: entry.file, lesson: null, error: e instanceof Error ? e.message : String(e) }),
    );
    markVisited(entry.id);
    document.title = `${entry.title} · ConvLab`;
    if (!useStore.getState().presenter) window.scrollTo(0, 0);
    return () => {
      live = false;
    };
  }, [entry, markVisited, attempt]);

  // Keyboard: p toggles presenter mode; in it, → / space / ← step slides, Esc leaves.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        if (useStore.getState().presenter) exitPresenter();
        else enterPresenter();
        return;
      }
      if (!useStore.getState().presenter) return;
      if (e.key !== 'Escape' && !loaded) return; // slides are unknown until the lesson is parsed
      // Keys pressed inside an interactive belong to it (its sliders, buttons, step keys).
      if (e.key !== 'Escape' && e.target instanceof Element && e.target.closest('.widget-slot')) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        exitPresenter();
      } else if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') {
        e.preventDefault();
        if (slide + 1 < slides) setSlide(slide + 1);
        else if (next) navigate(href({ page: 'lesson', lang: entry.lang, id: next.id }));
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        if (slide > 0) setSlide(slide - 1);
        else if (prev) navigate(href({ page: 'lesson', lang: entry.lang, id: prev.id }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [slide, slides, next, prev, entry.lang, loaded]);

  // Leaving full screen with the browser's own Esc also leaves presenter mode.
  useEffect(() => {
    const onFs = () => {
      if (!document.fullscreenElement && useStore.getState().presenter) useStore.getState().setPresenter(false);
    };
    document.addEventListener('fullscreenchange', onFs);
    return () => document.removeEventListener('fullscreenchange', onFs);
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle('presenting', presenter);
    return () => document.documentElement.classList.remove('presenting');
  }, [presenter]);

  const week = list.filter((l) => l.week === entry.week);
  const current = Math.min(slide, slides - 1);

  return (
    <div className={`lesson-layout${presenter ? ' is-presenting' : ''}`} data-lesson={entry.id}>
      {!presenter && <LessonToc lesson={entry} parsed={parsed} week={week} />}
      <article className="lesson" aria-busy={!parsed && !load.error}>
        <header className="lesson-header">
          <p className="eyebrow">
            {fmt(ta.week, { n: entry.week })} · {fmt(t.lessonOf, { n: entry.order })}
          </p>
          <h1 data-lesson-title>{entry.title}</h1>
          {!presenter && <p className="lesson-summary-lead">{entry.summary}</p>}
          {!presenter && (
            <div className="lesson-actions">
              <button type="button" className={`btn${completed ? ' btn-done' : ''}`} aria-pressed={completed} data-control="complete" onClick={() => setCompleted(entry.id, !completed)}>
                {completed ? `✓ ${t.isComplete}` : t.markComplete}
              </button>
              <button type="button" className="btn btn-quiet" data-control="presenter" title={t.presentHint} onClick={() => enterPresenter()}>
                {t.present} <kbd>P</kbd>
              </button>
            </div>
          )}
        </header>

        {load.error && (
          <div className="panel panel-error" role="alert" data-lesson-error>
            <p>{fmt(t.loadFailed, { message: load.error })}</p>
            <button type="button" className="btn" data-action="retry" onClick={() => setAttempt((a) => a + 1)}>{t.retry}</button>
          </div>
        )}
        {!parsed && !load.error && <div className="lesson-loading" role="status">{t.loading}</div>}
        {parsed && parsed.problems.length > 0 && (
          <div className="panel panel-error" role="alert">
            <p>{t.problemsTitle}</p>
            <ul>{parsed.problems.map((p, i) => <li key={i}><code>{entry.file}:{p.line}</code> {p.message}</li>)}</ul>
          </div>
        )}
        {parsed && <LessonView lesson={parsed} slide={presenter ? current : null} />}

        {presenter ? (
          <div className="presenter-bar">
            <button type="button" className="btn btn-quiet" onClick={() => (current > 0 ? setSlide(current - 1) : prev && navigate(href({ page: 'lesson', lang: entry.lang, id: prev.id })))} aria-label={t.prevSlide}>←</button>
            <span className="slide-count" data-metric="slide" data-value={current + 1} aria-live="polite">{fmt(t.slideOf, { i: current + 1, n: slides })}</span>
            <button type="button" className="btn btn-quiet" onClick={() => (current + 1 < slides ? setSlide(current + 1) : next && navigate(href({ page: 'lesson', lang: entry.lang, id: next.id })))} aria-label={t.nextSlide}>→</button>
            <button type="button" className="btn btn-quiet" data-control="exit-presenter" onClick={() => exitPresenter()}>{t.exitPresent}</button>
          </div>
        ) : (
          <nav className="lesson-nav" aria-label={`${t.prev} / ${t.next}`}>
            {prev ? (
              <a className="lesson-nav-link prev" href={href({ page: 'lesson', lang: entry.lang, id: prev.id })} rel="prev">
                <span className="lesson-nav-dir">← {t.prev}</span>
                <span className="lesson-nav-title">{prev.title}</span>
              </a>
            ) : <a className="lesson-nav-link prev" href={href({ page: 'map', lang: entry.lang })}><span className="lesson-nav-dir">← {t.backToCourse}</span></a>}
            {next && (
              <a className="lesson-nav-link next" href={href({ page: 'lesson', lang: entry.lang, id: next.id })} rel="next">
                <span className="lesson-nav-dir">{t.next} →</span>
                <span className="lesson-nav-title">{next.title}</span>
              </a>
            )}
          </nav>
        )}
      </article>
    </div>
  );
}
