// One swc configuration for the build (scripts/build.mjs) and for jest (jest.config.mjs),
// so tests run exactly the code the build emits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The `paths` of tsconfig.json, so `@passerelle/x` is rewritten to a relative import. */
function tsconfigPaths() {
  const tsconfig = JSON.parse(readFileSync(path.join(rootDir, 'tsconfig.json'), 'utf8'));
  return tsconfig.compilerOptions.paths ?? {};
}

export function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      // Nest's dependency injection reads constructor parameter types from decorator metadata.
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: rootDir,
      paths: tsconfigPaths(),
    },
    module: { type: 'es6', resolveFully: true },
    sourceMaps: true,
  };
}
