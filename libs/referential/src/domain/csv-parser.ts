/**
 * A streaming CSV reader (RFC 4180): quoted fields, doubled quotes inside them, delimiters and line
 * breaks inside quotes, LF or CRLF line ends, a leading byte-order mark. Chunks may split a record,
 * a field or a quote pair anywhere, so the open data files can be read without loading them whole.
 */
export interface CsvOptions {
  /** One character; `,` unless told. */
  readonly delimiter?: string;
}

export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote seen inside a quoted field: a doubled quote or the end of the field. */
  QuoteInQuoted,
}

export async function* parseCsv(
  source: AsyncIterable<string> | Iterable<string>,
  options: CsvOptions = {},
): AsyncGenerator<string[]> {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  let record: string[] = [];
  let field = '';
  // Widened on purpose: the checker does not follow assignments made inside the loop's switch.
  let state = State.FieldStart as State;
  let skipLf = false;
  let atStart = true;
  let line = 1;

  for await (const chunk of source) {
    let i = 0;
    if (atStart && chunk.length > 0) {
      atStart = false;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    // Start of the pending piece of the current field inside this chunk; sliced once, not per char.
    let pieceStart = i;
    const length = chunk.length;
    while (i < length) {
      const c = chunk.charCodeAt(i);
      if (skipLf) {
        skipLf = false;
        if (c === LF) {
          i += 1;
          pieceStart = i;
          continue;
        }
      }
      switch (state) {
        case State.FieldStart:
          if (c === QUOTE) {
            state = State.Quoted;
            pieceStart = i + 1;
          } else if (c === delimiter) {
            record.push('');
            pieceStart = i + 1;
          } else if (c === LF || c === CR) {
            if (record.length > 0) {
              record.push('');
              yield record;
              record = [];
            }
            skipLf = c === CR;
            line += 1;
            pieceStart = i + 1;
          } else {
            state = State.Unquoted;
            pieceStart = i;
          }
          break;
        case State.Unquoted:
          if (c === delimiter) {
            record.push(field + chunk.slice(pieceStart, i));
            field = '';
            state = State.FieldStart;
            pieceStart = i + 1;
          } else if (c === LF || c === CR) {
            record.push(field + chunk.slice(pieceStart, i));
            field = '';
            yield record;
            record = [];
            state = State.FieldStart;
            skipLf = c === CR;
            line += 1;
            pieceStart = i + 1;
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            field += chunk.slice(pieceStart, i);
            state = State.QuoteInQuoted;
            pieceStart = i + 1;
          } else if (c === LF) {
            line += 1;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // The first quote of the pair was already dropped: keep this one as text.
            state = State.Quoted;
            pieceStart = i;
          } else if (c === delimiter) {
            record.push(field);
            field = '';
            state = State.FieldStart;
            pieceStart = i + 1;
          } else if (c === LF || c === CR) {
            record.push(field);
            field = '';
            yield record;
            record = [];
            state = State.FieldStart;
            skipLf = c === CR;
            line += 1;
            pieceStart = i + 1;
          } else {
            // `"ab"c`: tolerated the way spreadsheets do, as text after the closing quote.
            state = State.Unquoted;
            pieceStart = i;
          }
          break;
      }
      i += 1;
    }
    if (state === State.Unquoted || state === State.Quoted) field += chunk.slice(pieceStart, length);
  }

  switch (state) {
    case State.Quoted:
      throw new CsvFormatError(`unterminated quoted field at end of input (line ${line})`);
    case State.Unquoted:
    case State.QuoteInQuoted:
      record.push(field);
      yield record;
      break;
    case State.FieldStart:
      // `a,` at the very end: the trailing empty field still counts.
      if (record.length > 0) {
        record.push('');
        yield record;
      }
      break;
  }
}

/**
 * Records keyed by the named header columns. A missing column fails the whole read: a reshaped
 * open data file must stop an import, not load empty labels.
 */
export async function* csvRecords<Column extends string>(
  source: AsyncIterable<string> | Iterable<string>,
  columns: readonly Column[],
  options: CsvOptions = {},
): AsyncGenerator<Record<Column, string>> {
  let positions: number[] | null = null;
  for await (const fields of parseCsv(source, options)) {
    if (positions === null) {
      const header = fields.map((name) => name.trim());
      positions = columns.map((column) => {
        const position = header.indexOf(column);
        if (position < 0) throw new CsvFormatError(`missing column "${column}" (header: ${header.join(', ')})`);
        return position;
      });
      continue;
    }
    const record = {} as Record<Column, string>;
    for (let k = 0; k < columns.length; k += 1) record[columns[k]] = fields[positions[k]] ?? '';
    yield record;
  }
}
