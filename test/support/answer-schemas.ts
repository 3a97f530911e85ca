import { appendFileSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { openApiDocument } from '../../apps/api/src/openapi/openapi-document.js';

/**
 * Checks every JSON answer of an in-process API against the schema its OpenAPI document declares
 * for that route and status, and appends what disagrees (a field undeclared, missing, of another
 * type) as JSON lines to the file `ANSWER_SCHEMA_REPORT` names. Off unless that variable is set:
 * it is how a declared response DTO is checked against what the e2e tests really receive
 * (`ANSWER_SCHEMA_REPORT=/tmp/answers.jsonl npx jest test/e2e/offers-api.e2e-spec.ts ...`).
 */
export function checkAnswersAgainstSchemas(app: NestExpressApplication, reportFile: string): void {
  const document = openApiDocument(app);
  const express = app.getHttpAdapter().getInstance() as { response: Response };
  const json = express.response.json;
  express.response.json = function checked(this: Response, body: unknown): Response {
    try {
      report(reportFile, document, this.req, this.statusCode, body);
    } catch (error) {
      appendFileSync(reportFile, `${JSON.stringify({ error: String(error) })}\n`);
    }
    return json.call(this, body);
  };
}

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

function report(file: string, document: OpenAPIObject, request: Request, status: number, body: unknown): void {
  const route = (request.route as { path?: string } | undefined)?.path;
  if (typeof route !== 'string') return;
  const path = route.replace(/:(\w+)/g, '{$1}');
  const method = request.method.toLowerCase();
  const operation = (document.paths[path] as Record<string, { responses?: Record<string, unknown> }> | undefined)?.[
    method
  ];
  const answer = operation?.responses?.[String(status)] as
    { content?: Record<string, { schema?: Schema }> } | undefined;
  const where = `${method.toUpperCase()} ${path} ${status}`;
  const schema = answer?.content?.['application/json']?.schema;
  const sent = JSON.parse(JSON.stringify(body)) as unknown;
  // The answer's shape (each field's path and JSON type) is written too: two runs compare.
  const shape = [...shapeOf(sent, '$', new Set<string>())].sort();
  if (!schema) {
    // Error answers are the filter's, declared or not; a success answer must be declared.
    if (status < 400) appendFileSync(file, `${JSON.stringify({ where, problems: ['no schema declared'], shape })}\n`);
    return;
  }
  const problems: string[] = [];
  conforms(document, schema, sent, '$', problems);
  appendFileSync(file, `${JSON.stringify({ where, problems, shape })}\n`);
}

function shapeOf(value: unknown, at: string, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    into.add(`${at}: array`);
    for (const item of value) shapeOf(item, `${at}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    into.add(`${at}: object`);
    for (const [name, field] of Object.entries(value)) shapeOf(field, `${at}.${name}`, into);
  } else into.add(`${at}: ${value === null ? 'null' : typeof value}`);
  return into;
}

function resolve(document: OpenAPIObject, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop()!;
  const target = document.components?.schemas?.[name] as Schema | undefined;
  if (!target) throw new Error(`unknown schema ${schema.$ref}`);
  return resolve(document, target);
}

function conforms(document: OpenAPIObject, given: Schema, value: unknown, at: string, problems: string[]): void {
  const schema = resolve(document, given);
  if (value === null) {
    if (!schema.nullable && !given.nullable) problems.push(`${at}: null, not declared nullable`);
    return;
  }
  for (const part of schema.allOf ?? []) conforms(document, part, value, at, problems);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const each = alternatives.map((part) => {
      const found: string[] = [];
      conforms(document, part, value, at, found);
      return found;
    });
    if (!each.some((found) => found.length === 0))
      problems.push(`${at}: matches none of the alternatives (${each.map((found) => found[0]).join('; ')})`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} is not in the enum ${JSON.stringify(schema.enum)}`);
  const kind = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (kind) {
    case 'string':
    case 'boolean':
      if (typeof value !== kind) problems.push(`${at}: ${typeof value}, declared ${kind}`);
      return;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') problems.push(`${at}: ${typeof value}, declared ${kind}`);
      return;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${at}: ${typeof value}, declared array`);
      else if (schema.items)
        value.forEach((item, index) => conforms(document, schema.items!, item, `${at}[${index}]`, problems));
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${at}: ${Array.isArray(value) ? 'array' : typeof value}, declared object`);
        return;
      }
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? [])
        if (record[name] === undefined) problems.push(`${at}.${name}: missing, declared required`);
      for (const [name, field] of Object.entries(record)) {
        const declared = schema.properties?.[name];
        if (declared) conforms(document, declared, field, `${at}.${name}`, problems);
        else if (typeof schema.additionalProperties === 'object')
          conforms(document, schema.additionalProperties, field, `${at}.${name}`, problems);
        else if (schema.additionalProperties !== true && schema.properties)
          problems.push(`${at}.${name}: not declared`);
      }
      return;
    }
    default:
  }
}
