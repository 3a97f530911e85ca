import { describe, expect, it } from '@jest/globals';
import type { SiteDescription } from '../../domain/site-description.js';
import { regexProblem, safeRegex } from './safe-regex.js';
import { parseOfferPage } from './site-description.parser.js';

describe('site-description regexes', () => {
  it('runs the catastrophic pattern ^(a+)+$ on 50,000 characters and answers (no backtracking)', () => {
    const started = Date.now();
    const input = `${'a'.repeat(50_000)}!`;
    expect(safeRegex('^(a+)+$').exec(input)).toBeNull();
    expect(safeRegex('^(a+)+$').exec('aaaa')?.[1]).toBe('aaaa');
    // A backtracking engine needs about 2^50000 steps here; the bound is only generous.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('applies a catastrophic field regex while parsing an offer page, and still reads the offer', () => {
    const description = {
      name: 'board',
      label: 'Board',
      listing: { url: 'https://board.example/offres', offerLink: 'a' },
      offer: {
        externalId: { fromUrl: '/offres/(\\d+)' },
        fields: {
          title: { selector: 'h1' },
          salary: { selector: '.salaire', regex: '^((a|aa)+)+$' },
        },
      },
    } as SiteDescription;
    const html = `<h1>Aide-soignant</h1><p class="salaire">${'a'.repeat(30_000)}b</p>`;
    const result = parseOfferPage(html, 'https://board.example/offres/42', description);
    expect(result).toEqual({
      ok: true,
      raw: { externalId: '42', fields: { url: 'https://board.example/offres/42', title: 'Aide-soignant' } },
    });
  });

  it('keeps the demo boards working: lazy groups, non-capturing groups, case-insensitive', () => {
    expect(safeRegex('^\\s*(.+?)\\s*\\(\\d{5}\\)', true).exec('Marcq-en-Barœul (59700)')?.[1]).toBe('Marcq-en-Barœul');
    expect(safeRegex('/nordemploi/offres/(\\d+)(?:[/?#]|$)').exec('http://x/nordemploi/offres/4820193')?.[1]).toBe(
      '4820193',
    );
    expect(safeRegex('siret\\s*:\\s*(\\d[\\d ]*\\d)', true).exec('SIRET : 732 829 320 00074')?.[1]).toBe(
      '732 829 320 00074',
    );
  });

  it('refuses, with the reason, what RE2 cannot run: backreferences, lookaround, broken syntax', () => {
    expect(regexProblem('(a)\\1')).toMatch(/^must be a regular expression RE2 accepts/);
    expect(regexProblem('(?=a)b')).toMatch(/lookaround/);
    expect(regexProblem('(')).toMatch(/^must be a regular expression RE2 accepts/);
    expect(regexProblem('^(a+)+$')).toBeNull();
  });
});
