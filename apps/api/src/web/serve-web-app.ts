import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

export const WEB_BASE = '/app';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A hashed script or stylesheet in the compressed copy the build wrote beside it (vite.config.ts), brotli when the
 * browser accepts it, else gzip: about a third of the bytes, with no compression work per request. Anything else
 * (no copy, a browser that accepts neither, a name that is not a plain file name) goes on to the plain file.
 */
function precompressed(assetsDir: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const name = request.path.slice(1);
    const type = TYPES[path.extname(name)];
    if (!type || !/^[\w-]+\.(js|css)$/.test(name)) return next();
    // Ours before the browser's order: Chromium lists gzip before br, and brotli is the smaller.
    const accepted = request.acceptsEncodings();
    const encoding = ENCODINGS.find((candidate) => accepted.includes(candidate.name));
    response.setHeader('Vary', 'Accept-Encoding');
    if (!encoding) return next();
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Encoding', encoding.name);
    response.setHeader('Cache-Control', IMMUTABLE);
    response.sendFile(path.join(assetsDir, `${name}${encoding.suffix}`), (error?: Error) => {
      if (!error || response.headersSent) return;
      // No compressed copy (a build without them): the plain file, as it is.
      for (const header of ['Content-Type', 'Content-Encoding', 'Cache-Control']) response.removeHeader(header);
      next();
    });
  };
}

/**
 * The web application, same origin as the API: its built files under /app/ (hashed assets cached
 * for a year, the page itself never), every other /app/ path answered with the page (the
 * application routes in the browser), and / sent to /app/. Without a build, /app/ says how to make one.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  const built = existsSync(index);
  app.use(`${WEB_BASE}/assets`, precompressed(path.join(webDir, 'assets')));
  app.use(
    WEB_BASE,
    express.static(webDir, {
      index: false,
      fallthrough: true,
      setHeaders: (response, file) => {
        response.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache');
      },
    }),
  );
  app.use(WEB_BASE, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (!built) {
      response.status(503).type('text/plain; charset=utf-8').send('Application web non construite : npm run build:web');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'GET' && request.path === '/') return response.redirect(302, `${WEB_BASE}/`);
    next();
  });
}
