// One widget block of a lesson: registered → the lazy widget in Suspense + an error
// boundary (a crash stays inside its box); invalid params → a red panel listing the
// errors; not registered yet → a bilingual "coming soon" panel that says what it will do.
// The address may carry settings for it (ui/addressParams): they are laid over the lesson's
// params once, when the widget opens; a value the widget rejects is named and left out.
import { Component, Suspense, useCallback, useState, type ReactNode } from 'react';
import { isChunkLoadError } from '../ui/ErrorBoundary';
import { paramsFromAddress, readInstance, embedQuery } from '../ui/addressParams';
import { CopyLink, WidgetAddressContext, useAddressSlot } from '../ui/WidgetAddress';
import { fmt, useLang, useStrings } from '../ui/i18n';
import { registry, isRegistered } from '../widgets/registry';
import { widgetHostStrings } from './strings';
import type { BlockText } from '../widgets/types';

export interface WidgetHostProps {
  name: string;
  params: unknown;
  /** The block's per-language text (an ```exercise block's statement, starter, solution). */
  text?: BlockText;
  /** Its keys' prefix in the address: the widget's name, `name~2` for a second one on the page, '' alone. */
  instance?: string;
}

export function WidgetHost(props: WidgetHostProps) {
  const t = useStrings(widgetHostStrings);
  const { name } = props;
  if (!isRegistered(name)) {
    return (
      <div className="widget-slot coming-soon" data-widget-slot={name} data-pending-widget={name}>
        <p className="coming-soon-badge">{t.comingSoon}</p>
        <p className="coming-soon-text">{t.comingSoonGeneric}</p>
        <p className="coming-soon-name">
          <code>{name}</code>
        </p>
      </div>
    );
  }
  return <RegisteredWidget {...props} />;
}

function RegisteredWidget({ name, params, text, instance = name }: WidgetHostProps) {
  const t = useStrings(widgetHostStrings);
  const lang = useLang();
  const [attempt, setAttempt] = useState(0);
  const spec = registry[name];
  const [restored] = useState(() => paramsFromAddress(spec.validate, params, readInstance(location.hash, instance)));
  // Copy link shows once a control reports a setting: a widget with none has nothing to share.
  const [shareable, setShareable] = useState(false);
  const onUse = useCallback(() => setShareable(true), []);
  const slot = useAddressSlot(instance, spec.validate, params, onUse);
  const v = restored.params;
  // The address changes under us (replaceState, no re-render): build the embed link when used.
  const embed = () => `#/${lang}/embed/${name}${embedQuery(location.hash, instance, params)}`;
  const fresh = (e: { currentTarget: HTMLAnchorElement }) => {
    e.currentTarget.href = embed();
  };
  if (!v.ok) {
    return (
      <div className="widget-slot widget-invalid" data-widget-slot={name} role="alert">
        <p>{fmt(t.invalidParams, { name })}</p>
        <ul>
          {v.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </div>
    );
  }
  const Widget = spec.component;
  return (
    <section className="widget-slot widget" data-widget-slot={name} data-widget={name} data-instance={instance}>
      {restored.rejected.length > 0 && (
        <p className="widget-address-note" role="status" data-address-rejected={restored.rejected.join(' ')}>
          {fmt(t.addressRejected, { names: restored.rejected.join(', ') })}
        </p>
      )}
      <WidgetBoundary key={attempt} onRetry={() => setAttempt((a) => a + 1)}>
        <WidgetAddressContext.Provider value={slot}>
          <Suspense fallback={<WidgetSkeleton />}>
            <Widget params={v.params} text={text} />
          </Suspense>
        </WidgetAddressContext.Provider>
      </WidgetBoundary>
      {shareable && (
        <div className="widget-share">
          <CopyLink address={() => location.href} />
          {instance !== '' && (
            <a className="widget-embed-link" data-action="embed" href={embed()} onClick={fresh} onFocus={fresh} onPointerEnter={fresh}>
              {t.embed}
            </a>
          )}
        </div>
      )}
    </section>
  );
}

function WidgetSkeleton() {
  const t = useStrings(widgetHostStrings);
  return (
    <div className="widget-skeleton" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t.loadingWidget}
    </div>
  );
}

interface BoundaryProps {
  children: ReactNode;
  onRetry(): void;
}

class WidgetBoundary extends Component<BoundaryProps, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
  render() {
    const error = this.state.error;
    // A widget's code chunk that failed to load stays failed inside React.lazy: reload cleanly.
    if (error) return <WidgetCrash message={isChunkLoadError(error) ? null : error.message} onRetry={isChunkLoadError(error) ? () => location.reload() : this.props.onRetry} />;
    return this.props.children;
  }
}

function WidgetCrash({ message, onRetry }: { message: string | null; onRetry(): void }) {
  const t = useStrings(widgetHostStrings);
  return (
    <div className="widget-error" role="alert" data-widget-error={message === null ? 'chunk' : 'crash'}>
      <p>
        <strong>{t.widgetCrashed}</strong> {message === null ? t.chunkFailed : fmt(t.crashDetail, { message })}
      </p>
      <button type="button" className="btn" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
