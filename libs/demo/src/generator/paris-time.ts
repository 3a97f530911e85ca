/**
 * Dates as French sites show them, in Europe/Paris time. Computed from the EU summer-time rule
 * rather than Intl so the output never depends on the ICU data of the machine.
 */

export const DAY_MS = 86_400_000;

/** The last Sunday of a month (0-based), at 01:00 UTC: when EU summer time starts or ends. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}

export function parisOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const summer = epochMs >= lastSundayAtOneUtc(year, 2) && epochMs < lastSundayAtOneUtc(year, 9);
  return summer ? 120 : 60;
}

interface ParisParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly offsetMinutes: number;
}

function parisParts(epochMs: number): ParisParts {
  const offsetMinutes = parisOffsetMinutes(epochMs);
  const local = new Date(epochMs + offsetMinutes * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hours: local.getUTCHours(),
    minutes: local.getUTCMinutes(),
    seconds: local.getUTCSeconds(),
    offsetMinutes,
  };
}

const two = (value: number): string => String(value).padStart(2, '0');

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** `12/11/2026` */
export function formatParisDate(epochMs: number): string {
  const p = parisParts(epochMs);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** `12 novembre 2026` */
export function formatParisLongDate(epochMs: number): string {
  const p = parisParts(epochMs);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** `2026-11-12T08:30:00+01:00`: ISO 8601 with the Paris offset, as `<time datetime>` carries it. */
export function formatParisIso(epochMs: number): string {
  const p = parisParts(epochMs);
  const sign = p.offsetMinutes >= 0 ? '+' : '-';
  const offset = Math.abs(p.offsetMinutes);
  return (
    `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hours)}:${two(p.minutes)}:${two(p.seconds)}` +
    `${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`
  );
}

/** `2026-11-12`: the Paris calendar day. */
export function formatParisDay(epochMs: number): string {
  const p = parisParts(epochMs);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/** The start of the current UTC day: "today" as a stable reference date for a whole day. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
