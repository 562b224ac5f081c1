// The lab ("Train a CNN") and the system check: each is one registry widget on its own page.
import { useEffect } from 'react';
import { useStrings } from '../ui/i18n';
import { WidgetHost } from '../lessons/WidgetHost';
import '../lessons/lesson.css';
import { lessonPageStrings } from './strings';

export default function ToolPage({ page }: { page: 'lab' | 'system' }) {
  const t = useStrings(lessonPageStrings);
  const title = page === 'lab' ? t.labTitle : t.systemTitle;
  useEffect(() => {
    document.title = `${title} · ConvLab`;
  }, [title]);
  return (
    <div className="tool-page" data-page={page}>
      <header className="lesson-header">
        <h1>{title}</h1>
        <p className="lesson-summary-lead">{page === 'lab' ? t.labIntro : t.systemIntro}</p>
      </header>
      {page === 'lab' ? <WidgetHost name="mnist-trainer" params={{}} /> : <WidgetHost name="system-check" params={{}} />}
    </div>
  );
}
