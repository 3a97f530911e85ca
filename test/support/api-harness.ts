import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ResolvedConfig } from '@passerelle/core';
import { createApiApp, type ApiAppOptions } from '../../apps/api/src/create-api-app.js';
import { checkAnswersAgainstSchemas } from './answer-schemas.js';

export interface RunningApi {
  readonly app: NestExpressApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  close(): Promise<void>;
}

/** The real API application, composed as in production, listening on a free port. */
export async function startApi(
  config: ResolvedConfig,
  options: Partial<ApiAppOptions> & { port?: number } = {},
): Promise<RunningApi> {
  const app = await createApiApp(config, { service: 'api-test', ...options });
  const answersReport = process.env.ANSWER_SCHEMA_REPORT;
  if (answersReport) checkAnswersAgainstSchemas(app, answersReport);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}
