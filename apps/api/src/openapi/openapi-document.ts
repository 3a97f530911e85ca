import { type INestApplication, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CoreModule, loadConfig, type ResolvedConfig } from '@passerelle/core';
import { ApiHttpModule } from '../api-http.module.js';

/** The API's OpenAPI document, as served at /docs/openapi.json. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Passerelle API')
      .setDescription(
        'Back-to-work platform for RSA beneficiaries: offers, matching, coaching, IOD mediation, outcomes.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

@Module({})
class PreviewRootModule {}

/**
 * The same document without connecting anything (Nest's preview mode builds the module graph and
 * instantiates no provider): what the web application's types are generated from.
 */
export async function previewOpenApiDocument(config: ResolvedConfig = previewConfig()): Promise<OpenAPIObject> {
  const root: DynamicModule = {
    module: PreviewRootModule,
    imports: [CoreModule.forRoot(config, { service: 'openapi' }), ApiHttpModule],
  };
  const app = await NestFactory.create(root, { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

/** A configuration for the preview: nothing connects, so the addresses only have to be well formed. */
export function previewConfig(): ResolvedConfig {
  // Every address is given (EMBEDDED_SERVICES=off), which is what a resolved configuration adds.
  return loadConfig({
    EMBEDDED_SERVICES: 'off',
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    REDIS_URL: 'redis://127.0.0.1:1',
    MEILI_URL: 'http://127.0.0.1:1',
    MEILI_MASTER_KEY: 'preview-key-preview-key',
    AUTH_JWT_SECRET: 'preview-secret-preview-secret-preview-secret',
    AUTH_TOTP_ENCRYPTION_KEY: '0'.repeat(64),
    DEMO_MODE: 'false',
  }) as ResolvedConfig;
}
