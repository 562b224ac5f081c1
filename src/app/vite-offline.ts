// Offline: a service worker (Workbox, through vite-plugin-pwa) and a web app manifest.
// The app itself — every lesson, every widget, the worker, KaTeX's fonts, the ResNet-50
// stem weights style transfer uses (0.45 MB) — is precached on the first visit, so after one
// visit the whole course works with the network off. The large MNIST digit files (about
// 7.8 MB) and the face networks (6.7 MB) are cached the first time something reads them (the
// lab, the MNIST widgets, the face lessons). A new
// deployment waits until the reader agrees to reload (the page shows a prompt), so a lesson
// in progress is never swapped mid-way.
import { VitePWA } from 'vite-plugin-pwa';

export function offlinePlugin() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: null, // registered from the app's own module (no inline script: CSP)
    manifest: {
      name: 'ConvLab — Convolutional Neural Networks',
      short_name: 'ConvLab',
      description: 'An interactive companion to the Convolutional Neural Networks course',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f6f7f9',
      theme_color: '#2d5bd7',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      // icon.svg comes with the manifest; data/*.u8 are cached on first use (below).
      globPatterns: ['**/*.{js,css,html,woff2,woff,ttf,wasm}', 'models/*', 'data/*.json'],
      // The biggest precached file is well under this; the MNIST files are not precached.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: 'index.html',
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ url }) => /\/data\/[^/]+\.u8$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'convlab-data', expiration: { maxEntries: 32 } },
        },
        {
          // the face networks (6.7 MB), fetched only by the face lessons
          urlPattern: ({ url }) => /\/models\/face\/[^/]+$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'convlab-face-models', expiration: { maxEntries: 8 } },
        },
      ],
    },
  });
}
