import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/** A calendar date as the API takes it: `YYYY-MM-DD` (Paris dates, no time). */
export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const DATE_MESSAGE = (field: string): string => `${field} must be a date YYYY-MM-DD`;

/**
 * The years a date of this service can fall in (births, contracts, follow-ups). PostgreSQL refuses
 * year 0 and the pattern alone let `0000-01-01` and `2026-02-31` through to a failed query (500).
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/** `YYYY-MM-DD` naming a day that exists, between FIRST_YEAR and LAST_YEAR. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= FIRST_YEAR && year <= LAST_YEAR && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 date-time naming an instant that exists, between FIRST_YEAR and LAST_YEAR. */
export function isCalendarDateTime(value: unknown): boolean {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true, strictSeparator: true })) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A date field: `YYYY-MM-DD`, a day that exists, in the years the service deals with. */
export const CalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: (args) => DATE_MESSAGE(args?.property ?? 'value') },
    },
    options,
  );

/** A date-time field (ISO 8601), an instant that exists, in the years the service deals with. */
export const CalendarDateTime = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDateTime',
      validator: {
        validate: isCalendarDateTime,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date-time (ISO 8601)`,
      },
    },
    options,
  );
