/**
 * Reads the free-text places of job offers: `59000 Lille`, `Lille (59)`, `LILLE 59`, `59 - LILLE`
 * (France Travail's wording), `Lille Cedex 9`, `Cateau-Cambrésis (Le)`, `Ajaccio (2A)`,
 * `97400 Saint-Denis`, `Lille, Hauts-de-France`.
 */
export interface ParsedLocation {
  /** The commune name as written, article moved in front, or null when only codes were given. */
  readonly name: string | null;
  readonly postalCode: string | null;
  /** `59`, `2A`, `974`; `20` when a source still writes Corsica undivided. */
  readonly departement: string | null;
}

const DEPARTEMENT_CODE = /^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/;

/** Metropolitan `01`–`95` with Corsica as `2A`/`2B` (or `20`), overseas `971`–`976`. */
export function isDepartementCode(code: string): boolean {
  return DEPARTEMENT_CODE.test(code) || code === '20';
}

/**
 * The département a postal code normally belongs to: its first two digits, three overseas, and
 * Corsica split at 20200 (2A below, 2B from there). A few communes have a postal code of the
 * neighbouring département, so this is a fallback, never a check.
 */
export function departementOfPostalCode(postalCode: string): string | null {
  if (!/^\d{5}$/.test(postalCode)) return null;
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

/** Normalises a postal code as sources write it (`59 000`, ` 59000 `), or null. */
export function cleanPostalCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/\s+/g, '');
  return /^\d{5}$/.test(digits) ? digits : null;
}

const POSTAL_CODE = /(?<!\d)(\d{5}|\d{2} \d{3})(?!\d)/;
const CEDEX = /\bcedex\b(?:\s*\d{1,2}\b)?/gi;
const PARENTHESISED_DEPARTEMENT = /\(\s*(\d{2,3}|2[ab])\s*\)/i;
const LEADING_DEPARTEMENT = /^(\d{2,3}|2[ab])\s*(?:[-–—:]\s*|\s(?=\p{L}))/iu;
const TRAILING_DEPARTEMENT = /(?:^|[\s,–—-])(\d{2,3}|2[ab])\s*$/i;
const TRAILING_ARTICLE = /^(.*?)\s*\(\s*(le|la|les|l')\s*\)\s*(.*)$/i;
const SEGMENT_SEPARATOR = /\s*[,;|]\s*|\s+[-–—]\s+/;

export function parseLocation(text: string): ParsedLocation {
  let rest = text.replace(/\s+/g, ' ').trim();
  let postalCode: string | null = null;
  let departement: string | null = null;

  const postal = POSTAL_CODE.exec(rest);
  if (postal) {
    postalCode = postal[1].replace(' ', '');
    rest = `${rest.slice(0, postal.index)} ${rest.slice(postal.index + postal[0].length)}`.trim();
  }
  rest = rest.replace(CEDEX, ' ').replace(/\s+/g, ' ').trim();

  for (const pattern of [PARENTHESISED_DEPARTEMENT, LEADING_DEPARTEMENT, TRAILING_DEPARTEMENT]) {
    const match = pattern.exec(rest);
    const code = match?.[1].toUpperCase();
    if (match && code && isDepartementCode(code)) {
      departement = code;
      rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`.trim();
      break;
    }
  }

  const article = TRAILING_ARTICLE.exec(rest);
  if (article) {
    const [, before, word, after] = article;
    const capitalised = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
    rest = `${capitalised}${capitalised.endsWith("'") ? '' : ' '}${before} ${after}`.trim();
  }
  // What is left in parentheses is commentary: `Saint-Denis (La Réunion)`, `Lille (Nord)`.
  rest = rest.replace(/\([^)]*\)?/g, ' ').replace(/\s+/g, ' ');

  const name =
    rest
      .split(SEGMENT_SEPARATOR)
      .map((segment) => segment.replace(/^[\s\-–—:.]+|[\s\-–—:.]+$/g, ''))
      .find((segment) => /\p{L}/u.test(segment)) ?? null;
  return { name, postalCode, departement };
}
