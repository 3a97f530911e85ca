import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { CoreModule, type ResolvedConfig } from '@passerelle/core';
import { ApiHttpModule } from './api-http.module.js';
import { assertEveryRouteHasAnAccessRule } from './auth/route-access-check.js';
import { createValidationPipe } from './errors/validation.js';
import { mountMetrics } from './metrics/metrics-endpoint.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { serveWebApp } from './web/serve-web-app.js';

export interface ApiAppOptions {
  readonly service: string;
  /** More modules for the same process, e.g. the worker's processors in the all-in-one mode. */
  readonly extraModules?: Array<Type | DynamicModule>;
}

@Module({})
class ApiRootModule {}

/** Builds the API application (not yet listening): one place for its middleware, docs and pipes. */
export async function createApiApp(config: ResolvedConfig, options: ApiAppOptions): Promise<NestExpressApplication> {
  const root: DynamicModule = {
    module: ApiRootModule,
    imports: [CoreModule.forRoot(config, { service: options.service }), ApiHttpModule, ...(options.extraModules ?? [])],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  mountMetrics(app, config);
  app.use(
    helmet({
      // Scripts only from our own files, never inline: an injected <script> or handler does not run,
      // so it cannot act with the page's session (the web build and Swagger UI load only files). The
      // API docs page (Swagger UI) still needs inline styles.
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  // Closed unless origins are configured: the web app is served by this API, same origin.
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    credentials: false,
    maxAge: 600,
  });
  app.useGlobalPipes(createValidationPipe());
  serveWebApp(app, config.webDir);

  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.init();
  assertEveryRouteHasAnAccessRule(app);
  return app;
}
