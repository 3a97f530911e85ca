import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { previewOpenApiDocument } from '../../apps/api/src/openapi/openapi-document.js';
import { type OpenApiDocument, typescriptFromOpenApi } from '../../apps/api/src/openapi/openapi-typescript.js';

describe('the web application’s API types', () => {
  it('are generated from the API’s current OpenAPI document (npm run web:api-types mends a drift)', async () => {
    const document = await previewOpenApiDocument();
    const committed = readFileSync(path.resolve('apps/web/src/api/schema.ts'), 'utf8');
    expect(typescriptFromOpenApi(document as unknown as OpenApiDocument)).toBe(committed);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/beneficiaries/{id}/matches', '/indicators']));
  });
});
