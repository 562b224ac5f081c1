import type { Lang } from '../ui/i18n';
import { fmt, useStrings } from '../ui/i18n';
import { useStore } from '../state/store';
import { appStrings } from './strings';
import { href, queryOf, withLang, type Route } from './route';
import { NEXT_THEME } from './theme';

export function Header({ route, lang }: { route: Route; lang: Lang }) {
  const t = useStrings(appStrings);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const themeName = { system: t.themeSystem, light: t.themeLight, dark: t.themeDark }[theme];
  const current = (page: Route['page']) => (route.page === page ? 'page' : undefined);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t.skipToContent}
      </a>
      <a className="brand" href={href({ page: 'map', lang })}>
        <BrandMark />
        <span className="brand-name">ConvLab</span>
      </a>
      <nav className="main-nav" aria-label={t.mainNav}>
        <a href={href({ page: 'map', lang })} aria-current={current('map') ?? current('lesson')}>{t.navCourse}</a>
        <a href={href({ page: 'lab', lang })} aria-current={current('lab')}>{t.navLab}</a>
        <a href={href({ page: 'system', lang })} aria-current={current('system')}>{t.navSystem}</a>
      </nav>
      <div className="header-tools">
        {/* The widgets' settings in the address (written without a re-render) go along. */}
        <a className="btn btn-quiet" href={withLang(route, other)} onClick={(e) => { e.currentTarget.href = withLang(route, other) + queryOf(location.hash); }} hrefLang={other === 'zh' ? 'zh-CN' : 'en'} lang={other === 'zh' ? 'zh-CN' : 'en'} title={t.switchLang} data-control="lang">
          {t.otherLang}
        </a>
        <button type="button" className="btn btn-quiet" data-control="theme" data-theme-choice={theme} title={t.themeHint} aria-label={fmt(t.theme, { mode: themeName })} onClick={() => setTheme(NEXT_THEME[theme])}>
          <ThemeIcon choice={theme} /> <span className="theme-label">{fmt(t.theme, { mode: themeName })}</span>
        </button>
      </div>
    </header>
  );
}

function BrandMark() {
  // A 3×3 filter over a grid: the course in one glyph.
  return (
    <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="22" height="22" rx="5" fill="var(--accent)" />
      {[0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => (
        <rect key={`${r}${c}`} x={5 + c * 5} y={5 + r * 5} width="4" height="4" rx="1" fill="var(--accent-contrast)" opacity={(r + c) % 2 ? 0.55 : 1} />
      )))}
    </svg>
  );
}

function ThemeIcon({ choice }: { choice: string }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
      {choice === 'dark' && <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" fill="currentColor" />}
      {choice === 'light' && (
        <>
          <circle cx="12" cy="12" r="4.5" />
          <path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8" />
        </>
      )}
      {choice === 'system' && (
        <>
          <circle cx="12" cy="12" r="8.5" />
          <path d="M12 3.5a8.5 8.5 0 0 0 0 17z" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
