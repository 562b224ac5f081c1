// Hash routes: the URL says which page and which language, so a link can be shared and
// survives a reload on any static host.
//   #/  #/en  #/zh  #/en/lesson/<id>  #/en/lab  #/en/system   (anything else → not found)
import { useSyncExternalStore } from 'react';
import type { Lang } from '../ui/i18n';

export type Route =
  | { page: 'root' }
  | { page: 'map'; lang: Lang }
  | { page: 'lesson'; lang: Lang; id: string }
  | { page: 'lab'; lang: Lang }
  | { page: 'system'; lang: Lang }
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
  return { page: 'not-found', lang, path };
}

export function href(route: Exclude<Route, { page: 'root' } | { page: 'not-found' }>): string {
  switch (route.page) {
    case 'map':
      return `#/${route.lang}`;
    case 'lesson':
      return `#/${route.lang}/lesson/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.lang}/${route.page}`;
  }
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
