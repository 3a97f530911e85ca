import { describe, expect, it } from '@jest/globals';
import { CsvFormatError, csvRecords, parseCsv } from './csv-parser.js';

async function records(chunks: string[], delimiter?: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const record of parseCsv(chunks, { delimiter })) out.push(record);
  return out;
}

/** Every way of cutting `text` in two, so no chunk boundary is left untested. */
function splits(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

describe('parseCsv', () => {
  it('reads plain and quoted fields', async () => {
    expect(await records(['a,b,c\n1,"two",3\n'])).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two', '3'],
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quotes', async () => {
    expect(await records(['"x, y","say ""hi""","line 1\nline 2"\n'])).toEqual([['x, y', 'say "hi"', 'line 1\nline 2']]);
  });

  it('reads empty fields, quoted or not, and a last line without a line break', async () => {
    expect(await records(['a,,""\n,b,\n"",,'])).toEqual([
      ['a', '', ''],
      ['', 'b', ''],
      ['', '', ''],
    ]);
  });

  it('accepts CRLF line ends, a byte-order mark, and skips blank lines', async () => {
    expect(await records(['\uFEFFa,b\r\n\r\n"1\r\n2",3\r\n'])).toEqual([
      ['a', 'b'],
      ['1\r\n2', '3'],
    ]);
  });

  it('gives the same records however the input is chunked', async () => {
    const text = '"code","libelle"\r\n"A1","L\'""aide"", à domicile"\n"B2","deux\nlignes"\nC3,fin';
    const expected = await records([text]);
    expect(expected).toEqual([
      ['code', 'libelle'],
      ['A1', 'L\'"aide", à domicile'],
      ['B2', 'deux\nlignes'],
      ['C3', 'fin'],
    ]);
    for (const chunks of splits(text)) expect(await records(chunks)).toEqual(expected);
    expect(await records([...text])).toEqual(expected);
  });

  it('reads another delimiter', async () => {
    expect(await records(['a;"b;c"\n'], ';')).toEqual([['a', 'b;c']]);
  });

  it('tolerates text after a closing quote, as spreadsheets do', async () => {
    expect(await records(['"ab"c,d\n'])).toEqual([['abc', 'd']]);
  });

  it('refuses a quote left open at the end of the input', async () => {
    await expect(records(['a,"open\n'])).rejects.toThrow(CsvFormatError);
  });
});

describe('csvRecords', () => {
  it('keys records by the columns asked for, whatever their order in the header', async () => {
    const out: Array<Record<'code' | 'label', string>> = [];
    for await (const record of csvRecords(['label,extra,code\nLille,x,59350\nShort\n'], ['code', 'label'])) {
      out.push(record);
    }
    expect(out).toEqual([
      { code: '59350', label: 'Lille' },
      { code: '', label: 'Short' },
    ]);
  });

  it('fails on a missing column rather than loading empty values', async () => {
    const read = async (): Promise<void> => {
      for await (const _record of csvRecords(['a,b\n1,2\n'], ['a', 'c'])) void _record;
    };
    await expect(read()).rejects.toThrow('missing column "c"');
  });
});
