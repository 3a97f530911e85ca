import { type DynamicModule, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, type ResolvedConfig } from '@passerelle/core';

@Module({})
class TestRootModule {}

/** The real modules (and CoreModule) in an application context, without HTTP: for use-case tests. */
export async function startAppContext(
  config: ResolvedConfig,
  modules: Array<Type | DynamicModule>,
): Promise<INestApplicationContext> {
  const root: DynamicModule = {
    module: TestRootModule,
    imports: [CoreModule.forRoot(config, { service: 'test' }), ...modules],
  };
  const app = await NestFactory.createApplicationContext(root, { logger: ['error'] });
  await app.init();
  return app;
}
