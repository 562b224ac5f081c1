// Presenter mode: a slide should fit the projected screen without scrolling. The slide is
// laid out at the full slide width, then shrunk with CSS zoom (which, unlike a transform,
// keeps layout, hit-testing and crisp text) by avail / natural height. Its layout width is
// pinned to the unzoomed width, so zooming never rewraps text and one pass is exact.
// Text must stay readable from the back of the room, so a slide is not shrunk below
// READABLE; a longer one scrolls (the slide keys page through it), and its widgets are
// shrunk further, down to FLOOR, so that each is seen whole. A widget that would need less
// than FLOOR (a whole lab on a slide) is left at READABLE and scrolls.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const READABLE = 0.6;
const FLOOR = 0.45;

interface Fit {
  zoom: number;
  width: number;
}

/** reserveBottom: the height kept free below the slide (the presenter bar), read at each measure. */
export function FitToScreen({ active, reserveBottom, children }: { active: boolean; reserveBottom: () => number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<Fit>({ zoom: 1, width: 0 });
  const current = useRef<Fit>(fit);

  useLayoutEffect(() => {
    const el = box.current;
    const parent = el?.parentElement;
    if (!active || !el || !parent) {
      current.current = { zoom: 1, width: 0 };
      setFit(current.current);
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const { zoom } = current.current;
        const width = parent.clientWidth; // the slide's width at zoom 1
        const rect = el.getBoundingClientRect();
        const natural = rect.height / zoom;
        const top = rect.top + window.scrollY;
        const bottom = reserveBottom() + 4; // 4 px: rounding of zoomed layout
        const avail = window.innerHeight - top - bottom;
        const widgets = [...el.querySelectorAll('.widget-slot')].map((w) => w.getBoundingClientRect().height / zoom);
        const widgetFit = (window.innerHeight - bottom - top) / Math.max(1, ...widgets);
        const slideFit = avail / natural;
        const fitted = slideFit >= READABLE ? slideFit : widgetFit >= FLOOR ? Math.min(READABLE, widgetFit) : READABLE;
        const next = Math.min(1, Math.floor(fitted * 1000) / 1000);
        if (Math.abs(next - zoom) > 0.002 || width !== current.current.width) {
          current.current = { zoom: next, width };
          setFit(current.current);
        }
      });
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    ro.observe(parent);
    window.addEventListener('resize', measure);
    measure();
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reserveBottom is read fresh at each measure
  }, [active]);

  const zoomed = active && fit.zoom < 1 && fit.width > 0;
  return (
    <div ref={box} className="slide-fit" data-zoom={active ? fit.zoom : undefined} style={zoomed ? { zoom: fit.zoom, width: fit.width, marginInline: 'auto' } : undefined}>
      {children}
    </div>
  );
}
