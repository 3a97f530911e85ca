/**
 * French public holidays (jours fériés), for counting working days. Eleven national ones, three of
 * them moving with Easter; Alsace-Moselle (départements 57, 67, 68) keeps two more under its local
 * law: Good Friday and 26 December. Dates are calendar days ('YYYY-MM-DD'), as they fall in France.
 */

/** Départements where the local law of Alsace-Moselle adds Good Friday and 26 December. */
const ALSACE_MOSELLE = new Set(['57', '67', '68']);

const iso = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const plusDays = (date: string, days: number): string => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

/**
 * Easter Sunday of a Gregorian year ('YYYY-MM-DD'), by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher): exact for every year of the Gregorian calendar.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/**
 * The public holidays of `year`, sorted: national ones, plus Alsace-Moselle's when `departement`
 * is 57, 67 or 68 (any other value, or none, gives the national list).
 */
export function frenchPublicHolidays(year: number, departement?: string | null): string[] {
  const easter = easterSunday(year);
  const days = [
    iso(year, 1, 1), // Jour de l'an
    plusDays(easter, 1), // Lundi de Pâques
    iso(year, 5, 1), // Fête du travail
    iso(year, 5, 8), // Victoire 1945
    plusDays(easter, 39), // Ascension
    plusDays(easter, 50), // Lundi de Pentecôte
    iso(year, 7, 14), // Fête nationale
    iso(year, 8, 15), // Assomption
    iso(year, 11, 1), // Toussaint
    iso(year, 11, 11), // Armistice
    iso(year, 12, 25), // Noël
  ];
  if (departement && ALSACE_MOSELLE.has(departement))
    days.push(plusDays(easter, -2) /* Vendredi saint */, iso(year, 12, 26) /* Saint-Étienne */);
  return days.sort();
}

/** The département of a commune's INSEE code: '67482' → '67', '2A004' → '2A', '97411' → '974'. */
export function departementOfInsee(inseeCode: string): string {
  return inseeCode.startsWith('97') || inseeCode.startsWith('98') ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Whether a calendar day ('YYYY-MM-DD') is a working day: Monday to Friday and not a public holiday. */
export function isFrenchWorkingDay(date: string, departement?: string | null): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !frenchPublicHolidays(Number(date.slice(0, 4)), departement).includes(date);
}

/**
 * `days` working days after `from`, counted on Paris calendar days (weekends and public holidays
 * skipped, see isFrenchWorkingDay), at the same time of day.
 */
export function workingDaysAfter(from: Date, days: number, departement?: string | null): Date {
  let day = parisDay.format(from);
  let calendarDays = 0;
  let left = days;
  while (left > 0) {
    day = plusDays(day, 1);
    calendarDays += 1;
    if (isFrenchWorkingDay(day, departement)) left -= 1;
  }
  return new Date(from.getTime() + calendarDays * 86_400_000);
}
