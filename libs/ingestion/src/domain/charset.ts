/**
 * The text of a fetched page, decoded with the right charset: from the Content-Type header, else a
 * byte-order mark, else a `<meta charset>` or `http-equiv` in the first bytes, else UTF-8 when the
 * bytes are valid UTF-8, else windows-1252 (many French sites still serve it without saying so).
 */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
};

function canonical(label: string | undefined): string | null {
  if (!label) return null;
  const lower = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (ALIASES[lower]) return ALIASES[lower];
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  return canonical(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1]);
}

export function detectCharset(bytes: Uint8Array, contentType: string | null | undefined): string {
  const declared = charsetFromContentType(contentType);
  if (declared) return declared;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  const fromMeta = canonical(meta);
  if (fromMeta) return fromMeta;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

// windows-1252 differs from ISO-8859-1 in 0x80–0x9F (€, ’, œ, …). Node 20's TextDecoder decodes the
// `windows-1252` label as ISO-8859-1 there, so those bytes are mapped here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : byte)),
    );
  }
  return text;
}

export function decodeBody(
  bytes: Uint8Array,
  contentType: string | null | undefined,
): { text: string; charset: string } {
  const charset = detectCharset(bytes, contentType);
  const text = charset === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(charset).decode(bytes);
  return { text, charset };
}
