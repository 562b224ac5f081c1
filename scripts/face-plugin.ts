// A Vite plugin that packs the face networks (scripts/pack-face.mjs) into public/models/face/
// before Vite, Vitest or the build reads them; the script returns at once when they are current.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export function faceModels(): Plugin {
  let packed = false;
  return {
    name: 'convlab-face-models',
    buildStart() {
      if (packed) return;
      execFileSync(process.execPath, [fileURLToPath(new URL('./pack-face.mjs', import.meta.url))], { stdio: 'inherit' });
      packed = true;
    },
  };
}
