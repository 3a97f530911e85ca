/**
 * Encodes text as windows-1252 bytes: Node's TextEncoder only writes UTF-8 and Buffer's 'latin1'
 * silently mangles € ’ œ “ ” – — …, which French pages are full of. Bytes 0x00-0x7F and 0xA0-0xFF
 * are the same code points as Unicode; 0x80-0x9F hold the typographic characters below (the WHATWG
 * Encoding Standard table, which `new TextDecoder('windows-1252')` reverses).
 */
const HIGH_BYTES: Readonly<Record<number, number>> = {
  0x20ac: 0x80, // €
  0x201a: 0x82, // ‚
  0x0192: 0x83, // ƒ
  0x201e: 0x84, // „
  0x2026: 0x85, // …
  0x2020: 0x86, // †
  0x2021: 0x87, // ‡
  0x02c6: 0x88, // ˆ
  0x2030: 0x89, // ‰
  0x0160: 0x8a, // Š
  0x2039: 0x8b, // ‹
  0x0152: 0x8c, // Œ
  0x017d: 0x8e, // Ž
  0x2018: 0x91, // ‘
  0x2019: 0x92, // ’
  0x201c: 0x93, // “
  0x201d: 0x94, // ”
  0x2022: 0x95, // •
  0x2013: 0x96, // –
  0x2014: 0x97, // —
  0x02dc: 0x98, // ˜
  0x2122: 0x99, // ™
  0x0161: 0x9a, // š
  0x203a: 0x9b, // ›
  0x0153: 0x9c, // œ
  0x017e: 0x9e, // ž
  0x0178: 0x9f, // Ÿ
};

const HIGH_CODE_POINTS: readonly number[] = (() => {
  // 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character: WHATWG maps them to the C1 code point itself.
  const table = Array.from({ length: 32 }, (_, i) => 0x80 + i);
  for (const [codePoint, byte] of Object.entries(HIGH_BYTES)) table[byte - 0x80] = Number(codePoint);
  return table;
})();

export interface Windows1252Options {
  /**
   * What to do with a character windows-1252 cannot hold: `throw` (default), or `html`, which writes
   * a numeric character reference (`&#8239;`), as browsers do when submitting forms.
   */
  readonly unmappable?: 'throw' | 'html';
}

export function windows1252Byte(codePoint: number): number | undefined {
  if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint <= 0xff)) return codePoint;
  return HIGH_BYTES[codePoint];
}

export function encodeWindows1252(text: string, options: Windows1252Options = {}): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const byte = windows1252Byte(codePoint);
    if (byte !== undefined) {
      bytes.push(byte);
    } else if (options.unmappable === 'html') {
      for (const ascii of `&#${codePoint};`) bytes.push(ascii.charCodeAt(0));
    } else {
      throw new RangeError(
        `windows-1252 cannot encode U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} (${char})`,
      );
    }
  }
  return Buffer.from(bytes);
}

/** True when every character of `text` has a windows-1252 byte. */
export function isWindows1252Encodable(text: string): boolean {
  for (const char of text) {
    if (windows1252Byte(char.codePointAt(0) ?? 0) === undefined) return false;
  }
  return true;
}

/**
 * windows-1252 bytes → text, per the WHATWG table. Node 20's `new TextDecoder('windows-1252')
 * .decode(bytes)` takes a Latin-1 shortcut and turns 0x80-0x9F into C1 controls instead of € ’ œ –
 * (nodejs/node#56542); its streaming mode, `decode(bytes, { stream: true })` then `decode()`, is right.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? HIGH_CODE_POINTS[byte - 0x80] : byte);
  return text;
}
