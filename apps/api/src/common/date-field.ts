/** A calendar date as the API takes it: `YYYY-MM-DD` (Paris dates, no time). */
export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const DATE_MESSAGE = (field: string): string => `${field} must be a date YYYY-MM-DD`;
