import { defineConfig } from 'vite';

/**
 * The web application, served by the API under /app/ (same origin: no CORS, the API's CSP).
 * JSX is compiled by Vite's own transformer (the React plugin's Babel peer conflicts with jest's).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Each screen loads as its own chunk, named after its route folder (routes/mediation/page.tsx → mediation-…).
        chunkFileNames: (chunk) => {
          const route = /\/routes\/([^/]+)\/page\.tsx$/.exec(chunk.facadeModuleId ?? '');
          return `assets/${route ? route[1] : '[name]'}-[hash].js`;
        },
      },
    },
  },
});
