import { z } from 'zod';
import { ValidationError } from '../shared/errors.js';

/**
 * Keyset pagination: a page starts after the last todo of the previous one, ordered by
 * (createdAt, id) so rows created in the same millisecond still have a stable order. Clients get
 * the position as an opaque base64url string and must not build one themselves.
 */
export interface TodoCursor {
  createdAt: string;
  id: string;
}

const CursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor({ createdAt, id }: TodoCursor): string {
  return Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url');
}

/** The cursor a client sent back; anything we did not issue is a 422 on `cursor`. */
export function decodeCursor(value: string): TodoCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const result = CursorSchema.safeParse(decoded);
  if (!result.success) {
    throw new ValidationError([
      { path: ['cursor'], message: 'Invalid cursor: pass the nextCursor of a previous page' },
    ]);
  }
  const [createdAt, id] = result.data;
  return { createdAt, id };
}
