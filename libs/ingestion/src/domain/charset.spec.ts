import { describe, expect, it } from '@jest/globals';
import { decodeBody } from './charset.js';

const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

describe('decodeBody', () => {
  it('follows the charset of the Content-Type header', () => {
    expect(decodeBody(latin1('Agent d’entretien'.replace('’', "'")), 'text/html; charset=windows-1252').charset).toBe(
      'windows-1252',
    );
    const bytes = Uint8Array.from([0x50, 0xe9, 0x72, 0x69, 0x6f, 0x64, 0x65, 0x80]);
    expect(decodeBody(bytes, 'text/html; charset=windows-1252').text).toBe('Période€');
  });

  it('reads a <meta charset> when the header says nothing', () => {
    const html = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="windows-1252"></head><body>'),
      0xe9,
      ...new TextEncoder().encode('</body>'),
    ]);
    const decoded = decodeBody(html, 'text/html');
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toContain('<body>é</body>');
  });

  it('falls back to windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeBody(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), null)).toEqual({
      text: 'café',
      charset: 'windows-1252',
    });
  });

  it('keeps UTF-8 when the bytes are UTF-8', () => {
    expect(decodeBody(new TextEncoder().encode('Aide-soignant·e à Lille'), null)).toEqual({
      text: 'Aide-soignant·e à Lille',
      charset: 'utf-8',
    });
  });
});
