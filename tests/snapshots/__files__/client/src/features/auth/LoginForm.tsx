import { CredentialsSchema } from '@app/shared';
import { useId, useState, type FormEvent } from 'react';
import { fieldErrors, getErrorMessage, type StatusMessages } from '../../lib/error-messages';
import { useLogin, useRegister } from './auth.api';

type Action = 'login' | 'register';
type Field = 'email' | 'password';

/** What a status means on this form, where a 401 is a wrong password, not an expired session. */
const MESSAGES: Record<Action, StatusMessages> = {
  login: { 401: 'Email or password is incorrect.' },
  register: { 409: 'An account with this email already exists. Sign in instead.' },
};

export function LoginForm() {
  const login = useLogin();
  const register = useRegister();
  const [action, setAction] = useState<Action>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const ids = { email: useId(), password: useId(), emailError: useId(), passwordError: useId() };

  const mutation = action === 'login' ? login : register;
  const pending = login.isPending || register.isPending;
  const serverFieldErrors = fieldErrors(mutation.error);
  const errors: Partial<Record<Field, string>> = { ...serverFieldErrors, ...localErrors };
  // A general message only when no input carries the explanation.
  const generalError =
    mutation.error && !errors.email && !errors.password ? getErrorMessage(mutation.error, MESSAGES[action]) : null;

  function submit(next: Action): void {
    setAction(next);
    login.reset();
    register.reset();
    // Same schema as the server: an empty or malformed field is caught without a round trip.
    const parsed = CredentialsSchema.safeParse({ email, password });
    if (!parsed.success) {
      setLocalErrors(issuesByField(parsed.error.issues));
      return;
    }
    setLocalErrors({});
    (next === 'login' ? login : register).mutate(parsed.data);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    submit('login');
  }

  return (
    <form className="card auth-form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <h2>Welcome</h2>
      <p className="muted">Use your email and password to continue.</p>
      {generalError && (
        <p className="notice notice-error" role="alert">
          {generalError}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.email}>Email</label>
        <input
          id={ids.email}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? ids.emailError : undefined}
        />
        {errors.email && (
          <p id={ids.emailError} className="field-error">
            {errors.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          type="password"
          autoComplete={action === 'register' ? 'new-password' : 'current-password'}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? ids.passwordError : undefined}
        />
        {errors.password && (
          <p id={ids.passwordError} className="field-error">
            {errors.password}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={pending} aria-busy={login.isPending}>
          {login.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
          Sign in
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={pending}
          aria-busy={register.isPending}
          onClick={() => submit('register')}
        >
          {register.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
          Create account
        </button>
      </div>
    </form>
  );
}

function issuesByField(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Partial<Record<Field, string>> {
  const result: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !result[field]) result[field] = issue.message;
  }
  return result;
}
