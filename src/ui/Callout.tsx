// <Callout kind="note"|"tip"|"mistake" title?>…</Callout>  — a boxed remark beside a widget.
// <ErrorNote>reason</ErrorNote> — red text where the user is looking (role="alert" only if `alert`).
import type { ReactNode } from 'react';

export interface CalloutProps {
  kind?: 'note' | 'tip' | 'mistake';
  title?: ReactNode;
  children: ReactNode;
}

export function Callout({ kind = 'note', title, children }: CalloutProps) {
  return (
    <aside className={`ui-callout ui-callout-${kind}`}>
      {title != null && <strong className="ui-callout-title">{title}</strong>}
      <div>{children}</div>
    </aside>
  );
}

export interface ErrorNoteProps {
  children: ReactNode;
  id?: string;
  /** Announce immediately (use for errors caused by a button, not by typing). */
  alert?: boolean;
}

export function ErrorNote({ children, id, alert }: ErrorNoteProps) {
  return (
    <div className="ui-error" id={id} role={alert ? 'alert' : undefined} aria-live={alert ? undefined : 'polite'} data-error="">
      {children}
    </div>
  );
}
