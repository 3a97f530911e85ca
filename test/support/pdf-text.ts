import type request from 'supertest';
import { inflateSync } from 'node:zlib';

// WinAnsi's 0x80–0x9f (the rest of its upper half is Latin-1).
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function winAnsi(hex: string): string {
  let text = '';
  for (let index = 0; index + 1 < hex.length; index += 2) {
    const code = parseInt(hex.slice(index, index + 2), 16);
    text += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
  }
  return text;
}

/** The content streams of a PDF, inflated when compressed. */
function streams(pdf: Buffer): string[] {
  const found: string[] = [];
  const source = pdf.toString('latin1');
  const pattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      found.push((match[1].includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // not a deflated stream we can read (none in pdfkit's output with standard fonts)
    }
  }
  return found;
}

/**
 * The text of a PDF written by pdfkit with the standard fonts, one line per baseline, pages in
 * order: enough for tests to check what a document says (not a general PDF parser).
 */
export function pdfText(pdf: Buffer): string {
  const pages: string[] = [];
  for (const stream of streams(pdf)) {
    const fragments: Array<{ x: number; y: number; text: string }> = [];
    const pattern = /1 0 0 1 ([\d.-]+) ([\d.-]+) Tm\s+(?:\/F\d+ [\d.]+ Tf\s+)?\[([^\]]*)\] TJ/g;
    for (let match = pattern.exec(stream); match; match = pattern.exec(stream)) {
      const text = [...match[3].matchAll(/<([0-9a-f]*)>/gi)].map((part) => winAnsi(part[1])).join('');
      fragments.push({ x: Number(match[1]), y: Number(match[2]), text });
    }
    if (fragments.length === 0) continue;
    const lines = new Map<number, Array<{ x: number; text: string }>>();
    for (const fragment of fragments) {
      const key = Math.round(fragment.y);
      lines.set(key, [...(lines.get(key) ?? []), fragment]);
    }
    pages.push(
      [...lines.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, parts]) =>
          parts
            .sort((a, b) => a.x - b.x)
            .map((part) => part.text)
            .join(''),
        )
        .join('\n'),
    );
  }
  return pages.join('\n\f\n');
}

/** A binary answer, such as a PDF (supertest buffers only text and JSON by itself). */
export function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
