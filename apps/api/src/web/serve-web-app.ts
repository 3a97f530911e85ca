import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

export const WEB_BASE = '/app';

/**
 * The web application, same origin as the API: its built files under /app/ (hashed assets cached
 * for a year, the page itself never), every other /app/ path answered with the page (the
 * application routes in the browser), and / sent to /app/. Without a build, /app/ says how to make one.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  const built = existsSync(index);
  app.use(
    WEB_BASE,
    express.static(webDir, {
      index: false,
      fallthrough: true,
      setHeaders: (response, file) => {
        response.setHeader(
          'Cache-Control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
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
