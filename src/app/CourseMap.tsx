// The course map: four weeks, every lesson a plain link with its summary and progress.
import { useState } from 'react';
import { fmt, useStrings, type Lang } from '../ui/i18n';
import { useStore } from '../state/store';
import { lessonIndexErrors, lessonsOf, WEEKS, type LessonEntry } from '../lessons/lessonIndex';
import { appStrings } from './strings';
import { href } from './route';
import { ConfirmDialog } from '../ui/ConfirmDialog';

export function CourseMap({ lang }: { lang: Lang }) {
  const t = useStrings(appStrings);
  const lessons = lessonsOf(lang);
  const visited = useStore((s) => s.visited);
  const completed = useStore((s) => s.completed);
  const exercisesPassed = useStore((s) => s.exercisesPassed);
  const resetProgress = useStore((s) => s.resetProgress);
  const [confirming, setConfirming] = useState(false);
  const errors = lessonIndexErrors();
  const done = lessons.filter((l) => completed[l.id]).length;
  const seen = lessons.filter((l) => visited[l.id] || completed[l.id]).length;
  const next = lessons.find((l) => !completed[l.id]);
  const weekTitles = [t.week1, t.week2, t.week3, t.week4];

  return (
    <div className="course-map" data-course-map>
      <section className="hero">
        <p className="eyebrow">{t.tagline}</p>
        <h1>{t.courseTitle}</h1>
        <p className="hero-intro">{t.mapIntro}</p>
        {lessons.length > 0 && (
          <div className="hero-progress">
            <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={lessons.length} aria-valuenow={done} aria-label={fmt(t.progressSummary, { done, total: lessons.length, visited: seen })}>
              <span style={{ width: `${(100 * done) / lessons.length}%` }} />
            </div>
            <p className="progress-text" data-metric="lessons-completed" data-value={done}>
              {fmt(t.progressSummary, { done, total: lessons.length, visited: seen })}
            </p>
            <div className="hero-actions">
              {next && (
                <a className="btn btn-primary" href={href({ page: 'lesson', lang, id: next.id })}>
                  {done === 0 && seen === 0 ? t.startHere : fmt(t.continueAt, { title: next.title })}
                </a>
              )}
              {seen > 0 && (
                <button type="button" className="btn btn-quiet" data-control="reset-progress" onClick={() => setConfirming(true)}>
                  {t.resetProgress}
                </button>
              )}
            </div>
          </div>
        )}
      </section>

      {errors.length > 0 && (
        <div className="panel panel-error" role="alert">
          <p>{t.lessonErrors}</p>
          <ul>{errors.map((e) => <li key={e}><code>{e}</code></li>)}</ul>
        </div>
      )}
      {lessons.length === 0 && <p className="panel">{t.noLessons}</p>}

      <div className="weeks">
        {WEEKS.map((w) => {
          const list = lessons.filter((l) => l.week === w);
          if (list.length === 0) return null;
          return (
            <section className="week" key={w} aria-labelledby={`week-${w}`}>
              <h2 id={`week-${w}`}>
                <span className="week-num">{fmt(t.week, { n: w })}</span>
                <span className="week-title">{weekTitles[w - 1]}</span>
              </h2>
              <ol className="lesson-list">
                {list.map((l) => (
                  <li key={l.id}>
                    <LessonCard
                      lesson={l}
                      lang={lang}
                      state={completed[l.id] ? 'completed' : visited[l.id] ? 'visited' : 'new'}
                      exercises={Object.keys(exercisesPassed?.[l.id] ?? {}).length}
                    />
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>

      <section className="tools" aria-labelledby="tools-h">
        <h2 id="tools-h">{t.toolsTitle}</h2>
        <div className="tool-cards">
          <a className="tool-card" href={href({ page: 'lab', lang })}>
            <strong>{t.navLab}</strong>
            <span>{t.labDesc}</span>
          </a>
          <a className="tool-card" href={href({ page: 'system', lang })}>
            <strong>{t.navSystem}</strong>
            <span>{t.systemDesc}</span>
          </a>
        </div>
      </section>

      <ConfirmDialog
        open={confirming}
        title={t.resetConfirmTitle}
        body={t.resetConfirmBody}
        confirmLabel={t.confirmReset}
        cancelLabel={t.cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          resetProgress();
          setConfirming(false);
        }}
      />
    </div>
  );
}

function LessonCard({ lesson, lang, state, exercises }: { lesson: LessonEntry; lang: Lang; state: 'new' | 'visited' | 'completed'; exercises: number }) {
  const t = useStrings(appStrings);
  const label = state === 'completed' ? t.completed : state === 'visited' ? t.visited : t.notStarted;
  return (
    <a className="lesson-card" href={href({ page: 'lesson', lang, id: lesson.id })} data-progress={state}>
      <span className="lesson-num" aria-hidden="true">{String(lesson.order).padStart(2, '0')}</span>
      <span className="lesson-text">
        <span className="lesson-title">{lesson.title}</span>
        <span className="lesson-summary">{lesson.summary}</span>
        {exercises > 0 && (
          <span className="exercise-mark" data-exercises-passed={exercises}>
            {fmt(t.exercisesPassed, { n: exercises })}
          </span>
        )}
      </span>
      <span className={`progress-mark progress-${state}`} title={label}>
        <span className="visually-hidden">{label}</span>
      </span>
    </a>
  );
}
