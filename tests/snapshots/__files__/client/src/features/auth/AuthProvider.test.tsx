import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectivity } from '../../lib/connectivity';
import { setSession } from '../../lib/session';
import { jsonResponse, mockFetch, problemResponse } from '../../test/http';
import { renderWithClient } from '../../test/render';
import { AuthProvider } from './AuthProvider';
import { useAuth } from './use-auth';

const user = { id: '6f1c1b7e-2d4a-4f7e-9a43-0c8f3d5b2a10', email: 'ada@example.com', createdAt: '2026-01-01T00:00:00.000Z' };

function Status() {
  const auth = useAuth();
  return <p data-testid="status">{`${auth.status} ${auth.user?.email ?? '-'}`}</p>;
}

const status = () => screen.getByTestId('status').textContent;

beforeEach(() => setSession(null));
afterEach(() => connectivity.reportResponse());

describe('AuthProvider', () => {
  it('restores the session from the refresh cookie on page load', async () => {
    const fetchMock = mockFetch(() => jsonResponse({ user, accessToken: 'token-1' }));
    renderWithClient(
      <AuthProvider>
        <Status />
      </AuthProvider>,
    );
    expect(status()).toBe('restoring -');
    await expect.poll(status).toBe('authenticated ada@example.com');
    expect(fetchMock.mock.calls[0]).toEqual(['/api/auth/refresh', expect.objectContaining({ method: 'POST', credentials: 'include' })]);
  });

  it('shows the visitor as signed out when there is no valid cookie', async () => {
    mockFetch(() => problemResponse(401));
    renderWithClient(
      <AuthProvider>
        <Status />
      </AuthProvider>,
    );
    await expect.poll(status).toBe('anonymous -');
  });

  it('waits while the server is unreachable and restores once it answers again', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    renderWithClient(
      <AuthProvider>
        <Status />
      </AuthProvider>,
    );
    await expect.poll(() => connectivity.get().apiReachable).toBe(false);
    expect(status()).toBe('restoring -');

    mockFetch(() => jsonResponse({ user, accessToken: 'token-1' }));
    act(() => connectivity.reportResponse());
    await expect.poll(status).toBe('authenticated ada@example.com');
  });

  it("drops the cached data when the session ends, so the next user never sees it", async () => {
    mockFetch(() => jsonResponse({ user, accessToken: 'token-1' }));
    const { queryClient } = renderWithClient(
      <AuthProvider>
        <Status />
      </AuthProvider>,
    );
    await expect.poll(status).toBe('authenticated ada@example.com');
    queryClient.setQueryData(['todos', 'list'], { pages: [], pageParams: [] });

    act(() => setSession(null));

    expect(status()).toBe('anonymous -');
    expect(queryClient.getQueryData(['todos', 'list'])).toBeUndefined();
  });
});
