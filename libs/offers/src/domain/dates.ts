import { normalizeText } from './text.js';

const MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
  janv: 1,
  fevr: 2,
  fev: 2,
  avr: 4,
  juil: 7,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function utcDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/**
 * A date as French job boards write it: ISO 8601 ("2026-11-12", "2026-11-12T08:30:00Z"),
 * "12/11/2026", "12.11.2026", "12 novembre 2026", "Publiée le 12/11/2026", or relative
 * ("aujourd'hui", "hier", "il y a 3 jours") against `now`. Null when nothing reads as a date.
 */
export function parseFrenchDate(text: string | undefined, now: Date = new Date()): Date | null {
  if (!text) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(text);
  if (iso) {
    if (iso[4] !== undefined) {
      const parsed = new Date(iso[7] ? iso[0].replace(' ', 'T') : `${iso[0].replace(' ', 'T')}Z`);
      return Number.isNaN(parsed.getTime()) ? null : parsed;
    }
    return utcDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const numeric = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})/.exec(text);
  if (numeric) {
    const year = Number(numeric[3]) < 100 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return utcDate(year, Number(numeric[2]), Number(numeric[1]));
  }
  const normalized = normalizeText(text);
  const written =
    /(\d{1,2}) (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr|fev|avr|juil|sept|oct|nov|dec) (\d{4})/.exec(
      normalized,
    );
  if (written) return utcDate(Number(written[3]), MONTHS[written[2]], Number(written[1]));
  const today = utcDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate())!;
  if (/\baujourd hui\b/.test(normalized)) return today;
  if (/\bhier\b/.test(normalized)) return new Date(today.getTime() - 86_400_000);
  const ago = /il y a (\d+) (jours?|semaines?|mois)/.exec(normalized);
  if (ago) {
    const count = Number(ago[1]);
    const days = ago[2].startsWith('jour') ? count : ago[2].startsWith('semaine') ? count * 7 : count * 30;
    return new Date(today.getTime() - days * 86_400_000);
  }
  return null;
}
