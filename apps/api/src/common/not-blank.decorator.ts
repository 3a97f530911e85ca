import { Matches } from 'class-validator';

/**
 * Text with something besides spaces. Use cases trim names before storing them: a name of spaces
 * became '' and failed the table's length check (500), or was stored as no name at all.
 */
export const NotBlank = (): PropertyDecorator =>
  Matches(/\S/, { message: ({ property }) => `${property} must not be blank` });
