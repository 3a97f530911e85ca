import { beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { previewOpenApiDocument } from './openapi-document.js';

/**
 * Answers still sent without a declared schema. Empty: every endpoint declares its success
 * answers. The list may only shrink: an endpoint typed since must leave it.
 */
const PENDING: string[] = [];

interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Answer {
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, unknown>;
}

type Operation = { responses?: Record<string, Answer> };

let document: OpenAPIObject;

function operations(): Array<{ name: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
}

/** A schema the web's generated types can say something of: a defined component, a shape, a scalar. */
function described(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref) return document.components?.schemas?.[schema.$ref.split('/').pop()!] !== undefined;
  const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (parts) return parts.length > 0 && parts.every(described);
  if (schema.type === 'array') return described(schema.items);
  if (schema.type === 'object' || schema.type === undefined)
    return schema.properties !== undefined || typeof schema.additionalProperties === 'object';
  return true;
}

/** Why an operation's success answers are not declared, or nothing. */
function untyped(operation: Operation): string[] {
  const answers = Object.entries(operation.responses ?? {});
  const successes = answers.filter(([status]) => /^[23]\d\d$/.test(status));
  if (successes.length === 0) return ['no 2xx or 3xx answer declared'];
  return successes.flatMap(([status, answer]) => {
    if (status === '204') return answer.content ? ['204 with a body'] : [];
    if (status.startsWith('3')) return answer.headers?.Location ? [] : [`${status} without a Location header`];
    const media = Object.entries(answer.content ?? {});
    if (media.length === 0) return [`${status} without a body declared`];
    return media.filter(([, { schema }]) => !described(schema)).map(([type]) => `${status} ${type} without a schema`);
  });
}

describe('the OpenAPI document’s answers', () => {
  beforeAll(async () => {
    document = await previewOpenApiDocument();
  });

  it('declares every success answer: a schema, a non-JSON media type, a 204 or a redirect', () => {
    const problems = operations()
      .filter(({ name }) => !PENDING.includes(name))
      .flatMap(({ name, operation }) => untyped(operation).map((why) => `${name}: ${why}`));
    expect(problems).toEqual([]);
  });

  it('keeps the list of pending endpoints honest: each is still untyped and still exists', () => {
    const byName = new Map(operations().map(({ name, operation }) => [name, operation]));
    const gone = PENDING.filter((name) => !byName.has(name));
    const typedSince = PENDING.filter((name) => byName.has(name) && untyped(byName.get(name)!).length === 0);
    expect({ gone, typedSince }).toEqual({ gone: [], typedSince: [] });
  });

  it('refers only to schemas it defines', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1],
    );
    const undefinedRefs = [...new Set(refs)].filter((name) => !document.components?.schemas?.[name]);
    expect(undefinedRefs).toEqual([]);
  });
});
