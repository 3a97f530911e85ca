import type { Rng } from '@passerelle/demo';

/**
 * Malformed requests for an API route, generated from its OpenAPI request schema: what a fuzz test
 * sends to every write route. Deterministic for a given Rng seed, so a failure replays.
 */

/** The subset of OpenAPI schemas @nestjs/swagger emits for request bodies. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  format?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  additionalProperties?: boolean | Schema;
}

export type Components = Readonly<Record<string, Schema>>;

/** One request to send: a JSON body, or a raw body with its content type and headers. */
export interface FuzzCase {
  /** What was sent, for the failure report. */
  readonly label: string;
  readonly body?: unknown;
  readonly raw?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Replaces the route's concrete path (garbage path parameters). */
  readonly path?: string;
  /** The only acceptable status, when the case has one (the body over the limit: 413). */
  readonly expectStatus?: number;
}

type PathPart = string | number;

/** A place in a body where a value sits: a property, or the first item of an array of objects. */
interface Slot {
  readonly path: readonly PathPart[];
  readonly schema: Schema;
  readonly required: boolean;
}

export function resolve(schema: Schema, components: Components): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`unknown schema ${schema.$ref}`);
    return resolve(target, components);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(part, components));
    return {
      ...schema,
      allOf: undefined,
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})) as Record<string, Schema>,
      required: parts.flatMap((part) => part.required ?? []),
    };
  }
  return schema;
}

function isObjectSchema(schema: Schema): boolean {
  return schema.type === 'object' || schema.properties !== undefined;
}

/** A recent day, so that dates the use cases compare with today (not in the future) stay valid. */
const DATE_VALUE = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * A value the schema accepts, as far as the document says (examples, enums, formats), so that
 * one field made wrong at a time reaches the code behind the validation. `hints` gives values by
 * property name where the document cannot (ids of records that exist).
 */
export function validValue(
  schema: Schema,
  components: Components,
  hints: Readonly<Record<string, unknown>>,
  name = '',
): unknown {
  const resolved = resolve(schema, components);
  if (name in hints) return hints[name];
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum && resolved.enum.length > 0) return resolved.enum[0];
  if (resolved.type === 'array') {
    const items = resolved.items ? resolve(resolved.items, components) : {};
    if (items.enum && items.enum.length > 0) return [items.enum[0]];
    return isObjectSchema(items) ? [validValue(items, components, hints)] : [];
  }
  // Formats first: a `string | null` property is declared with a format but reflected as an object.
  if (resolved.format === 'date') return DATE_VALUE;
  if (resolved.format === 'date-time') return `${DATE_VALUE}T10:00:00.000Z`;
  if (resolved.format === 'uuid') return '6f1c2f5e-0b7a-4c1e-9a53-3f0d2b9c8e41';
  if (isObjectSchema(resolved)) {
    const body: Record<string, unknown> = {};
    for (const [property, child] of Object.entries(resolved.properties ?? {})) {
      const required = resolved.required?.includes(property) ?? false;
      const childResolved = resolve(child, components);
      // Optional fields only where the document gives a value that is surely valid.
      const known =
        property in hints ||
        childResolved.example !== undefined ||
        childResolved.enum !== undefined ||
        childResolved.properties !== undefined;
      if (required || known) body[property] = validValue(child, components, hints, property);
    }
    return body;
  }
  if (resolved.type === 'boolean') return false;
  if (resolved.type === 'number' || resolved.type === 'integer') return resolved.default ?? resolved.minimum ?? 1;
  return 'Texte de test';
}

/** Every property of the body, at every depth; arrays of objects through their first item. */
function slotsOf(schema: Schema, components: Components, prefix: readonly PathPart[] = []): Slot[] {
  const resolved = resolve(schema, components);
  const slots: Slot[] = [];
  for (const [property, child] of Object.entries(resolved.properties ?? {})) {
    const childResolved = resolve(child, components);
    const path = [...prefix, property];
    slots.push({ path, schema: childResolved, required: resolved.required?.includes(property) ?? false });
    if (isObjectSchema(childResolved)) slots.push(...slotsOf(childResolved, components, path));
    if (childResolved.type === 'array' && childResolved.items) {
      const items = resolve(childResolved.items, components);
      if (isObjectSchema(items)) {
        slots.push({ path: [...path, 0], schema: items, required: true });
        slots.push(...slotsOf(items, components, [...path, 0]));
      }
    }
  }
  return slots;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** `body` with the value at `path` replaced (made, when a parent is missing), or deleted. */
function withValue(body: unknown, path: readonly PathPart[], value: unknown, remove = false): unknown {
  const copy = clone(body) as Record<PathPart, unknown>;
  let node = copy;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = typeof part === 'number' ? [] : {};
    node = node[part] as Record<PathPart, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    // defineProperty, not assignment: a key named __proto__ must become a real own property.
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function deepValue(depth: number): unknown {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** An object whose own key is `__proto__` (a literal would set the prototype instead). */
function ownProto(value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  Object.defineProperty(object, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const RAW = '\u0001raw\u0001';

interface WrongValue {
  readonly label: string;
  readonly value: unknown;
  /** Written into the JSON text as is (numbers JSON.stringify cannot write). */
  readonly raw?: string;
}

/** Wrong types and hostile values, each tried in place of a valid one. */
export const WRONG_VALUES: readonly WrongValue[] = [
  { label: 'null', value: null },
  { label: '0', value: 0 },
  { label: '-1', value: -1 },
  { label: '1.5', value: 1.5 },
  { label: '1e308', value: 1e308 },
  { label: '-1e308', value: -1e308 },
  { label: '2^53+1', value: RAW, raw: '9007199254740993' },
  { label: '1e999 (Infinity once parsed)', value: RAW, raw: '1e999' },
  { label: '-0', value: RAW, raw: '-0' },
  { label: 'true', value: true },
  { label: 'false', value: false },
  { label: 'empty string', value: '' },
  { label: 'blank string', value: '   ' },
  { label: '"x"', value: 'x' },
  { label: '100k-character string', value: 'a'.repeat(100_000) },
  { label: '"NaN"', value: 'NaN' },
  { label: '"Infinity"', value: 'Infinity' },
  { label: '"1e999"', value: '1e999' },
  { label: '"0x1F"', value: '0x1F' },
  { label: '"-1"', value: '-1' },
  { label: 'NUL and control characters', value: 'a\u0000b\u0007\u001b[31m' },
  { label: 'right-to-left override, emoji, BOM', value: 'Ω𝕏🙂\u202e\ufeff' },
  { label: 'lone surrogate', value: '\ud800' },
  { label: 'impossible date 2026-02-31', value: '2026-02-31' },
  { label: 'year zero 0000-01-01', value: '0000-01-01' },
  { label: 'far date 9999-12-31', value: '9999-12-31' },
  { label: 'impossible date-time', value: '2026-13-45T25:61:61Z' },
  { label: 'year-zero date-time', value: '0000-01-01T00:00:00Z' },
  { label: 'all-f uuid', value: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
  { label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
  { label: '"__proto__"', value: '__proto__' },
  { label: 'SQL-looking text', value: "'; DROP TABLE offer; --" },
  { label: '[]', value: [] },
  { label: '[null]', value: [null] },
  { label: '[[]]', value: [[]] },
  { label: '["x"]', value: ['x'] },
  { label: '[1]', value: [1] },
  { label: '[{}]', value: [{}] },
  { label: '{}', value: {} },
  { label: '{"a":1}', value: { a: 1 } },
  { label: '100k-item array', value: new Array<number>(100_000).fill(0) },
  { label: 'object nested 2000 deep', value: deepValue(2000) },
  { label: 'object with 5000 keys', value: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) },
  { label: '{"__proto__":{"polluted":"yes"}}', value: ownProto({ polluted: 'yes' }) },
  {
    label: '{"constructor":{"prototype":{"polluted":"yes"}}}',
    value: { constructor: { prototype: { polluted: 'yes' } } },
  },
];

/** What replaces a nested object or array: every shape that is not the expected one. */
const CONTAINER_VALUES = WRONG_VALUES.filter((wrong) => ['null', '"x"', '[]', '{}', '[[]]'].includes(wrong.label));

/** What every date field gets: days the calendar or PostgreSQL do not have. */
const DATE_VALUES = WRONG_VALUES.filter((wrong) =>
  ['impossible date 2026-02-31', 'year zero 0000-01-01', 'year-zero date-time', 'NUL and control characters'].includes(
    wrong.label,
  ),
);

/** What every text field gets: trimmed to nothing, and characters PostgreSQL text cannot hold. */
const TEXT_VALUES = WRONG_VALUES.filter((wrong) =>
  ['blank string', 'NUL and control characters'].includes(wrong.label),
);

function jsonCase(label: string, body: unknown, raw?: string): FuzzCase {
  if (raw === undefined) return { label, body };
  return { label, raw: JSON.stringify(body).replace(JSON.stringify(RAW), raw), contentType: 'application/json' };
}

function show(path: readonly PathPart[]): string {
  return path.length === 0 ? 'body' : path.join('.');
}

/**
 * The bodies for one route: every required field missing, every nested object or array replaced
 * by each wrong shape, `sampled` random (field, wrong value) pairs, and keys that try to reach
 * Object.prototype. The valid body comes first.
 */
export function bodyCases(
  schema: Schema,
  components: Components,
  hints: Readonly<Record<string, unknown>>,
  rng: Rng,
  sampled: number,
): FuzzCase[] {
  const valid = validValue(schema, components, hints);
  const slots = slotsOf(schema, components);
  const cases: FuzzCase[] = [{ label: 'valid body', body: valid }];
  for (const slot of slots) {
    if (slot.required) cases.push({ label: `missing ${show(slot.path)}`, body: withValue(valid, slot.path, 0, true) });
    const systematic =
      slot.schema.format === 'date' || slot.schema.format === 'date-time'
        ? DATE_VALUES
        : isObjectSchema(slot.schema) || slot.schema.type === 'array'
          ? CONTAINER_VALUES
          : slot.schema.type === 'string'
            ? TEXT_VALUES
            : [];
    for (const wrong of systematic)
      cases.push(jsonCase(`${show(slot.path)} = ${wrong.label}`, withValue(valid, slot.path, wrong.value), wrong.raw));
  }
  const pairs = slots.flatMap((slot) => WRONG_VALUES.map((wrong) => ({ slot, wrong })));
  for (const { slot, wrong } of rng.sample(pairs, sampled))
    cases.push(jsonCase(`${show(slot.path)} = ${wrong.label}`, withValue(valid, slot.path, wrong.value), wrong.raw));
  for (const path of [[], ...slots.filter((slot) => isObjectSchema(slot.schema)).map((slot) => slot.path)]) {
    cases.push({
      label: `${show(path)} with an own "__proto__" key`,
      body: withValue(valid, [...path, '__proto__'], { polluted: 'yes' }),
    });
    cases.push({
      label: `${show(path)} with a "constructor.prototype" key`,
      body: withValue(valid, [...path, 'constructor'], { prototype: { polluted: 'yes' } }),
    });
  }
  return cases;
}

/** Bodies that are not a JSON object at all, or not JSON, or not what the headers say. */
export function wholeBodyCases(validBody: unknown, bodyLimitBytes: number): FuzzCase[] {
  const json = JSON.stringify(validBody ?? {});
  return [
    { label: 'empty JSON body', raw: '', contentType: 'application/json' },
    { label: 'truncated JSON', raw: json.slice(0, Math.max(1, json.length - 2)), contentType: 'application/json' },
    { label: 'not JSON', raw: 'profile=<script>', contentType: 'application/json' },
    { label: 'JSON array []', body: [] },
    { label: 'JSON array of the valid body', body: [validBody] },
    { label: 'JSON string', raw: '"x"', contentType: 'application/json' },
    { label: 'JSON number', raw: '123', contentType: 'application/json' },
    { label: 'JSON null', raw: 'null', contentType: 'application/json' },
    { label: 'JSON true', raw: 'true', contentType: 'application/json' },
    { label: 'duplicate keys', raw: `{"a":1,"a":2,${json.slice(1)}`, contentType: 'application/json' },
    { label: 'valid body as text/plain', raw: json, contentType: 'text/plain' },
    { label: 'valid body as application/xml', raw: json, contentType: 'application/xml' },
    {
      label: 'form-encoded with bracket keys',
      raw: 'a=1&a=2&profile[commune]=x&__proto__[polluted]=yes&constructor[prototype][polluted]=yes',
      contentType: 'application/x-www-form-urlencoded',
    },
    {
      label: 'multipart with a bogus boundary',
      raw: '--nope\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n',
      contentType: 'multipart/form-data; boundary=zzz',
    },
    { label: 'JSON in an unknown charset', raw: json, contentType: 'application/json; charset=utf-7' },
    {
      label: 'gzip encoding that is not gzip',
      raw: json,
      contentType: 'application/json',
      headers: { 'Content-Encoding': 'gzip' },
    },
    {
      label: 'unknown content encoding',
      raw: json,
      contentType: 'application/json',
      headers: { 'Content-Encoding': 'br2' },
    },
    {
      label: 'own __proto__ key at the top of a raw JSON body',
      raw: `{"__proto__":{"polluted":"yes"},${json.slice(1)}`,
      contentType: 'application/json',
    },
    {
      label: 'array nested 5000 deep',
      raw: `{"deep":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      contentType: 'application/json',
    },
    {
      label: `body one byte over the ${bodyLimitBytes}-byte limit`,
      raw: `{"x":"${'a'.repeat(bodyLimitBytes - 7)}"}`,
      contentType: 'application/json',
      expectStatus: 413,
    },
  ];
}

/** Each path parameter in turn replaced by garbage (the others stay valid). */
export function pathCases(template: string, params: Readonly<Record<string, string>>): FuzzCase[] {
  const garbage: Array<[string, string]> = [
    ['"abc"', 'abc'],
    ['4000 digits', '9'.repeat(4000)],
    ['NUL', '%00'],
    ['malformed percent-encoding', '%E0%A4%A'],
    ['"__proto__"', '__proto__'],
    ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ];
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  return names.flatMap((name) =>
    garbage.map(([label, value]) => ({
      label: `path ${name} = ${label}`,
      path: fillPath(template, { ...params, [name]: value }, false),
    })),
  );
}

/** `/beneficiaries/{id}` with its parameters; values are encoded unless already. */
export function fillPath(template: string, params: Readonly<Record<string, string>>, encode = true): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${template}`);
    return encode ? encodeURIComponent(value) : value;
  });
}

/** A short description of what was sent, for the failure report. */
export function summarise(fuzzCase: FuzzCase): string {
  const text = fuzzCase.raw ?? JSON.stringify(fuzzCase.body) ?? '';
  return `${fuzzCase.label} [${text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text}]`;
}
