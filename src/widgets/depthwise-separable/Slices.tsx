// Channels of a volume side by side as coloured squares (one hue per channel), the ones in
// play outlined. Many channels: the first few, "…", the last one.
export interface SlicesProps {
  count: number;
  /** Edge of one square in em (size of the picture n). */
  em: number;
  /** Channels in play [from, to). */
  active?: [number, number] | null;
  /** Colour every slice by its index (depthwise: channel identity) or one neutral tone. */
  hue?: 'channel' | 'mixed';
  caption: string;
  /** Draw a small f×f grid inside each square (a filter). */
  grid?: number;
  name?: string;
}

const SHOW = 6;

export function channelColor(i: number): string {
  return `hsl(${(i * 57 + 200) % 360} 62% 56%)`;
}

export function Slices({ count, em, active, hue = 'channel', caption, grid, name }: SlicesProps) {
  const idx = count <= SHOW + 1 ? Array.from({ length: count }, (_, i) => i) : [...Array.from({ length: SHOW - 1 }, (_, i) => i), -1, count - 1];
  const on = (i: number) => !!active && i >= active[0] && i < active[1];
  return (
    <figure className="dw-slices" data-slices={name}>
      <div className="dw-slice-row">
        {idx.map((i, j) =>
          i < 0 ? (
            <span key={`gap-${j}`} className="dw-gap" aria-hidden="true">…</span>
          ) : (
            <span key={i} className={`dw-slice${on(i) ? ' dw-on' : ''}${active && !on(i) ? ' dw-off' : ''}`}
              style={{ width: `${em}em`, height: `${em}em`, background: hue === 'channel' ? channelColor(i) : undefined }}
              data-active={on(i) ? '' : undefined} title={String(i + 1)}>
              {grid !== undefined && grid > 1 && (
                <svg viewBox={`0 0 ${grid} ${grid}`} aria-hidden="true">
                  {Array.from({ length: grid - 1 }, (_, g) => (
                    <g key={g}>
                      <line x1={g + 1} y1={0} x2={g + 1} y2={grid} />
                      <line x1={0} y1={g + 1} x2={grid} y2={g + 1} />
                    </g>
                  ))}
                </svg>
              )}
            </span>
          ),
        )}
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
