import { describe, expect, it } from 'vitest';
import { listen, MAX_QUEUED_EVENTS } from './listen.js';

/** A minimal callback source, counting its listeners. */
function source<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    listeners,
    subscribe: (listener: (value: T) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (value: T) => {
      for (const listener of listeners) listener(value);
    },
  };
}

describe('listen', () => {
  it('yields values in order, also those emitted while the consumer was busy', async () => {
    const events = source<number>();
    const controller = new AbortController();
    const iterator = listen(events.subscribe, controller.signal);
    const first = iterator.next();
    events.emit(1);
    events.emit(2);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    controller.abort();
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(events.listeners.size).toBe(0);
  });

  it('unsubscribes when the consumer stops early', async () => {
    const events = source<number>();
    const iterator = listen(events.subscribe, new AbortController().signal);
    const first = iterator.next();
    events.emit(1);
    await first;
    await iterator.return();
    expect(events.listeners.size).toBe(0);
  });

  it('ends a consumer that fell too far behind instead of buffering without bound', async () => {
    const events = source<number>();
    const iterator = listen(events.subscribe, new AbortController().signal);
    const first = iterator.next();
    for (let i = 0; i <= MAX_QUEUED_EVENTS + 1; i += 1) events.emit(i);
    await first;
    let received = 1;
    while (!(await iterator.next()).done) received += 1;
    expect(received).toBeLessThanOrEqual(MAX_QUEUED_EVENTS + 1);
    expect(events.listeners.size).toBe(0);
  });
});
