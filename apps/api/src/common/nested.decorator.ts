import { applyDecorators } from '@nestjs/common';
import { type ClassConstructor, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';

/*
 * class-validator's @ValidateNested alone lets through what the use case then trips on: it skips
 * a missing value, and walks an array as if it were the object (`"profile": []` passed, then
 * `profile.commune` was read from undefined: a 500). These add the shape check it leaves out.
 */

/** A nested object: present (unless @Omittable), a JSON object, and valid as `type`. */
export const NestedObject = <T extends object>(type: () => ClassConstructor<T>): PropertyDecorator =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A list of at most `maxItems` nested objects, each a JSON object valid as `type`. */
export const NestedObjectList = <T extends object>(
  type: () => ClassConstructor<T>,
  maxItems: number,
): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(maxItems),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(type),
  );
