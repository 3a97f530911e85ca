import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@passerelle/core';

/** Flattens class-validator errors into `{field, reason}` with dotted paths (`roles.0`, `address.city`). */
export function validationDetails(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly details: ErrorDetail[]) {
    super('the request is not valid');
  }
}

/**
 * Deeper than any request the API takes (a diagnostic's experience is three levels down), far
 * shallower than what overflows the stack: class-transformer and class-validator both recurse.
 */
export const MAX_NESTING = 16;

/** A UTF-16 surrogate that is not half of a pair: not text, and validator.js's isEmail throws on it. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const MAX_PROBLEMS = 20;

/**
 * What is wrong with a request whatever its DTO says: nesting deep enough to overflow the
 * recursion of the transform and validation steps, NUL characters (PostgreSQL text and jsonb
 * cannot store them) and lone surrogates (not Unicode text). Walked without recursion, keys
 * included, so a free-form object (a source's `config`) is covered too.
 */
export function structuralProblems(value: unknown): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const textProblem = (text: string, field: string): void => {
    if (text.includes('\u0000')) problems.push({ field, reason: `${field} must not contain the NUL character` });
    else if (LONE_SURROGATE.test(text)) problems.push({ field, reason: `${field} must be valid Unicode text` });
  };
  const pending: Array<{ value: unknown; field: string; depth: number }> = [{ value, field: '', depth: 0 }];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const next = pending.pop()!;
    const field = next.field || 'body';
    if (typeof next.value === 'string') textProblem(next.value, field);
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= MAX_NESTING) {
      problems.push({ field, reason: `${field} is nested deeper than ${MAX_NESTING} levels` });
      continue;
    }
    for (const [key, child] of Object.entries(next.value)) {
      const childField = next.field ? `${next.field}.${key}` : key;
      textProblem(key, childField);
      pending.push({ value: child, field: childField, depth: next.depth + 1 });
    }
  }
  return problems;
}

/**
 * Nest's pipe, after a structural check of what the client sent (body, query, path): the DTO
 * rules cannot run on a value that overflows their recursion, and cannot see every string.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = structuralProblems(value);
      if (problems.length > 0) throw new RequestValidationError(problems);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Unknown fields are refused, not silently dropped; types are converted only where declared. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(validationDetails(errors)),
  });
}
