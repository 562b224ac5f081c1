import { describe, expect, it } from 'vitest';
import { href, parseRoute, queryOf, withLang } from '../../src/app/route';
import { NEXT_THEME, resolveTheme } from '../../src/app/theme';

describe('hash routes', () => {
  it('parses every page', () => {
    expect(parseRoute('')).toEqual({ page: 'root' });
    expect(parseRoute('#/')).toEqual({ page: 'root' });
    expect(parseRoute('#/zh')).toEqual({ page: 'map', lang: 'zh' });
    expect(parseRoute('#/en/lesson/padding')).toEqual({ page: 'lesson', lang: 'en', id: 'padding' });
    expect(parseRoute('#/en/lab')).toEqual({ page: 'lab', lang: 'en' });
    expect(parseRoute('#/zh/system')).toEqual({ page: 'system', lang: 'zh' });
    expect(parseRoute('#/en/embed/output-size?n=7&f=3')).toEqual({ page: 'embed', lang: 'en', widget: 'output-size' });
    expect(parseRoute('#/en/lesson/padding?output-size.n=7&slide=2')).toEqual({ page: 'lesson', lang: 'en', id: 'padding' });
  });
  it('an embed names exactly one widget; the query goes along with a language switch', () => {
    expect(parseRoute('#/en/embed')).toMatchObject({ page: 'not-found', lang: 'en' });
    expect(parseRoute('#/en/embed/a/b')).toMatchObject({ page: 'not-found', lang: 'en' });
    expect(withLang({ page: 'embed', lang: 'en', widget: 'iou' }, 'zh')).toBe('#/zh/embed/iou');
    expect(queryOf('#/en/lesson/padding?output-size.n=7')).toBe('?output-size.n=7');
    expect(queryOf('#/en/lesson/padding')).toBe('');
  });
  it('anything else is not found (keeping the language when it is known)', () => {
    expect(parseRoute('#/fr/lesson/x')).toMatchObject({ page: 'not-found', lang: null });
    expect(parseRoute('#/en/lesson')).toMatchObject({ page: 'not-found', lang: 'en' });
    expect(parseRoute('#/en/lesson/a/b')).toMatchObject({ page: 'not-found', lang: 'en' });
    expect(parseRoute('#/en/lab/x')).toMatchObject({ page: 'not-found', lang: 'en' });
  });
  it('href and parseRoute round-trip; the language switch keeps the page', () => {
    const r = { page: 'lesson', lang: 'en', id: 'non-max-suppression' } as const;
    expect(parseRoute(href(r))).toEqual(r);
    expect(withLang(r, 'zh')).toBe('#/zh/lesson/non-max-suppression');
    expect(withLang({ page: 'lab', lang: 'zh' }, 'en')).toBe('#/en/lab');
    expect(withLang({ page: 'not-found', lang: 'en', path: '/x' }, 'zh')).toBe('#/zh');
  });
});

describe('theme', () => {
  it('system follows the OS; explicit choices win; the button cycles through all three', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(NEXT_THEME[NEXT_THEME[NEXT_THEME.system]]).toBe('system');
  });
});
