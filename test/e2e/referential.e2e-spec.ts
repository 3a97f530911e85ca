import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CoreModule } from '@passerelle/core';
import {
  DATASETS,
  ImportReferential,
  type ImportReport,
  isReferentialEmpty,
  ReferentialIndex,
  ReferentialModule,
} from '@passerelle/referential';
import { createTestContext, type TestContext } from '@passerelle/testing';

@Module({})
class ReferentialTestModule {}

describe('referential import and index (PostgreSQL)', () => {
  let context: TestContext;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let importer: ImportReferential;
  let index: ReferentialIndex;
  let first: ImportReport;
  let second: ImportReport;
  const progress: string[] = [];

  beforeAll(async () => {
    context = await createTestContext();
    app = await NestFactory.createApplicationContext(
      {
        module: ReferentialTestModule,
        imports: [CoreModule.forRoot(context.config, { service: 'test' }), ReferentialModule],
      },
      { logger: false },
    );
    dataSource = app.get<DataSource>(getDataSourceToken());
    importer = app.get(ImportReferential);
    index = app.get(ReferentialIndex);
  });

  afterAll(async () => {
    await app?.close();
    await context?.cleanup();
  });

  it('starts empty, so the all-in-one start would seed it', async () => {
    expect(await isReferentialEmpty(dataSource)).toBe(true);
  });

  it('imports every data set on the first run', async () => {
    first = await importer.execute({ onProgress: (message) => progress.push(message) });
    expect(first.versions).toEqual({ rome: '60', communes: 'COG 2024' });
    expect(first.changed).toBe(true);
    const inserted = Object.fromEntries(DATASETS.map((dataset) => [dataset, first.datasets[dataset].inserted]));
    expect(inserted).toMatchObject({
      occupations: 1_584,
      appellations: 13_120,
      skills: 33_850,
      occupationSkills: 104_219,
      mobilities: 14_912,
      communes: 34_979,
      communePostalCodes: 35_461,
      communeAliases: 500,
    });
    for (const dataset of DATASETS) {
      expect(first.datasets[dataset]).toMatchObject({ updated: 0, unchanged: 0, deleted: 0, skipped: 0 });
    }
    expect(first.durationMs).toBeGreaterThan(0);
    expect(progress.some((message) => message.includes('occupations: 1584 rows'))).toBe(true);
    expect(await isReferentialEmpty(dataSource)).toBe(false);

    const [counts] = await dataSource.query<Array<{ occupations: number; communes: number }>>(
      `SELECT (SELECT count(*) FROM ref_occupation)::int AS occupations, (SELECT count(*) FROM ref_commune)::int AS communes`,
    );
    expect(counts).toEqual({ occupations: 1_584, communes: 34_979 });
  });

  it('changes nothing on a second run', async () => {
    // xmin names the transaction that wrote a row version, xmax one that locked or deleted it.
    const versions = (): Promise<unknown> =>
      dataSource.query(
        `SELECT (SELECT array_agg(xmin::text || '/' || xmax::text ORDER BY code_rome, code_ogr) FROM ref_occupation_skill
                  WHERE code_rome = 'J1501') AS links,
                (SELECT array_agg(xmin::text || '/' || xmax::text ORDER BY insee_code) FROM ref_commune
                  WHERE departement = '59') AS communes`,
      );
    const before = await versions();
    second = await importer.execute();
    expect(await versions()).toEqual(before);
    expect(second.changed).toBe(false);
    for (const dataset of DATASETS) {
      const report = second.datasets[dataset];
      expect({ dataset, ...report }).toEqual({
        dataset,
        total: first.datasets[dataset].total,
        inserted: 0,
        updated: 0,
        unchanged: first.datasets[dataset].total,
        deleted: 0,
        skipped: 0,
      });
    }
    expect(second.durationMs).toBeGreaterThan(0);
    expect(await importer.seedIfEmpty()).toBeNull();

    const runs = await dataSource.query<Array<{ dataset: string; runs: number; version: string }>>(
      `SELECT dataset, count(*)::int AS runs, max(version) AS version FROM ref_import GROUP BY dataset`,
    );
    expect(runs).toHaveLength(DATASETS.length);
    expect(runs.find((run) => run.dataset === 'occupations')).toEqual({
      dataset: 'occupations',
      runs: 2,
      version: '60',
    });
  });

  it('puts back what was changed or removed, and removes what the data does not have', async () => {
    await dataSource.query(`UPDATE ref_occupation SET label = 'altered' WHERE code_rome = 'J1501'`);
    await dataSource.query(`DELETE FROM ref_mobility WHERE from_code_rome = 'J1501' AND rank = 1`);
    await dataSource.query(
      `INSERT INTO ref_commune_alias (insee_code, name, name_with_article, search_key)
       VALUES ('59350', 'Ancienne Lille', 'Ancienne Lille', 'ancienne lille')`,
    );
    const repair = await importer.execute();
    expect(repair.datasets.occupations).toMatchObject({ inserted: 0, updated: 1, deleted: 0 });
    expect(repair.datasets.mobilities).toMatchObject({ inserted: 1, updated: 0, deleted: 0 });
    expect(repair.datasets.communeAliases).toMatchObject({ inserted: 0, updated: 0, deleted: 1 });
    expect(repair.changed).toBe(true);
    const [occupation] = await dataSource.query<Array<{ label: string }>>(
      `SELECT label FROM ref_occupation WHERE code_rome = 'J1501'`,
    );
    expect(occupation.label).toBe('Aide-soignant / Aide-soignante');
  });

  it('keeps each occupation’s ROME 3 origin, and imports again a referential read before it was kept', async () => {
    const origin = async (code: string): Promise<string | null> =>
      (
        await dataSource.query<Array<{ parent: string | null }>>(
          `SELECT parent_code_rome AS parent FROM ref_occupation WHERE code_rome = $1`,
          [code],
        )
      )[0].parent;
    expect(await origin('M1854')).toBe('M1801');
    expect(await origin('G1803')).toBe('G1803');
    // As after migration 1764000023000 on a referential imported before it: the start imports again.
    await dataSource.query(`UPDATE ref_occupation SET parent_code_rome = NULL`);
    expect(await isReferentialEmpty(dataSource)).toBe(true);
    const refilled = await importer.seedIfEmpty();
    expect(refilled?.datasets.occupations).toMatchObject({ inserted: 0, updated: 1_584, deleted: 0 });
    expect(await origin('M1854')).toBe('M1801');
    expect(await isReferentialEmpty(dataSource)).toBe(false);
  });

  it('loads the index once from PostgreSQL and resolves communes', async () => {
    await Promise.all([index.load(), index.load()]);
    expect(index.isLoaded).toBe(true);
    expect(index.loadStats).toMatchObject({ occupations: 1_584, appellations: 13_120, communes: 34_979 });
    // How long the load takes is the benchmarks' business, not a test's (a loaded CI machine varies).
    expect(index.loadStats?.durationMs).toBeGreaterThan(0);

    expect(index.resolveCommune({ name: 'Lille' })).toMatchObject({
      inseeCode: '59350',
      name: 'Lille',
      postalCode: '59000',
      departement: '59',
      region: '32',
    });
    expect(index.resolveCommune({ postalCode: '59100' })).toMatchObject({ inseeCode: '59512', name: 'Roubaix' });
    expect(index.resolveCommune({ name: 'Strasbourg', postalCode: '67000' })?.inseeCode).toBe('67482');
    expect(index.resolveCommune({ name: 'Strasbourg', postalCode: '67100' })?.postalCode).toBe('67100');
    expect(index.resolveCommune({ name: 'Le Cateau-Cambrésis' })).toMatchObject({
      inseeCode: '59136',
      name: 'Le Cateau-Cambrésis',
    });
    expect(index.resolveCommune({ name: 'Cateau-Cambrésis (Le)' })?.inseeCode).toBe('59136');
    expect(index.resolveCommune({ name: 'Colmar' })).toMatchObject({ inseeCode: '68066', departement: '68' });
    expect(index.resolveCommune({ name: 'COLMAR 68' })?.inseeCode).toBe('68066');
    expect(index.resolveCommune({ name: 'Lille', postalCode: '59031' })?.inseeCode).toBe('59350');
    const lille = index.resolveCommune({ inseeCode: '59350' });
    expect(lille?.lat).toBeCloseTo(50.63, 1);
    expect(lille?.lng).toBeCloseTo(3.05, 1);
  });

  it('infers occupations and answers ROME lookups from memory', () => {
    expect(index.inferOccupation("Agent d'entretien H/F - CDI")?.codeRome).toBe('K2205');
    expect(index.inferOccupation('Aide-soignant(e) de nuit')?.codeRome).toBe('J1501');
    expect(index.inferOccupation('Chauffeur PL')).toMatchObject({ codeRome: 'N4101', score: 1 });
    expect(index.occupation('j1501')).toEqual({ code: 'J1501', label: 'Aide-soignant / Aide-soignante' });
    expect(index.isKnownRomeCode('J1501')).toBe(true);
    expect(index.isKnownRomeCode('Z9999')).toBe(false);

    const skills = index.skillsOfOccupation('J1501');
    expect(skills.filter((skill) => skill.core).length).toBeGreaterThan(5);
    expect(skills[0]?.core).toBe(true);
    const mobilities = index.mobilitiesFrom('J1501');
    expect(mobilities[0]?.rank).toBe(1);

    expect(index.autocomplete('commune', 'roub', 3)[0]).toMatchObject({ code: '59512', label: 'Roubaix' });
    expect(index.autocomplete('appellation', 'aide-soig', 3)[0]?.codeRome).toBe('J1501');
  });

  it('drops its copy when an import changes the referential', async () => {
    await dataSource.query(`UPDATE ref_occupation SET label = 'altered' WHERE code_rome = 'J1501'`);
    await importer.execute();
    expect(index.isLoaded).toBe(false);
    await index.load();
    expect(index.occupation('J1501')?.label).toBe('Aide-soignant / Aide-soignante');
  });
});
