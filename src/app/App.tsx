// The app: hash route → page; the language comes from the URL and is remembered.
import { Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { LangContext, useStrings, type Lang } from '../ui/i18n';
import { useStore } from '../state/store';
import { navigate, parseRoute, useHash, type Route } from './route';
import { useApplyTheme } from './theme';
import { Header } from './Header';
import { CourseMap } from './CourseMap';
import { NotFound } from './NotFound';
import { appStrings } from './strings';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { lazyRetry } from '../ui/lazyRetry';
import { AppCrash, SavedDataNotice } from './AppCrash';
import { UpdatePrompt } from './UpdatePrompt';

const LessonScreen = lazyRetry(() => import('./LessonScreen'));
const ToolPage = lazyRetry(() => import('./ToolPage'));
const EmbedPage = lazyRetry(() => import('./EmbedPage'));

export function App() {
  const route = parseRoute(useHash());
  const savedLang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  const theme = useStore((s) => s.theme);
  const lang: Lang = (route.page !== 'root' && route.lang) || savedLang;
  useApplyTheme(theme);

  useEffect(() => {
    if (route.page === 'root') navigate(`#/${savedLang}`, true);
  }, [route.page, savedLang]);
  useEffect(() => {
    if (route.page !== 'root' && route.lang && route.lang !== savedLang) setLang(route.lang);
  }, [route, savedLang, setLang]);
  useLayoutEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  return (
    <LangContext.Provider value={lang}>
      {route.page === 'embed' ? <Embed widget={route.widget} lang={lang} /> : <Shell route={route} lang={lang} />}
    </LangContext.Provider>
  );
}

function Shell({ route, lang }: { route: Route; lang: Lang }) {
  const t = useStrings(appStrings);
  const main = useRef<HTMLElement>(null);
  const key = route.page === 'lesson' ? `lesson/${route.id}` : route.page;
  const first = useRef(true);
  const repaired = useStore((s) => s.savedRepaired);
  const dismissRepaired = useStore((s) => s.dismissSavedNotice);
  // On navigation, move focus to the new page (screen readers announce it) unless presenting.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!useStore.getState().presenter) main.current?.focus({ preventScroll: true });
  }, [key, lang]);
  useEffect(() => {
    if (route.page === 'map') document.title = `${t.courseTitle} · ConvLab`;
  }, [route.page, t]);

  return (
    <div className="app">
      <Header route={route} lang={lang} />
      <main id="main" ref={main} tabIndex={-1}>
        {repaired.length > 0 && <SavedDataNotice parts={repaired} onDismiss={dismissRepaired} />}
        {/* A page that fails shows a panel; the header and other pages keep working. */}
        <ErrorBoundary resetKey={`${key}/${lang}`} fallback={(error, retry) => <AppCrash error={error} retry={retry} />}>
          <Suspense fallback={<div className="page-loading" role="status" aria-label="…"><span className="spinner" aria-hidden="true" /></div>}>
            <Page route={route} lang={lang} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <UpdatePrompt />
      <footer className="app-footer">
        <span>ConvLab</span> · <span>{t.footer}</span>
      </footer>
    </div>
  );
}

/** A widget alone: no header, footer or update prompt; a failure still shows a panel. */
function Embed({ widget, lang }: { widget: string; lang: Lang }) {
  return (
    <main id="main" className="embed-main">
      <ErrorBoundary resetKey={`${widget}/${lang}`} fallback={(error, retry) => <AppCrash error={error} retry={retry} />}>
        <Suspense fallback={<div className="page-loading" role="status" aria-label="…"><span className="spinner" aria-hidden="true" /></div>}>
          <EmbedPage widget={widget} lang={lang} />
        </Suspense>
      </ErrorBoundary>
    </main>
  );
}

function Page({ route, lang }: { route: Route; lang: Lang }) {
  switch (route.page) {
    case 'root':
    case 'map':
      return <CourseMap lang={lang} />;
    case 'lesson':
      return <LessonScreen lang={route.lang} id={route.id} />;
    case 'lab':
    case 'system':
      return <ToolPage page={route.page} />;
    case 'embed':
      return <EmbedPage widget={route.widget} lang={route.lang} />;
    default:
      return <NotFound lang={lang} path={route.path} />;
  }
}
