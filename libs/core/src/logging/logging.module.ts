import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { redactRequestUrl } from './redact-request-url.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Reuses a caller's `X-Request-Id` when it is sane, otherwise makes one; echoes it in the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs (pino) on stdout, one line per event, with the request id on every HTTP line.
 * Logs are read by more people, kept longer and copied further than the database: no credential
 * goes in them. The URL is logged with its secrets redacted (card-link tokens, OIDC `code` and
 * `state`, the one-time SSO code, any long opaque token); headers are not logged at all, and the
 * redact paths are a second line should a serializer ever add them.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'logLevel'>, service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            base: { service },
            genReqId: requestId,
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            // Probes hit these every few seconds; they would drown the useful lines.
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
                'res.headers.location',
              ],
              censor: '[redacted]',
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: redactRequestUrl(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
