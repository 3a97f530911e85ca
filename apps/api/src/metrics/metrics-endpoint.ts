import { timingSafeEqual, createHash } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { httpRequestDuration, MetricsPublisher, type ResolvedConfig, SearchIndexes } from '@passerelle/core';
import { platformGauges, QUEUE_NAMES } from './platform-gauges.js';

export const METRICS_PATH = '/metrics';

/** The route template Express matched (`/offers/:id`), never the raw URL: labels stay few. */
function routeLabel(request: Request): string {
  const { route } = request as unknown as { route?: { path?: unknown } };
  if (route && typeof route.path === 'string') return `${request.baseUrl}${route.path}`;
  if (request.originalUrl.startsWith('/app/') || request.originalUrl === '/app') return '/app/*';
  if (request.originalUrl.startsWith('/docs')) return '/docs/*';
  return 'unmatched';
}

/** Times every request, labelled when it finishes (by then Express knows the route it matched). */
export function recordHttpMetrics(request: Request, response: Response, next: NextFunction): void {
  const stop = httpRequestDuration.startTimer();
  response.once('finish', () => {
    stop({ method: request.method, route: routeLabel(request), status: String(response.statusCode) });
  });
  next();
}

function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `GET /metrics` in Prometheus text format, closed to the public: without METRICS_TOKEN it does not
 * exist (the usual 404), with it a request must carry `Authorization: Bearer <token>` (else 401).
 * Outside the access policy on purpose: Prometheus is not a user; it sees counts, never personal data.
 */
export function mountMetrics(app: NestExpressApplication, config: ResolvedConfig): void {
  app.use(recordHttpMetrics);
  const token = config.metricsToken;
  app.use(METRICS_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (token === undefined || request.method !== 'GET' || request.path !== '/') return next();
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (given === undefined || !sameToken(given, token)) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      response.status(401).json({ code: 'metrics_token_required', message: 'Jeton de métriques requis.' });
      return;
    }
    scrape(app)
      .then((text) => {
        response.setHeader('Cache-Control', 'no-store');
        response.type('text/plain; version=0.0.4; charset=utf-8').send(text);
      })
      .catch(next);
  });
}

async function scrape(app: NestExpressApplication): Promise<string> {
  const queues = new Map<string, Queue>();
  for (const name of QUEUE_NAMES) queues.set(name, app.get<Queue>(getQueueToken(name), { strict: false }));
  const gauges = await platformGauges({
    dataSource: app.get<DataSource>(getDataSourceToken(), { strict: false }),
    queues,
    meili: app.get(Meilisearch, { strict: false }),
    indexes: app.get(SearchIndexes, { strict: false }),
  });
  const processes = await app.get(MetricsPublisher, { strict: false }).deploymentText();
  return `${processes}${await gauges.metrics()}`;
}
