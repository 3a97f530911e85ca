/**
 * TypeScript types from the API's OpenAPI document, in the shape openapi-fetch reads (`paths`,
 * `components`), so the web application's requests are checked against the API. The subset of
 * OpenAPI that @nestjs/swagger emits is covered: objects, arrays, enums, `$ref`, `nullable`,
 * `allOf`/`oneOf`, path and query parameters, JSON bodies and responses, and answers of another
 * media type (an image, a CSV file); a multipart upload is typed as FormData.
 * (openapi-typescript does the same but pins TypeScript 5; this project is on 6.)
 */

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
  format?: string;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** Schemas the document defines: a `$ref` to anything else (Nest emits a few) becomes `unknown`. */
let known = new Set<string>();

export function schemaType(schema: Schema | undefined, indent = ''): string {
  if (!schema) return 'unknown';
  let type: string;
  const ref = schema.$ref?.split('/').pop();
  if (ref !== undefined) type = known.has(ref) ? `components['schemas'][${JSON.stringify(ref)}]` : 'unknown';
  else if (schema.enum) type = schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  else if (schema.allOf) type = schema.allOf.map((part) => schemaType(part, indent)).join(' & ');
  else if (schema.oneOf ?? schema.anyOf)
    type = (schema.oneOf ?? schema.anyOf)!.map((part) => schemaType(part, indent)).join(' | ');
  else {
    const kind = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (kind) {
      case 'string':
        type = 'string';
        break;
      case 'integer':
      case 'number':
        type = 'number';
        break;
      case 'boolean':
        type = 'boolean';
        break;
      case 'array':
        type = `Array<${schemaType(schema.items, indent)}>`;
        break;
      case 'object':
      case undefined:
        if (schema.properties) {
          const required = new Set(schema.required ?? []);
          const inner = `${indent}  `;
          const fields = Object.entries(schema.properties).map(
            ([name, property]) =>
              `${inner}${key(name)}${required.has(name) ? '' : '?'}: ${schemaType(property, inner)};`,
          );
          type = `{\n${fields.join('\n')}\n${indent}}`;
        } else if (schema.additionalProperties && schema.additionalProperties !== true)
          type = `Record<string, ${schemaType(schema.additionalProperties, indent)}>`;
        else type = kind === 'object' ? 'Record<string, unknown>' : 'unknown';
        break;
      default:
        type = 'unknown';
    }
  }
  return schema.nullable ? `${type} | null` : type;
}

function parameters(operation: Operation, where: 'query' | 'path', indent: string): string {
  const list = (operation.parameters ?? []).filter((parameter) => parameter.in === where);
  if (list.length === 0) return `${where}?: never`;
  const optional = list.every((parameter) => !parameter.required) ? '?' : '';
  const inner = `${indent}  `;
  const fields = list.map(
    (parameter) =>
      `${inner}${key(parameter.name)}${parameter.required ? '' : '?'}: ${schemaType(parameter.schema, inner)};`,
  );
  return `${where}${optional}: {\n${fields.join('\n')}\n${indent}}`;
}

function operationType(operation: Operation, indent: string): string {
  const inner = `${indent}  `;
  const deeper = `${inner}  `;
  const json = operation.requestBody?.content?.['application/json'];
  // A multipart upload (a photo) is sent as the browser's FormData, whatever its parts.
  const multipart = operation.requestBody?.content?.['multipart/form-data'];
  const required = operation.requestBody?.required ? '' : '?';
  const body = json
    ? `${inner}requestBody${required}: { content: { 'application/json': ${schemaType(json.schema, deeper)} } };`
    : multipart
      ? `${inner}requestBody${required}: { content: { 'multipart/form-data': FormData } };`
      : `${inner}requestBody?: never;`;
  const responses = Object.entries(operation.responses ?? {}).map(([status, response]) => {
    const json = response.content?.['application/json'];
    // An answer declared only in other media types (an image, a CSV file) is typed by those.
    const other = Object.entries(response.content ?? {}).filter(([type]) => type !== 'application/json');
    const content =
      !json && other.length > 0
        ? other.map(([type, media]) => `'${type}': ${schemaType(media.schema, deeper)}`).join('; ')
        : `'application/json': ${json ? schemaType(json.schema, deeper) : 'unknown'}`;
    // A numeric key, as openapi-fetch matches the status (200 | 201 | …) to type `data` and `error`.
    return `${deeper}${/^\d+$/.test(status) ? status : key(status)}: { headers: { [name: string]: unknown }; content: { ${content} } };`;
  });
  return [
    '{',
    `${inner}parameters: {`,
    `${deeper}${parameters(operation, 'query', deeper)};`,
    `${deeper}header?: never;`,
    `${deeper}${parameters(operation, 'path', deeper)};`,
    `${deeper}cookie?: never;`,
    `${inner}};`,
    body,
    `${inner}responses: {`,
    ...responses,
    `${inner}};`,
    `${indent}}`,
  ].join('\n');
}

/** The generated module's source: deterministic (sorted), so a test can compare it with the committed file. */
export function typescriptFromOpenApi(document: OpenApiDocument): string {
  known = new Set(Object.keys(document.components?.schemas ?? {}));
  const lines = [
    "// Generated from the API's OpenAPI document by `npm run web:api-types`. Do not edit.",
    '',
    'export interface paths {',
  ];
  for (const path of Object.keys(document.paths).sort()) {
    const item = document.paths[path];
    lines.push(`  ${JSON.stringify(path)}: {`);
    for (const method of METHODS)
      lines.push(item[method] ? `    ${method}: ${operationType(item[method], '    ')};` : `    ${method}?: never;`);
    lines.push('  };');
  }
  lines.push('}', '', 'export interface components {', '  schemas: {');
  const schemas = document.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) lines.push(`    ${key(name)}: ${schemaType(schemas[name], '    ')};`);
  lines.push('  };', '}', '');
  return lines.join('\n');
}
