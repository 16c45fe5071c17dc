import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { zodValidatorCompiler } from './validate.js';

const compile = (schema: unknown) => zodValidatorCompiler({ schema, method: 'GET', url: '/', httpPart: 'querystring' });

describe('zodValidatorCompiler', () => {
  const validate = compile(z.object({ limit: z.coerce.number().int().min(1).default(20) }));

  it('returns the parsed value, coerced and defaulted', () => {
    expect(validate({ limit: '5' })).toEqual({ value: { limit: 5 } });
    expect(validate({})).toEqual({ value: { limit: 20 } });
  });

  it('returns a ValidationError naming the offending field', () => {
    const result = validate({ limit: '0' });
    expect(result).toMatchObject({ error: expect.any(ValidationError) });
    const error = (result as { error: ValidationError }).error;
    expect(error.fieldErrors.map((field) => field.path)).toEqual([['limit']]);
  });

  it('refuses a schema that is not zod', () => {
    expect(() => compile({ type: 'object' })).toThrow('route schemas must be zod schemas');
  });
});
