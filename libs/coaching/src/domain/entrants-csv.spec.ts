import { describe, expect, it } from '@jest/globals';
import {
  columnsOf,
  decodeEntrantsFile,
  entrantOf,
  EntrantsFileError,
  frenchDate,
  nameKey,
  parseCsv,
} from './entrants-csv.js';

const HEADER = 'Nom;Prénom;Date de naissance;Adresse;Date d’orientation;Structure';

const read = (text: string) => {
  const { records } = parseCsv(text, 10);
  const columns = columnsOf(records[0].cells);
  return records.slice(1).map((record) => ({ line: record.line, ...entrantOf(record, columns) }));
};

const fileError = (run: () => unknown): EntrantsFileError => {
  try {
    run();
  } catch (error) {
    if (error instanceof EntrantsFileError) return error;
    throw error;
  }
  throw new Error('no file error');
};

describe('the new entrants’ CSV', () => {
  it('reads `;` or `,`, a byte order mark, CRLF, quoted cells and French dates', () => {
    const bytes = new TextEncoder().encode(
      `\uFEFF${HEADER.replaceAll(';', ',')}\r\nDurand,Léa,05/03/1990,"12 rue des Lilas, 59000 Lille",01/12/2026,UT Lille\r\n`,
    );
    const [entrant] = read(decodeEntrantsFile(bytes));
    expect(entrant).toEqual({
      line: 2,
      draft: {
        line: 2,
        lastName: 'Durand',
        firstName: 'Léa',
        birthDate: '1990-03-05',
        address: '12 rue des Lilas, 59000 Lille',
        place: '59000 Lille',
        orientationDate: '2026-12-01',
        structure: 'UT Lille',
        email: null,
        phone: null,
        consentEmail: false,
        consentSms: false,
      },
    });
  });

  it('refuses a file that is not UTF-8 or holds binary data', () => {
    expect(fileError(() => decodeEntrantsFile(new Uint8Array([0x4e, 0xe9, 0x3b]))).code).toBe('import.not_unicode');
    expect(fileError(() => decodeEntrantsFile(new TextEncoder().encode('a\u0000b'))).code).toBe('import.not_unicode');
  });

  it('names the missing columns', () => {
    const error = fileError(() => columnsOf(['Nom', 'Adresse']));
    expect(error.code).toBe('import.missing_columns');
    expect(error.reason).toContain('prénom, date de naissance, date d’orientation, structure');
  });

  it('refuses a line with a formula-looking cell, whatever the field', () => {
    const lines = read(
      `${HEADER}\n"=HYPERLINK(""http://x"")";Léa;05/03/1990;1 rue A 59000 Lille;01/12/2026;UT Lille\n` +
        `Durand;@SUM(1);05/03/1990;+33 rue 59000 Lille;01/12/2026;-UT\n`,
    );
    expect(lines[0]).toEqual({ line: 2, problems: [expect.objectContaining({ field: 'lastName' })] });
    expect(lines[1]).toMatchObject({ line: 3 });
    expect(('problems' in lines[1] ? lines[1].problems : []).map((problem) => problem.field)).toEqual([
      'firstName',
      'address',
      'structure',
    ]);
  });

  it('refuses a line with a stray quote alone, and keeps the line numbers of the next ones', () => {
    const lines = read(
      `${HEADER}\nDu"rand;Léa;05/03/1990;1 rue A 59000 Lille;01/12/2026;UT Lille\n` +
        `"Martin"x;Paul;05/03/1990;1 rue A 59000 Lille;01/12/2026;UT Lille\n` +
        `"Multi\nligne";Zoé;05/03/1990;1 rue A 59000 Lille;01/12/2026;UT Lille\n` +
        `Petit;Jean;05/03/1990;1 rue A 59000 Lille;01/12/2026;UT Lille\n`,
    );
    expect(lines.map((line) => line.line)).toEqual([2, 3, 4, 6]);
    expect(lines[0]).toMatchObject({ problems: [{ field: 'line' }] });
    expect(lines[1]).toMatchObject({ problems: [{ field: 'line' }] });
    expect(lines[2]).toMatchObject({ problems: [{ field: 'lastName', reason: 'nom : caractères de contrôle' }] });
    expect(lines[3]).toHaveProperty('draft');
  });

  it('refuses the file at a quote never closed, naming its line', () => {
    const error = fileError(() => parseCsv(`${HEADER}\nA;B;01/01/1990;x;01/01/2026;S\n"Durand;Léa\n`, 10));
    expect(error).toMatchObject({ code: 'import.malformed' });
    expect(error.reason).toMatch(/^ligne 3 :/);
  });

  it('refuses a file of more rows than allowed without reading on', () => {
    const rows = Array.from({ length: 12 }, () => 'A;B;01/01/1990;x;01/01/2026;S').join('\n');
    expect(fileError(() => parseCsv(`${HEADER}\n${rows}`, 10)).code).toBe('import.too_many_rows');
  });

  it('reads French dates and refuses what is not a date', () => {
    expect(frenchDate('5/3/1990')).toBe('1990-03-05');
    expect(frenchDate('05.03.1990')).toBe('1990-03-05');
    expect(frenchDate('1990-03-05')).toBe('1990-03-05');
    expect(frenchDate('31/02/1990')).toBeNull();
    expect(frenchDate('03/05/90')).toBeNull();
    const [line] = read(`${HEADER}\nDurand;Léa;31/02/1990;1 rue A 59000 Lille;demain;UT Lille\n`);
    expect(('problems' in line ? line.problems : []).map((problem) => problem.field)).toEqual([
      'birthDate',
      'orientationDate',
    ]);
  });

  it('compares names without case, accents, hyphens or spaces', () => {
    expect(nameKey('Le Bihan', 'Jean-Éric', '1990-01-01')).toBe(nameKey('LE-BIHAN', 'jean eric', '1990-01-01'));
  });
});
