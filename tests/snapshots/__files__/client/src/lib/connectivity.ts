import { env } from '../config/env';

/**
 * Whether the browser is online and whether the API answered recently. The API client reports
 * every network failure and every response here; the offline banner and the query client read it.
 */
export interface Connectivity {
  browserOnline: boolean;
  apiReachable: boolean;
}

const PROBE_INTERVAL_MS = 5_000;

let state: Connectivity = { browserOnline: navigator.onLine, apiReachable: true };
const listeners = new Set<() => void>();
let probeTimer: ReturnType<typeof setTimeout> | undefined;

function update(patch: Partial<Connectivity>): void {
  const next = { ...state, ...patch };
  if (next.browserOnline === state.browserOnline && next.apiReachable === state.apiReachable) return;
  state = next;
  scheduleProbe();
  for (const listener of listeners) listener();
}

/**
 * While the API is unreachable and someone is watching, ask /health now and then: nothing else
 * may be requesting (queries pause while offline), so recovery would otherwise go unnoticed.
 */
function scheduleProbe(): void {
  if (state.apiReachable || !state.browserOnline || listeners.size === 0) {
    clearTimeout(probeTimer);
    probeTimer = undefined;
    return;
  }
  if (probeTimer !== undefined) return;
  probeTimer = setTimeout(() => {
    probeTimer = undefined;
    // Any HTTP answer proves the server is reachable again.
    fetch(`${env.apiUrl}/health`, { cache: 'no-store' }).then(
      () => update({ apiReachable: true }),
      () => scheduleProbe(),
    );
  }, PROBE_INTERVAL_MS);
}

const onOnline = () => update({ browserOnline: true });
const onOffline = () => update({ browserOnline: false });

export const connectivity = {
  get: (): Connectivity => state,
  isOnline: (): boolean => state.browserOnline && state.apiReachable,
  subscribe(listener: () => void): () => void {
    if (listeners.size === 0) {
      // Events were not watched while nobody listened: start from the browser's current view.
      update({ browserOnline: navigator.onLine });
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
    }
    listeners.add(listener);
    scheduleProbe();
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      scheduleProbe();
    };
  },
  reportNetworkError: (): void => update({ apiReachable: false }),
  reportResponse: (): void => update({ apiReachable: true }),
};
