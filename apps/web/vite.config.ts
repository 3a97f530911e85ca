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
