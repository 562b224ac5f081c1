import { useEffect } from 'react';
import { fmt, useStrings, type Lang } from '../ui/i18n';
import { lessonPageStrings } from './strings';
import { href } from './route';

export function NotFound({ lang, lessonId, path }: { lang: Lang; lessonId?: string; path?: string }) {
  const t = useStrings(lessonPageStrings);
  useEffect(() => {
    document.title = `${t.notFoundTitle} · ConvLab`;
  }, [t]);
  return (
    <div className="not-found" data-not-found>
      <p className="not-found-code" aria-hidden="true">404</p>
      <h1>{t.notFoundTitle}</h1>
      <p>{lessonId ? fmt(t.unknownLesson, { id: lessonId }) : fmt(t.notFoundBody, { path: path ?? '' })}</p>
      <a className="btn btn-primary" href={href({ page: 'map', lang })}>{t.backToCourse}</a>
    </div>
  );
}
