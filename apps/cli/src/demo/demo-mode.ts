import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { preferredPort, type ResolvedConfig } from '@passerelle/core';
import { startDemoSources } from '@passerelle/demo';
import { IngestionJobs, ManageSources, type SourceInput, TrustedFetchHosts } from '@passerelle/ingestion';

export const DEMO_DEPARTEMENTS = ['59', '62', '67', '68'];

export interface DemoMode {
  readonly baseUrl: string;
  readonly sources: readonly string[];
  close(): Promise<void>;
}

/** The demo boards as Passerelle sources: two HTML boards and a France Travail-compatible API. */
export function demoSourceInputs(demo: Awaited<ReturnType<typeof startDemoSources>>): SourceInput[] {
  return [
    {
      name: 'nordemploi',
      label: 'Nordemploi (démo)',
      kind: 'html_board',
      baseUrl: demo.baseUrl,
      config: demo.nordemploi.description as unknown as Record<string, unknown>,
      rateLimitPerSecond: 20,
      maxConcurrency: 4,
      scheduleMinutes: 60,
    },
    {
      name: 'job-connexion',
      label: 'Job Connexion (démo)',
      kind: 'html_board',
      baseUrl: demo.baseUrl,
      config: demo.jobConnexion.description as unknown as Record<string, unknown>,
      rateLimitPerSecond: 20,
      maxConcurrency: 4,
      scheduleMinutes: 60,
    },
    {
      name: 'france-travail-demo',
      label: 'France Travail (API de démonstration)',
      kind: 'france_travail',
      baseUrl: demo.baseUrl,
      config: {
        apiUrl: demo.franceTravail.apiUrl,
        tokenUrl: demo.franceTravail.tokenUrl,
        clientId: demo.franceTravail.clientId,
        clientSecret: demo.franceTravail.clientSecret,
        scope: demo.franceTravail.scope,
        departements: DEMO_DEPARTEMENTS,
      },
      rateLimitPerSecond: 20,
      maxConcurrency: 2,
      scheduleMinutes: 60,
    },
  ];
}

/**
 * Demo mode: Passerelle serves imitations of the platforms it reads (a few hundred realistic
 * offers, no network needed), registers them as sources and queues a run of each, so a fresh
 * machine shows the main job working. DEMO_MODE=false turns it off.
 */
export async function startDemoMode(
  app: INestApplicationContext,
  config: ResolvedConfig,
  logger: Logger,
): Promise<DemoMode> {
  const demo = await startDemoSources({ port: await preferredPort(config.demo.port), crawlDelaySeconds: 0.1 });
  // The operator turned demo mode on: its boards are trusted on the port they actually took.
  app.get(TrustedFetchHosts).trustDemoBoards(demo.baseUrl);
  const manage = app.get(ManageSources);
  const jobs = app.get(IngestionJobs);
  const names: string[] = [];
  for (const input of demoSourceInputs(demo)) {
    const source = await manage.upsert(input);
    await jobs.syncSchedule(source);
    await jobs.runNow(source.name, 'demo');
    names.push(source.name);
  }
  logger.info({ baseUrl: demo.baseUrl, sources: names }, 'demo boards started and queued for ingestion');
  return { baseUrl: demo.baseUrl, sources: names, close: () => demo.close() };
}
