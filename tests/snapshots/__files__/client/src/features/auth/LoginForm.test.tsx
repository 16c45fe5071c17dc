import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getSession, setSession } from '../../lib/session';
import { jsonResponse, mockFetch, problemResponse } from '../../test/http';
import { renderWithClient } from '../../test/render';
import { LoginForm } from './LoginForm';

function fillIn(email: string, password: string): void {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
}

/** The text an input's aria-describedby points to: what a screen reader reads with it. */
function descriptionOf(input: HTMLElement): string | null {
  const id = input.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

beforeEach(() => setSession(null));

describe('LoginForm', () => {
  it('shows the 422 field errors next to each input', async () => {
    mockFetch(() =>
      problemResponse(422, {
        errors: [
          { path: ['email'], message: 'This email domain is not accepted.' },
          { path: ['password'], message: 'Password is too common.' },
        ],
      }),
    );
    renderWithClient(<LoginForm />);
    fillIn('ada@example.com', 'password123');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('This email domain is not accepted.')).toBeTruthy();
    expect(descriptionOf(screen.getByLabelText('Email'))).toBe('This email domain is not accepted.');
    expect(descriptionOf(screen.getByLabelText('Password'))).toBe('Password is too common.');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    // The inputs explain the problem: no general message repeats it.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the credentials are wrong on a 401, without server text', async () => {
    mockFetch(() => problemResponse(401, { detail: 'invalid credentials for user 42' }));
    renderWithClient(<LoginForm />);
    fillIn('ada@example.com', 'wrong-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect.');
    expect(screen.queryByText(/user 42/)).toBeNull();
  });

  it('signs in with the entered credentials and keeps the session in memory', async () => {
    const user = { id: '6f1c1b7e-2d4a-4f7e-9a43-0c8f3d5b2a10', email: 'ada@example.com', createdAt: '2026-01-01T00:00:00.000Z' };
    const fetchMock = mockFetch(() => jsonResponse({ user, accessToken: 'token-1' }));
    renderWithClient(<LoginForm />);
    fillIn('ada@example.com', 'correct-horse');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(getSession()?.accessToken).toBe('token-1'));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'ada@example.com', password: 'correct-horse' });
  });
});
