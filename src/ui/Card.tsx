// <Card title? actions?>…</Card> — a panel; <Row> lays children side by side, wrapping on
// narrow screens. Sizes are in em so presenter mode (larger root font) scales everything.
import type { ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  /** Right-aligned content in the header (e.g. a Select). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Card({ title, actions, children, className }: CardProps) {
  return (
    <section className={['ui-card', className].filter(Boolean).join(' ')}>
      {(title != null || actions != null) && (
        <header className="ui-card-head">
          {title != null && <h3 className="ui-card-title">{title}</h3>}
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}

export function Row({ children, gap = 1, align = 'flex-start' }: { children: ReactNode; gap?: number; align?: string }) {
  return (
    <div className="ui-row" style={{ gap: `${gap}em`, alignItems: align }}>
      {children}
    </div>
  );
}
