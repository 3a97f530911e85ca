import { describe, expect, it } from '@jest/globals';
import { ErasureHandlers } from './beneficiary-erased.js';

describe('ErasureHandlers', () => {
  it('refuses a second handler with the same name, so no context is handled twice or shadowed', () => {
    const handlers = new ErasureHandlers();
    const erase = () => Promise.resolve();
    handlers.register({ name: 'outcomes', erase });
    handlers.register({ name: 'mediation', erase });
    expect(() => handlers.register({ name: 'outcomes', erase })).toThrow('two erasure handlers are named outcomes');
    expect(handlers.names()).toEqual(['mediation', 'outcomes']);
  });
});
