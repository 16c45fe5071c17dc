import { describe, expect, it } from 'vitest';
import { backoffDelay } from './reconnect';

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and keeps jitter within [half, full] of the step', () => {
    const backoff = { baseMs: 1_000, maxMs: 8_000 };
    expect(backoffDelay(0, backoff, () => 0)).toBe(500);
    expect(backoffDelay(0, backoff, () => 1)).toBe(1_000);
    expect(backoffDelay(2, backoff, () => 1)).toBe(4_000);
    expect(backoffDelay(10, backoff, () => 1)).toBe(8_000);
    expect(backoffDelay(10, backoff, () => 0)).toBe(4_000);
  });
});
