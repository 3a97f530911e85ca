import { createApiApp } from '../../../api/src/create-api-app.js';
import { WorkerProcessorsModule } from '../../../worker/src/worker-processors.module.js';
import { MEILISEARCH_VERSION, onShutdownSignal, prepareRuntime } from '@passerelle/core';
import { EnsureFirstAdmin } from '@passerelle/identity';
import { ImportReferential } from '@passerelle/referential';
import { startDemoMode, type DemoMode } from '../demo/demo-mode.js';
import { FollowUpScheduler } from '@passerelle/outcomes';
import { seedDemoPortfolio } from '../demo/demo-portfolio.js';
import { redactUrl } from '../redact-url.js';

/** API and worker in one process on embedded defaults: what the README's first command runs. */
export async function startCommand(): Promise<void> {
  const { services, logger } = await prepareRuntime('all-in-one', undefined, { exclusive: true });
  const { config, origins } = services;
  const app = await createApiApp(config, { service: 'all-in-one', extraModules: [WorkerProcessorsModule] });
  let demo: DemoMode | undefined;
  onShutdownSignal(logger, config.worker.shutdownTimeoutMs + 10_000, async () => {
    await app.close();
    await demo?.close();
    await services.stop();
  });
  // An empty database gets the reference data (ROME, communes) before anything needs it.
  const seeded = await app.get(ImportReferential).seedIfEmpty();
  if (seeded) logger.info({ durationMs: seeded.durationMs }, 'reference data imported (ROME 4.0, communes)');
  await app.listen(config.http.port, config.http.host);
  // Before the demo boards' first ingestion and the index sync take the connection pool: on a busy
  // machine, a wait of more than 5 s for a connection made the whole start fail here.
  const admin = await app.get(EnsureFirstAdmin).execute();
  if (config.demo.enabled) demo = await startDemoMode(app, config, logger);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  services.announce(url);
  const lines = [
    '',
    'Passerelle is running (API + worker in one process).',
    `  Web app       ${url}/app/ (log in with an account below)`,
    `  API           ${url}`,
    `  API docs      ${url}/docs`,
    `  Readiness     ${url}/ready`,
    `  PostgreSQL    ${origins.postgres.padEnd(10)} ${redactUrl(config.database.url)}`,
    `  Redis         ${origins.redis.padEnd(10)} ${redactUrl(config.redis.url)}`,
    `  Meilisearch   ${origins.meilisearch.padEnd(10)} ${redactUrl(config.meilisearch.url)}` +
      (origins.meilisearch === 'embedded' ? ` (${MEILISEARCH_VERSION})` : ''),
    `  Data          ${config.dataDir}`,
    ...(demo
      ? [
          `  Demo boards   ${demo.baseUrl} (${demo.sources.join(', ')}; DEMO_MODE=false turns them off)`,
          `  Offers        ${url}/offers (after logging in; runs: ${url}/sources)`,
        ]
      : []),
    'Stop with Ctrl+C.',
    '',
  ];
  if (admin) {
    // Printed once: only the password's hash is stored.
    lines.splice(
      -2,
      0,
      'First administrator created (this password is shown only now; change it after logging in):',
      `  e-mail      ${admin.email}`,
      `  password    ${admin.password}`,
      ...(admin.expiresAt
        ? [
            `  valid until ${admin.expiresAt.toISOString()} (then: npm run cli -- reset-password --email ${admin.email})`,
          ]
        : []),
      `  log in      POST ${url}/auth/login {"email": "...", "password": "..."}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  // After the banner: the platform is up while the demo portfolio is written (a few seconds).
  // A demo that cannot be written is reported; the platform stays up.
  const portfolio = config.demo.enabled ? await seedDemoWithRetries(app, logger) : null;
  // The demo's past checkpoints fall due at once, rather than at the next hourly resync.
  // Not fatal: the hourly resync does it anyway.
  if (portfolio)
    await app
      .get(FollowUpScheduler)
      .resync()
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'the demo follow-ups will be scheduled at the next resync'),
      );
  if (portfolio)
    process.stdout.write(
      [
        `Demo accounts created, with ${portfolio.beneficiaries} fictitious beneficiaries in coaching and past results (password shown only now):`,
        `  coach       ${portfolio.email}`,
        `  mediator    ${portfolio.mediatorEmail}`,
        `  manager     ${portfolio.managerEmail}`,
        `  password    ${portfolio.password} (the same for the three)`,
        `  log in      ${url}/app/`,
        '',
      ].join('\n'),
    );
}

/**
 * The demo portfolio, tried again a few times: at start the first ingestion runs and the index sync
 * share the connection pool with it, and on a busy machine a wait for a connection can time out.
 * Writing it again is safe (a partial demo is removed and made again).
 */
async function seedDemoWithRetries(
  app: Parameters<typeof seedDemoPortfolio>[0],
  logger: { warn: (object: object, message: string) => void; error: (object: object, message: string) => void },
): Promise<Awaited<ReturnType<typeof seedDemoPortfolio>>> {
  const waits = [2_000, 5_000, 10_000];
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await seedDemoPortfolio(app);
    } catch (error) {
      if (attempt >= waits.length) {
        logger.error(
          { err: error },
          'the demo portfolio could not be written; it will be tried again at the next start',
        );
        return null;
      }
      logger.warn(
        { err: error },
        `the demo portfolio could not be written yet; trying again in ${waits[attempt] / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, waits[attempt]));
    }
  }
}
