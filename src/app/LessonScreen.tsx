// A lesson page: header (week, title, actions), contents sidebar, the lesson, previous/next.
// Loaded lazily with markdown-it, KaTeX and the widget registry, so the course map stays light.
import { useEffect, useRef, useState } from 'react';
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
import { enterPresenter, exitPresenter, hashWithSlide, isTextField, isTypingTarget, slideFromHash, slideStep } from './presenter';
import { FitToScreen } from './FitToScreen';

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
  // A slide number in the address opens presenter mode on that slide (a shared link).
  const [slide, setSlide] = useState(() => Math.max(0, (slideFromHash(location.hash) ?? 1) - 1));
  const [attempt, setAttempt] = useState(0);
  const bar = useRef<HTMLDivElement>(null);
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

  useEffect(() => {
    if (slideFromHash(location.hash) !== null && !useStore.getState().presenter) useStore.getState().setPresenter(true);
  }, []);

  // Keyboard: p toggles presenter mode; in it, → / space / PageDown and ← / PageUp step
  // slides, Esc leaves. Listened for in the capture phase, before any widget: the slide keys
  // (which a clicker sends) always move slides unless a text field has focus.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const presenting = useStore.getState().presenter;
      if (e.key === 'p' || e.key === 'P') {
        if (e.defaultPrevented || isTypingTarget(e.target)) return;
        e.preventDefault();
        if (presenting) exitPresenter();
        else enterPresenter();
        return;
      }
      if (!presenting || isTextField(e.target)) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        exitPresenter();
        return;
      }
      const step = slideStep(e.key);
      if (step === 0 || !loaded) return; // slides are unknown until the lesson is parsed
      e.preventDefault();
      e.stopPropagation(); // the widget under the focus does not also act on it
      // A slide longer than the screen is paged through first, then the next slide comes.
      const root = document.documentElement;
      const page = window.innerHeight - (bar.current?.offsetHeight ?? 0) - 48;
      if (step > 0 && window.scrollY + window.innerHeight < root.scrollHeight - 2) return window.scrollBy({ top: page, behavior: 'instant' });
      if (step < 0 && window.scrollY > 2) return window.scrollBy({ top: -page, behavior: 'instant' });
      if (step > 0) {
        if (slide + 1 < slides) setSlide(slide + 1);
        else if (next) navigate(href({ page: 'lesson', lang: entry.lang, id: next.id }));
      } else if (slide > 0) setSlide(slide - 1);
      else if (prev) navigate(href({ page: 'lesson', lang: entry.lang, id: prev.id }));
    };
    // Space on a focused button would also click it when the key comes up.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && useStore.getState().presenter && !isTextField(e.target)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [slide, slides, next, prev, entry.lang, loaded]);

  // The slide number lives in the address while presenting (replaceState: no history spam).
  useEffect(() => {
    const want = presenter && loaded ? hashWithSlide(location.hash, Math.min(slide, slides - 1) + 1) : hashWithSlide(location.hash, null);
    if (want !== location.hash) history.replaceState(history.state, '', want);
  }, [presenter, slide, slides, loaded]);

  useEffect(() => {
    if (presenter) window.scrollTo(0, 0);
  }, [presenter, slide]);

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
        <FitToScreen active={presenter} reserveBottom={() => (bar.current?.offsetHeight ?? 0) + 12}>
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
        </FitToScreen>

        {presenter ? (
          <div className="presenter-bar" ref={bar}>
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
