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
  },
});
