import { useSyncExternalStore } from 'react';
import { connectivity } from '../lib/connectivity';

/** Explains why nothing loads or saves while the browser is offline or the API cannot be reached. */
export function OfflineBanner() {
  const { browserOnline, apiReachable } = useSyncExternalStore(connectivity.subscribe, connectivity.get);
  if (browserOnline && apiReachable) return null;

  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {browserOnline
        ? 'Cannot reach the server. Retrying in the background…'
        : "You're offline. Changes will be sent when your connection returns."}
    </div>
  );
}
