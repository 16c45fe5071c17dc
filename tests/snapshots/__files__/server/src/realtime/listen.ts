/** More queued events than this means the client stopped reading: end it, it refetches on reconnect. */
export const MAX_QUEUED_EVENTS = 1_000;

/**
 * Turns a callback subscription into an async iterable, for tRPC subscriptions: events are queued
 * while the consumer is busy and the subscription is released when `signal` aborts or the
 * consumer stops.
 */
export async function* listen<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  signal: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let overflowed = false;
  const unsubscribe = subscribe((value) => {
    if (queue.length >= MAX_QUEUED_EVENTS) overflowed = true;
    else queue.push(value);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    while (!signal.aborted && !overflowed) {
      if (queue.length > 0) {
        yield queue.shift() as T;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}
