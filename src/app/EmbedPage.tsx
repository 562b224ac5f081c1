// One widget alone at its own address (`#/en/embed/output-size?n=7&f=3&p=0&s=2`), without the
// header and footer, for an <iframe> in slides or on a course site. Its settings come from the
// address (bare keys), over the widget's defaults; a link leads back to the lesson it belongs to.
import { useEffect } from 'react';
import { fmt, useStrings, type Lang } from '../ui/i18n';
import { WidgetHost } from '../lessons/WidgetHost';
import { lessonWithWidget } from '../lessons/lessonIndex';
import { isRegistered } from '../widgets/registry';
import '../lessons/lesson.css';
import { embedStrings } from './strings';
import { href } from './route';
import { NotFound } from './NotFound';

export default function EmbedPage({ lang, widget }: { lang: Lang; widget: string }) {
  const t = useStrings(embedStrings);
  const lesson = lessonWithWidget(lang, widget);
  useEffect(() => {
    document.title = `${lesson ? lesson.title : widget} · ConvLab`;
  }, [lesson, widget]);
  if (!isRegistered(widget)) return <NotFound lang={lang} path={`/${lang}/embed/${widget}`} />;
  const back = lesson ? href({ page: 'lesson', lang, id: lesson.id }) : href({ page: 'map', lang });
  return (
    <div className="embed-page" data-embed={widget}>
      <WidgetHost name={widget} params={{}} instance="" />
      <p className="embed-back">
        {/* Inside an iframe the lesson opens in a new tab, not in the slide. */}
        <a href={back} target="_blank" rel="noopener" data-embed-back="">
          {lesson ? fmt(t.fromLesson, { title: lesson.title }) : t.openCourse}
        </a>
      </p>
    </div>
  );
}
