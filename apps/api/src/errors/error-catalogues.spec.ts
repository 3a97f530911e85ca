import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { allErrorCodes, ERROR_CATALOGUES, webErrorCodesModule } from './error-catalogues.js';

describe('the error catalogues', () => {
  it('declare each code once, named context.reason, with French for the user', () => {
    const codes = allErrorCodes();
    const declared = ERROR_CATALOGUES.reduce((sum, { catalogue }) => sum + Object.keys(catalogue).length, 0);
    expect(codes.size).toBe(declared);
    for (const [code, entry] of codes) {
      expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(entry.fr).toMatch(/^[A-ZÀ-Ý].*[.!?]$/);
      expect(entry.alsoKind).not.toBe(entry.kind);
    }
  });

  it('are what the web application bundles (npm run web:api-types mends a drift)', () => {
    const committed = readFileSync(path.resolve('apps/web/src/api/error-codes.ts'), 'utf8');
    expect(webErrorCodesModule()).toBe(committed);
  });
});
