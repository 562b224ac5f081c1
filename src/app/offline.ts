/// <reference types="vite-plugin-pwa/vanillajs" />
// The page's side of the service worker: register it (built app only) and tell the page
// when a new version is waiting, so it can offer a reload.
import { useSyncExternalStore } from 'react';
// Bundled with the entry (a few kB), not a chunk of its own: the first load stays three files.
import { registerSW } from 'virtual:pwa-register';

let updateReady = false;
let update: ((reload?: boolean) => Promise<void>) | null = null;
const listeners = new Set<() => void>();
const set = (v: boolean) => {
  updateReady = v;
  for (const l of listeners) l();
};

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  update = registerSW({
    onNeedRefresh: () => set(true),
    // A failed registration (private mode, file://) only means no offline copy.
    onRegisterError: (e: unknown) => console.warn('ConvLab: offline copy unavailable', e),
  });
}

/** True once a new version has been downloaded and waits for the reader's go-ahead. */
export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    (cb) => (listeners.add(cb), () => listeners.delete(cb)),
    () => updateReady,
  );
}

/** Switch to the waiting version and reload. */
export function applyUpdate(): void {
  if (!update) return location.reload();
  // Workbox reloads by itself only if this page was already controlled when it registered;
  // on a first visit it was not, so reload when the new version takes over.
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  void update(true);
}

export function dismissUpdate(): void {
  set(false);
}
