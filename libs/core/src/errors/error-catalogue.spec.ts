import { describe, expect, it } from '@jest/globals';
import { DomainError } from './domain-error.js';
import { type ErrorCatalogue, errorFactory } from './error-catalogue.js';

const SAMPLE = {
  'thing.not_found': { kind: 'not_found', fr: 'Cette chose n’existe pas.' },
  'thing.wrong_code': { kind: 'unauthenticated', alsoKind: 'invalid', fr: 'Code incorrect.' },
} as const satisfies ErrorCatalogue;

const thingError = errorFactory(SAMPLE);

describe('an error catalogue', () => {
  it('builds the DomainError of a code with the kind its entry declares', () => {
    const error = thingError('thing.not_found', 'no such thing', [{ field: 'id', reason: 'unknown' }]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'not_found', code: 'thing.not_found', message: 'no such thing' });
    expect(error.details).toEqual([{ field: 'id', reason: 'unknown' }]);
  });

  it('lets a throw site pick the second kind an entry names, and no other', () => {
    expect(thingError('thing.wrong_code', 'wrong code').kind).toBe('unauthenticated');
    expect(thingError('thing.wrong_code', 'wrong code', [], 'invalid').kind).toBe('invalid');
    // @ts-expect-error -- the entry names no second kind
    expect(() => thingError('thing.not_found', 'no such thing', [], 'conflict')).toThrow(/not declared/);
    // @ts-expect-error -- conflict is neither of its kinds
    expect(() => thingError('thing.wrong_code', 'wrong code', [], 'conflict')).toThrow(/not declared/);
  });

  it('refuses, at compile time, a code the catalogue does not declare', () => {
    // @ts-expect-error -- not a code of the catalogue
    const build = () => thingError('thing.unheard_of', 'nothing');
    expect(typeof build).toBe('function');
  });
});
