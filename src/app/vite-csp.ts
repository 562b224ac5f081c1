// Vite plugin (build only): the content-security policy as a <meta http-equiv> in the built
// index.html. Scripts and workers come from the app's own origin only; 'wasm-unsafe-eval'
// lets WebAssembly compile (it allows no JavaScript eval); styles may be inline because
// React and KaTeX set style attributes. The dev server has no policy: Vite's hot reload
// injects inline scripts.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'convlab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // A policy only protects a page with no inline script of its own.
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('index.html has an inline <script>: the content-security policy would block it');
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
      },
    },
  };
}
