import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { isCalendarDate, isCalendarDateTime } from '../common/date-field.js';
import { createValidationPipe, MAX_NESTING, RequestValidationError, structuralProblems } from './validation.js';

type DtoClass = new () => object;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every class of the API declared with class-validator rules: DTOs, params, queries. */
async function validatedClasses(): Promise<Map<string, DtoClass>> {
  const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && file !== 'main.ts')
    .filter((file) => readFileSync(path.join(SOURCE, file), 'utf8').includes("from 'class-validator'"));
  const classes = new Map<string, DtoClass>();
  for (const file of files) {
    const module = (await import(path.join(SOURCE, file))) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value !== 'function' || !/^class\b/.test(Function.prototype.toString.call(value))) continue;
      const rules = getMetadataStorage().getTargetValidationMetadatas(value, '', true, false);
      if (rules.length > 0) classes.set(value.name, value as DtoClass);
    }
  }
  return classes;
}

function rulesOf(dto: DtoClass): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
}

/** The fields a body is refused for, or [] when it is accepted. */
async function refusedFields(dto: DtoClass, body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: dto, data: '' });
    return [];
  } catch (error) {
    if (error instanceof RequestValidationError) return error.details.map((detail) => detail.field);
    throw error;
  }
}

const names = (field: string, property: string): boolean => field === property || field.startsWith(`${property}.`);

describe('validation rules every DTO follows', () => {
  it('finds the DTOs (the walk below checks something)', async () => {
    const classes = await validatedClasses();
    expect([...classes.keys()]).toEqual(
      expect.arrayContaining(['MatchSearchRequest', 'EmployerRequest', 'RegisterBeneficiaryRequest', 'IdParam']),
    );
  });

  it('refuses a nested object that is missing (unless omittable), null, an array or a scalar, naming the field', async () => {
    const failures: string[] = [];
    for (const [name, dto] of await validatedClasses()) {
      const rules = rulesOf(dto);
      const nested = rules.filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION);
      for (const rule of nested) {
        const property = rule.propertyName;
        const omittable = rules.some(
          (other) => other.propertyName === property && other.type === ValidationTypes.CONDITIONAL_VALIDATION,
        );
        const wrong: Array<[string, unknown]> = rule.each
          ? [
              ['null', null],
              ['"x"', 'x'],
              ['{}', {}],
              ['[[]]', [[]]],
              ['["x"]', ['x']],
              ['[null]', [null]],
            ]
          : [
              ['null', null],
              ['"x"', 'x'],
              ['0', 0],
              ['[]', []],
              ['[{}]', [{}]],
              ['[[]]', [[]]],
            ];
        if (!omittable) wrong.push(['missing', undefined]);
        for (const [label, value] of wrong) {
          const body = value === undefined ? {} : { [property]: value };
          const fields = await refusedFields(dto, body);
          if (!fields.some((field) => names(field, property))) failures.push(`${name}.${property} = ${label}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("uses @Omittable, never class-validator's @IsOptional, which lets null through to the use case", async () => {
    const offenders: string[] = [];
    for (const [name, dto] of await validatedClasses())
      for (const rule of rulesOf(dto)) if (rule.name === 'isOptional') offenders.push(`${name}.${rule.propertyName}`);
    expect(offenders).toEqual([]);
  });
});

describe('structural checks on what a client sends', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = i % 2 ? { a: value } : [value];
    return value;
  };

  it(`refuses nesting deeper than ${MAX_NESTING} levels, before anything recurses into it`, () => {
    expect(structuralProblems({ deep: nested(MAX_NESTING - 1) })).toEqual([]);
    const problems = structuralProblems({ deep: nested(100_000) });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toMatch(/^deep(\.(0|a))+$/);
    expect(problems[0].reason).toContain(`nested deeper than ${MAX_NESTING} levels`);
  });

  it('refuses a NUL character in any string or key, naming where it is', () => {
    expect(structuralProblems({ profile: { experiences: [{ jobTitle: 'a\u0000b' }] } })).toEqual([
      {
        field: 'profile.experiences.0.jobTitle',
        reason: 'profile.experiences.0.jobTitle must not contain the NUL character',
      },
    ]);
    expect(structuralProblems({ config: { 'k\u0000': 1 } })[0].field).toBe('config.k\u0000');
  });

  it('refuses lone surrogates and accepts any well-formed text', () => {
    expect(structuralProblems({ email: '\ud800@example.org' })).toEqual([
      { field: 'email', reason: 'email must be valid Unicode text' },
    ]);
    expect(structuralProblems({ name: 'Zoé 🙂 \u202e Ω', tags: ['\u0007', ''], n: 1, b: null })).toEqual([]);
  });

  it('answers a 400 naming the field through the pipe, whatever the DTO', async () => {
    class Anything {}
    await expect(
      createValidationPipe().transform({ name: 'a\u0000' }, { type: 'body', metatype: Anything, data: '' }),
    ).rejects.toBeInstanceOf(RequestValidationError);
  });
});

describe('dates', () => {
  it.each(['2024-02-29', '1900-01-01', '2100-12-31'])('accepts the calendar date %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2026-02-31', '2025-02-29', '0000-01-01', '1899-12-31', '2101-01-01', '2026-1-1', 20260101])(
    'refuses %s, which PostgreSQL or the calendar would not take',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it('takes an ISO 8601 instant only when it exists and falls in the service years', () => {
    expect(isCalendarDateTime('2026-12-03T09:30:00.000Z')).toBe(true);
    expect(isCalendarDateTime('2026-12-03T09:30:00+01:00')).toBe(true);
    for (const value of ['2026-02-31T10:00:00Z', '0000-01-01T00:00:00Z', '2026-13-45T25:61:61Z', '+275760-01-01'])
      expect(isCalendarDateTime(value)).toBe(false);
  });
});
