import { describe, expect, it } from '@jest/globals';
import { csvCell, csvDocument, frenchCsvDocument, neutraliseFormula } from './csv.js';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@SUM(1)', `'@SUM(1)`],
    ['+33 6 12 34 56 78', `'+33 6 12 34 56 78`],
    ['-2+3', `'-2+3`],
    ['  =1+1', `'  =1+1`],
    ['"=1+1"', `"'""=1+1"""`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\rcmd', `"'\rcmd"`],
    ['\uff1dSUM(1)', `'\uff1dSUM(1)`],
  ])('neutralises the formula in the text %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves ordinary text, dates and inner signs alone', () => {
    expect(csvCell('UT Lille')).toBe('UT Lille');
    expect(csvCell('2026-01-31')).toBe('2026-01-31');
    expect(csvCell('Saint-Amand-les-Eaux (59)')).toBe('Saint-Amand-les-Eaux (59)');
    expect(neutraliseFormula('a = b')).toBe('a = b');
  });

  it('keeps numbers the export writes itself as numbers, negative ones included', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.667)).toBe('0.667');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes separators, quotes and line breaks, whichever separator the document uses', () => {
    expect(csvCell('Dupont, Durand')).toBe('"Dupont, Durand"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvCell('dit "non"')).toBe('"dit ""non"""');
    expect(csvCell('a|b', '|')).toBe('"a|b"');
    expect(csvDocument([['=1', -1, 'x;y']], ';')).toBe(`'=1;-1;"x;y"\n`);
  });

  it('writes French CSV: a byte order mark, semicolons, decimal commas, oui/non, and the same formula guard', () => {
    const text = frenchCsvDocument([
      ['Groupe', 'Valeur', 'Atteinte'],
      ['=1+1', 0.667, true],
      ['Lille; Roubaix', -1.5, false],
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe(`Groupe;Valeur;Atteinte\n'=1+1;0,667;oui\n"Lille; Roubaix";-1,5;non\n`);
  });
});
