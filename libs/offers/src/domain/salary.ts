import { normalizeText } from './text.js';

export type SalaryPeriod = 'hour' | 'month' | 'year';

export interface SalaryRange {
  readonly min: number;
  readonly max: number;
  readonly period: SalaryPeriod;
}

/** "1 801,80" → 1801.8, "1900.00" → 1900, "25k" → 25000. */
function amount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  const thousands = /k$/i.test(cleaned);
  let digits = cleaned.replace(/k$/i, '');
  // A comma is the French decimal separator; a dot followed by exactly 3 digits is a thousands separator.
  if (/,\d{1,2}$/.test(digits)) digits = digits.replace(/\./g, '').replace(',', '.');
  else if (/\.\d{3}$/.test(digits)) digits = digits.replace(/\./g, '');
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value) || value <= 0) return null;
  return thousands ? value * 1000 : value;
}

/**
 * The salary range a text states, when it states one: "1 801,80 € brut mensuel", "Horaire de 11,88
 * Euros sur 12 mois", "Mensuel de 1900.00 Euros à 2100.00 Euros", "25 à 28 k€ annuels". The period
 * comes from words, else from the size of the amount. "Selon profil" gives null.
 */
export function parseSalary(text: string | undefined): SalaryRange | null {
  if (!text) return null;
  // Numbers that are not amounts: "sur 12 mois", "13e mois", "35 h", "2 ans d'expérience".
  const amountsOnly = text
    .replace(/sur\s+\d+(?:[.,]\d+)?\s*mois/gi, ' ')
    .replace(/\d+\s*(?:e|è|ème|eme)?\s*mois/gi, ' ')
    .replace(/\d+(?:[.,]\d+)?\s*h(?:eures?)?(?:\s|$|\/)/gi, ' ')
    .replace(/\d+\s*ans?\b/gi, ' ');
  const numbers = [...amountsOnly.matchAll(/\d[\d\s\u00a0\u202f.,]*\d(?:\s?k)?|\d(?:\s?k)?/gi)]
    .map((match) => amount(match[0].trim()))
    .filter((value): value is number => value !== null && value >= 1);
  if (numbers.length === 0) return null;
  const normalized = normalizeText(text);
  const min = Math.min(...numbers.slice(0, 2));
  const max = Math.max(...numbers.slice(0, 2));
  let period: SalaryPeriod;
  if (/\b(horaire|heure|de l heure)\b/.test(normalized) || /\/\s*h\b/i.test(text)) period = 'hour';
  else if (/\b(annuel|annuels|annuelle|par an|an|annee)\b/.test(normalized) || /k\s*€/i.test(text)) period = 'year';
  else if (/\b(mensuel|mensuelle|mois|mensuels)\b/.test(normalized)) period = 'month';
  else period = max < 100 ? 'hour' : max < 10_000 ? 'month' : 'year';
  if (period === 'hour' && max > 500) return null;
  // "25 à 28 k€": the thousands mark written once applies to both ends.
  if (period === 'year' && min < 1000 && max >= 1000) return { min: min * 1000, max, period };
  return { min, max, period };
}
