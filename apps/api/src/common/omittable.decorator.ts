import { ValidateIf } from 'class-validator';

/**
 * The field may be left out. Unlike class-validator's @IsOptional, a null is not "left out": it
 * goes through the field's rules and is refused with the field's name, instead of reaching a use
 * case that expects a value or nothing (`"parentId": null` was a 500 in the structure lookup).
 * A field that may be cleared says so with `@ValidateIf((_, value) => value !== null)`.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
