// Hash routes: the URL says which page and which language, so a link can be shared and
// survives a reload on any static host.
//   #/  #/en  #/zh  #/en/lesson/<id>  #/en/lab  #/en/system   (anything else → not found)
//   #/en/embed/<widget>: one widget alone, no header or footer (for an <iframe> in slides or a
//   course site). Any page may carry a query after `?` (widget settings, the slide number).
import { useSyncExternalStore } from 'react';
import type { Lang } from '../ui/i18n';

export type Route =
  | { page: 'root' }
  | { page: 'map'; lang: Lang }
  | { page: 'lesson'; lang: Lang; id: string }
  | { page: 'lab'; lang: Lang }
  | { page: 'system'; lang: Lang }
  | { page: 'embed'; lang: Lang; widget: string }
  | { page: 'not-found'; lang: Lang | null; path: string };

const isLang = (s: string | undefined): s is Lang => s === 'en' || s === 'zh';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/[?].*$/, '');
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts.length === 0) return { page: 'root' };
  const [lang, page, id, ...rest] = parts;
  if (!isLang(lang)) return { page: 'not-found', lang: null, path };
  if (!page) return { page: 'map', lang };
  if (page === 'lesson' && id && rest.length === 0) return { page: 'lesson', lang, id };
  if ((page === 'lab' || page === 'system') && !id) return { page, lang };
  if (page === 'embed' && id && rest.length === 0) return { page, lang, widget: id };
  return { page: 'not-found', lang, path };
}

export function href(route: Exclude<Route, { page: 'root' } | { page: 'not-found' }>): string {
  switch (route.page) {
    case 'map':
      return `#/${route.lang}`;
    case 'lesson':
      return `#/${route.lang}/lesson/${encodeURIComponent(route.id)}`;
    case 'embed':
      return `#/${route.lang}/embed/${encodeURIComponent(route.widget)}`;
    default:
      return `#/${route.lang}/${route.page}`;
  }
}

/** The `?…` part of a hash (widget settings, slide number), or ''. */
export function queryOf(hash: string): string {
  const q = hash.indexOf('?');
  return q < 0 ? '' : hash.slice(q);
}

/** The same page in another language (the language switch keeps you where you are). */
export function withLang(route: Route, lang: Lang): string {
  if (route.page === 'root' || route.page === 'not-found') return `#/${lang}`;
  return href({ ...route, lang } as Exclude<Route, { page: 'root' } | { page: 'not-found' }>);
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function navigate(to: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', to);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = to;
  }
}
