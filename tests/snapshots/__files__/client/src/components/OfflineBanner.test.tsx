import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../lib/api-client';
import { connectivity } from '../lib/connectivity';
import { mockFetch } from '../test/http';
import { OfflineBanner } from './OfflineBanner';

const banner = () => screen.queryByTestId('offline-banner');

afterEach(() => {
  vi.useRealTimers();
  window.dispatchEvent(new Event('online'));
  connectivity.reportResponse();
});

describe('OfflineBanner', () => {
  it('appears when the browser goes offline and hides on recovery', () => {
    render(<OfflineBanner />);
    expect(banner()).toBeNull();

    act(() => void window.dispatchEvent(new Event('offline')));
    expect(screen.getByRole('status').textContent).toContain("You're offline");

    act(() => void window.dispatchEvent(new Event('online')));
    expect(banner()).toBeNull();
  });

  it('appears when the API cannot be reached and hides once it answers again', async () => {
    render(<OfflineBanner />);
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await act(() => api.delete('/api/todos/1').catch(() => undefined));
    expect(banner()?.textContent).toContain('Cannot reach the server');

    mockFetch(() => new Response(null, { status: 204 }));
    await act(() => api.delete('/api/todos/1'));
    expect(banner()).toBeNull();
  });

  it('asks /health while the API is unreachable, and hides once the server answers', async () => {
    vi.useFakeTimers();
    render(<OfflineBanner />);
    act(() => connectivity.reportNetworkError());
    expect(banner()).not.toBeNull();

    const fetchMock = mockFetch(() => new Response(JSON.stringify({ status: 'ok' }), { status: 200 }));
    await act(() => vi.advanceTimersByTimeAsync(5_000));

    expect(fetchMock).toHaveBeenCalledWith('/health', expect.objectContaining({ cache: 'no-store' }));
    expect(banner()).toBeNull();
  });
});
