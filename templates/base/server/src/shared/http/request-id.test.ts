import { describe, expect, it } from 'vitest';
import { resolveRequestId } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it.each(['abc', 'A-Z_a.z:0-9', 'x'.repeat(128), '3f2a5c1e-0000-4000-8000-000000000000'])(
    'keeps the safe id %j',
    (id) => {
      expect(resolveRequestId(id)).toBe(id);
    },
  );

  it.each([undefined, '', 'x'.repeat(129), 'has space', 'new\nline', 'quote"', 'é'])(
    'replaces %j with a UUID',
    (id) => {
      expect(resolveRequestId(id)).toMatch(UUID);
    },
  );
});
