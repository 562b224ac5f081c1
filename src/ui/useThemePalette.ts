// useThemePalette(): the colour-scale palette of the current theme, read from the CSS
// variables --pos, --neg, --scale-zero (else --panel, else --bg), --fg, --bg on <html>.
// Re-reads when <html>/<body> attributes change (data-theme, class) or the system scheme flips,
// so canvases and SVG fills follow light / dark / presenter themes.
import { useEffect, useState } from 'react';
import { DARK_PALETTE, LIGHT_PALETTE, type Palette } from '../viz/colors';

function readPalette(): Palette {
  if (typeof document === 'undefined' || typeof getComputedStyle !== 'function') return LIGHT_PALETTE;
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string) => cs.getPropertyValue(name).trim();
  const dark =
    document.documentElement.dataset.theme === 'dark' ||
    (!document.documentElement.dataset.theme && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);
  const base = dark ? DARK_PALETTE : LIGHT_PALETTE;
  return {
    pos: v('--pos') || base.pos,
    neg: v('--neg') || base.neg,
    zero: v('--scale-zero') || v('--panel') || v('--bg') || base.zero,
    fg: v('--fg') || base.fg,
    bg: v('--bg') || base.bg,
  };
}

export function useThemePalette(): Palette {
  const [palette, setPalette] = useState<Palette>(readPalette);
  useEffect(() => {
    const update = () => {
      const next = readPalette();
      setPalette((p) => (JSON.stringify(p) === JSON.stringify(next) ? p : next));
    };
    const mo = new MutationObserver(update);
    mo.observe(document.documentElement, { attributes: true });
    if (document.body) mo.observe(document.body, { attributes: true });
    const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    mq?.addEventListener?.('change', update);
    update();
    return () => {
      mo.disconnect();
      mq?.removeEventListener?.('change', update);
    };
  }, []);
  return palette;
}
