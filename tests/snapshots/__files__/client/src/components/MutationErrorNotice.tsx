import { useMutationState } from '@tanstack/react-query';
import { useState } from 'react';
import { getErrorMessage } from '../lib/error-messages';

/**
 * Surfaces failed writes that have no form to show them (toggling, deleting), so no error is
 * swallowed silently. Forms mark their mutations `inlineErrors` and are skipped here.
 */
export function MutationErrorNotice() {
  const failures = useMutationState({
    filters: { status: 'error', predicate: (mutation) => !mutation.meta?.inlineErrors },
    select: (mutation) => ({ submittedAt: mutation.state.submittedAt, error: mutation.state.error }),
  });
  const [dismissedAt, setDismissedAt] = useState(0);
  const latest = failures.reduce<(typeof failures)[number] | undefined>(
    (newest, failure) => (!newest || failure.submittedAt > newest.submittedAt ? failure : newest),
    undefined,
  );
  if (!latest || latest.submittedAt <= dismissedAt) return null;

  return (
    <div className="notice notice-error" role="alert">
      <span>{getErrorMessage(latest.error)}</span>
      <button type="button" className="button-secondary" onClick={() => setDismissedAt(latest.submittedAt)}>
        Dismiss
      </button>
    </div>
  );
}
