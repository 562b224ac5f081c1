// "A new version is ready": shown when a deployment has been downloaded in the background.
import { useStrings } from '../ui/i18n';
import { applyUpdate, dismissUpdate, useUpdateReady } from './offline';
import { offlineStrings } from './strings';

export function UpdatePrompt() {
  const t = useStrings(offlineStrings);
  const ready = useUpdateReady();
  if (!ready) return null;
  return (
    <div className="update-prompt" role="status" data-update-prompt>
      <span>{t.updateReady}</span>
      <button type="button" className="btn btn-primary" data-action="update" onClick={applyUpdate}>
        {t.reloadNow}
      </button>
      <button type="button" className="btn btn-quiet" onClick={dismissUpdate}>
        {t.later}
      </button>
    </div>
  );
}
