import { describe, expect, it } from '@jest/globals';
import { certificatePhrases } from './certificates.js';

describe('certificatePhrases', () => {
  it('says what a CACES R489 proves in the words of ROME skills', () => {
    expect(certificatePhrases('CACES R489 cat. 3')).toContain('chariot élévateur');
    expect(certificatePhrases('caces r 489')).toContain('chariot élévateur');
  });

  it('keeps an unknown certificate as its own words', () => {
    expect(certificatePhrases('Permis bateau')).toEqual(['Permis bateau']);
  });
});
