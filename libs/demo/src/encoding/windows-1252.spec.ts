import { describe, expect, it } from '@jest/globals';
import { decodeWindows1252, encodeWindows1252, isWindows1252Encodable } from './windows-1252.js';

/** TextDecoder's streaming mode: its one-shot decode() is wrong for 0x80-0x9F on Node 20 (nodejs/node#56542). */
function textDecoderWindows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder('windows-1252');
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

describe('windows-1252', () => {
  it('writes one byte per character, the typographic ones in 0x80-0x9F', () => {
    expect([...encodeWindows1252('é è à ç ô')]).toEqual([0xe9, 0x20, 0xe8, 0x20, 0xe0, 0x20, 0xe7, 0x20, 0xf4]);
    expect([...encodeWindows1252('€’œ–—…«»')]).toEqual([0x80, 0x92, 0x9c, 0x96, 0x97, 0x85, 0xab, 0xbb]);
  });

  it('round-trips French text through the WHATWG decoder', () => {
    const text =
      'Aide-soignant(e) de nuit – 1 801,80 € brut : c’est l’œuvre d’un « cœur » à Sélestat… ‹ Précédent › Suivant';
    const bytes = encodeWindows1252(text);
    expect(bytes.length).toBe([...text].length);
    expect(textDecoderWindows1252(bytes)).toBe(text);
    expect(decodeWindows1252(bytes)).toBe(text);
  });

  it('agrees with the WHATWG decoder on all 256 bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    expect(decodeWindows1252(all)).toBe(textDecoderWindows1252(all));
  });

  it('refuses characters it has no byte for, or writes them as HTML references', () => {
    expect(isWindows1252Encodable('Sélestat €')).toBe(true);
    expect(isWindows1252Encodable('1\u202f801 €')).toBe(false);
    expect(() => encodeWindows1252('→')).toThrow(/U\+2192/);
    expect(encodeWindows1252('a→b', { unmappable: 'html' }).toString('latin1')).toBe('a&#8594;b');
  });
});
