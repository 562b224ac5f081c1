// What a page shows instead of going blank: what happened in the reader's language, Retry,
// a clean reload for a chunk that cannot come back (offline, or a new version deployed), and
// a way out of corrupted saved data.
import { useState } from 'react';
import { fmt, useStrings } from '../ui/i18n';
import { isChunkLoadError } from '../ui/ErrorBoundary';
import { retryFailedChunks } from '../ui/lazyRetry';
import { resetSavedData } from '../state/store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { crashStrings } from './strings';

export function AppCrash({ error, retry }: { error: Error; retry(): void }) {
  const t = useStrings(crashStrings);
  const [confirming, setConfirming] = useState(false);
  const chunk = isChunkLoadError(error);
  return (
    <div className="panel panel-error app-crash" role="alert" data-app-error={chunk ? 'chunk' : 'crash'}>
      <p>{chunk ? t.chunkTitle : t.crashTitle}</p>
      <div className="app-crash-body">{chunk ? t.chunkBody : fmt(t.crashBody, { message: error.message })}</div>
      <div className="app-crash-actions">
        <button type="button" className="btn btn-primary" data-action="retry" onClick={() => (retryFailedChunks(), retry())}>
          {t.retry}
        </button>
        <button type="button" className="btn" data-action="reload" onClick={() => location.reload()}>
          {t.reload}
        </button>
        {!chunk && (
          <button type="button" className="btn btn-quiet" data-action="reset-saved" onClick={() => setConfirming(true)}>
            {t.resetSaved}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t.resetSavedTitle}
        body={t.resetSavedBody}
        confirmLabel={t.resetSaved}
        cancelLabel={t.cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          resetSavedData();
          location.reload();
        }}
      />
    </div>
  );
}

/** A short note when saved data had to be repaired on load (the rest was kept). */
export function SavedDataNotice({ parts, onDismiss }: { parts: readonly string[]; onDismiss(): void }) {
  const t = useStrings(crashStrings);
  const names = parts.map((p) => t[`part_${p}` as keyof typeof t] ?? p).join(t.listSep);
  return (
    <div className="panel saved-notice" role="status" data-saved-notice>
      <span>{fmt(t.repaired, { parts: names })}</span>
      <button type="button" className="btn btn-quiet" onClick={onDismiss}>
        {t.dismiss}
      </button>
    </div>
  );
}
