import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Each hashed script and stylesheet also written brotli- and gzip-compressed beside itself (`x.js.br`, `x.js.gz`),
 * at the highest levels since it is done once per build: the API sends the smallest one the browser accepts
 * (apps/api/src/web/serve-web-app.ts) without compressing anything per request.
 */
function precompressAssets(): Plugin {
  let assetsDir = '';
  return {
    name: 'passerelle-precompress',
    apply: 'build',
    configResolved(config) {
      assetsDir = path.resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    async closeBundle() {
      for (const name of await readdir(assetsDir)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = path.join(assetsDir, name);
        const content = await readFile(file);
        await writeFile(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        await writeFile(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * The web application, served by the API under /app/ (same origin: no CORS, the API's CSP).
 * JSX is compiled by Vite's own transformer (the React plugin's Babel peer conflicts with jest's).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompressAssets()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // The libraries every screen runs on, in chunks of their own: a release that changes only our code
        // leaves them cached (hashed names, cached for a year). React-aria stays with the screens that use
        // each part of it, so the first screen does not load the date pickers of the agenda.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            {
              name: 'vendor-router',
              test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 1,
            },
          ],
        },
        // Each screen loads as its own chunk, named after its route folder (routes/mediation/page.tsx → mediation-…).
        chunkFileNames: (chunk) => {
          const route = /\/routes\/([^/]+)\/page\.tsx$/.exec(chunk.facadeModuleId ?? '');
          return `assets/${route ? route[1] : '[name]'}-[hash].js`;
        },
      },
    },
  },
});
