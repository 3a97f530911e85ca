// Regenerates the web application's API types from the OpenAPI document, and its error codes from the
// libs' error catalogues (`npm run web:api-types`). A test fails when the committed files and the API
// disagree; this script is how to mend it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from './build.mjs';
import { rootDir } from './swc-options.mjs';

await build({ quiet: true });
const { previewOpenApiDocument } = await import(path.join(rootDir, 'dist/apps/api/src/openapi/openapi-document.js'));
const { typescriptFromOpenApi } = await import(path.join(rootDir, 'dist/apps/api/src/openapi/openapi-typescript.js'));
const { allErrorCodes, webErrorCodesModule } = await import(
  path.join(rootDir, 'dist/apps/api/src/errors/error-catalogues.js')
);
const document = await previewOpenApiDocument();
const dir = path.join(rootDir, 'apps/web/src/api');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'schema.ts'), typescriptFromOpenApi(document));
writeFileSync(path.join(dir, 'error-codes.ts'), webErrorCodesModule());
process.stderr.write(
  `web API types regenerated: ${Object.keys(document.paths).length} paths, ${allErrorCodes().size} error codes\n`,
);
process.exit(0);
