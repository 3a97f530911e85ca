import type { INestApplicationContext } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { freePort, SearchIndexes } from '@passerelle/core';
import { DEMO_JOBS } from '@passerelle/demo';
import { CreateUser, EnsureFirstAdmin, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import {
  MATCH_ATTRIBUTES,
  MATCH_WINDOW,
  MatchOffers,
  OFFERS_INDEX,
  ReindexOffers,
  SkillModel,
  SyncOffersIndex,
  type MatchingProfile,
} from '@passerelle/matching';
import { ImportReferential } from '@passerelle/referential';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { benchEnvironment } from './bench-env.js';
import { franceTravailSource, startRemoteDemo } from './remote-demo.js';

export interface MatchingBenchResult {
  readonly offers: number;
  readonly indexed: number;
  readonly ingestSeconds: number;
  readonly initialIndexSeconds: number;
  readonly reindexSeconds: number;
  readonly concurrency: number;
  readonly requests: number;
  readonly api: { readonly p50Ms: number; readonly p95Ms: number };
  readonly rawMeilisearch: { readonly p50Ms: number; readonly p95Ms: number };
  readonly ratioP95: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

async function concurrently(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const timings: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        const started = performance.now();
        await task(i);
        timings.push(performance.now() - started);
      }
    }),
  );
  return timings;
}

const COMMUNES = ['59350', '59512', '59599', '59183', '62041', '62193', '67482', '68224', '68066', '59606'];

/**
 * `offers` offers ingested and indexed with their skill vectors; then matched searches through the
 * HTTP API at concurrency 8, next to the raw Meilisearch query for the same request (same vector,
 * same filters, same window) measured in the same run; and a full reindex with swap.
 */
export async function matchingBench(offers: number, log: (line: string) => void): Promise<MatchingBenchResult> {
  const env = await benchEnvironment('matching');
  const demo = await startRemoteDemo(offers);
  let app: INestApplicationContext | undefined;
  try {
    const api = await createApiApp(env.config, { service: 'bench', extraModules: [] });
    app = api;
    log('bench matching: reference data');
    await api.get(ImportReferential).execute();
    await api.get(ManageSources).upsert(franceTravailSource(demo));
    log(`bench matching: ingesting ${offers} offers`);
    let started = performance.now();
    await api.get(RunIngestion).execute('france-travail-demo', { trigger: 'cli' });
    const ingestSeconds = (performance.now() - started) / 1000;
    log(`bench matching: ingested in ${Math.round(ingestSeconds)} s`);

    log('bench matching: indexing from the outbox');
    const sync = api.get(SyncOffersIndex);
    started = performance.now();
    await sync.prepare();
    const synced = await sync.execute();
    const initialIndexSeconds = (performance.now() - started) / 1000;
    log(`bench matching: indexed from the outbox in ${Math.round(initialIndexSeconds)} s`);

    log('bench matching: full reindex with swap');
    started = performance.now();
    const reindex = await api.get(ReindexOffers).execute();
    const reindexSeconds = (performance.now() - started) / 1000;
    log(`bench matching: reindexed ${reindex.documents} offers in ${Math.round(reindexSeconds)} s`);

    const port = await freePort();
    await api.listen(port, '127.0.0.1');
    await api
      .get(EnsureFirstAdmin)
      .execute({ email: 'bench@passerelle.local', password: 'correct horse battery staple' });
    const coach = await api.get(CreateUser).execute(
      { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] },
      {
        email: 'coach@bench.passerelle.local',
        displayName: 'Coach',
        structureId: await structureId(api),
        roles: ['coach'],
        password: 'correct horse battery staple',
      },
    );
    const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: coach.user.email, password: 'correct horse battery staple' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const jobs = [...new Map(DEMO_JOBS.map((job) => [job.romeCode, job])).values()];
    const profiles: MatchingProfile[] = Array.from({ length: 40 }, (_, i) => ({
      experiences: [{ romeCode: jobs[i % jobs.length].romeCode, months: 24 + i }],
      skills: [],
      commune: { inseeCode: COMMUNES[i % COMMUNES.length] },
      maxDistanceKm: 20 + (i % 4) * 10,
      drivingLicence: i % 3 !== 0,
      contractTypes: i % 2 === 0 ? ['cdi', 'cdd', 'interim'] : ['cdi', 'cdd'],
      workingTime: 'any',
    }));
    const requests = 400;
    const concurrency = 8;
    log(`bench matching: ${requests} matched searches through the API, concurrency ${concurrency}`);
    // Warm-up: the skill space, the referential and connections.
    for (const profile of profiles.slice(0, 8))
      await api.get(MatchOffers).execute(profile, {}, { limit: 20, offset: 0 });
    const apiTimings = await concurrently(requests, concurrency, async (i) => {
      const response = await fetch(`http://127.0.0.1:${port}/matching/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ profile: profiles[i % profiles.length], limit: 20 }),
      });
      if (response.status !== 200) throw new Error(`matching search answered ${response.status}`);
      await response.json();
    });

    log('bench matching: the same requests straight to Meilisearch');
    const skills = api.get(SkillModel);
    const space = await skills.space();
    const meili = api.get(Meilisearch);
    const index = meili.index(api.get(SearchIndexes).uid(OFFERS_INDEX.name));
    const raw = profiles.map((profile) => {
      const commune = skills.referential.resolveCommune(profile.commune)!;
      const vector = space.embed(
        profile.experiences.flatMap((experience) =>
          skills
            .occupationSkills(experience.romeCode!)
            .map((skill) => ({ id: skill.code, weight: skill.core ? 1 : 0.5 })),
        ),
      );
      const filter = [
        `_geoRadius(${commune.lat}, ${commune.lng}, ${profile.maxDistanceKm * 1000})`,
        `contractType IN [${profile.contractTypes.map((type) => `"${type}"`).join(', ')}]`,
        ...(profile.drivingLicence ? [] : ['drivingLicences IS EMPTY']),
      ];
      return { vector: vector!, filter };
    });
    const rawTimings = await concurrently(requests, concurrency, async (i) => {
      const query = raw[i % raw.length];
      await index.search(null, {
        vector: query.vector,
        hybrid: { embedder: 'skills', semanticRatio: 1 },
        filter: query.filter,
        limit: MATCH_WINDOW,
        showRankingScore: true,
        attributesToRetrieve: MATCH_ATTRIBUTES,
      });
    });

    const apiResult = { p50Ms: percentile(apiTimings, 50), p95Ms: percentile(apiTimings, 95) };
    const rawResult = { p50Ms: percentile(rawTimings, 50), p95Ms: percentile(rawTimings, 95) };
    return {
      offers,
      indexed: reindex.documents,
      ingestSeconds: Math.round(ingestSeconds),
      initialIndexSeconds: Math.round(initialIndexSeconds),
      reindexSeconds: Math.round(reindexSeconds),
      concurrency,
      requests,
      api: apiResult,
      rawMeilisearch: rawResult,
      ratioP95: Math.round((apiResult.p95Ms / rawResult.p95Ms) * 100) / 100,
      ...(synced.skipped ? { note: 'initial sync skipped' } : {}),
    };
  } finally {
    await app?.close();
    demo.close();
    await env.close();
  }
}

async function structureId(app: INestApplicationContext): Promise<string> {
  const { DataSource } = await import('typeorm');
  const rows: Array<{ id: string }> = await app.get(DataSource).query('SELECT id FROM structure LIMIT 1');
  return rows[0].id;
}
