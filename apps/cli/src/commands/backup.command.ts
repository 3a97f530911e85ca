import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createProcessLogger, loadConfig, MIGRATIONS, resolveServices, type ServiceSet } from '@passerelle/core';
import { ReindexOffers } from '@passerelle/matching';
import { openCliContext } from '../cli-context.js';

const run = promisify(execFile);

/** The stored files a backup carries, relative to the data directory. Raw payloads live in PostgreSQL. */
export const STORED_FILE_DIRS = ['photos', 'mail-outbox'] as const;
const DUMP_FILE = 'database.dump';
const MANIFEST_FILE = 'manifest.json';
const FORMAT = 1;

interface Manifest {
  readonly format: number;
  readonly createdAt: string;
  /** Migrations applied in the dumped database, in order: a restore needs a build that has them all. */
  readonly migrations: string[];
  readonly postgresServerVersion: string;
  readonly dump: { readonly file: string; readonly sha256: string; readonly bytes: number };
  readonly files: Record<string, number>;
}

async function openServices(): Promise<ServiceSet> {
  const config = loadConfig();
  const logger = createProcessLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'cli');
  return resolveServices(config, logger, { service: 'cli' });
}

async function sha256(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/**
 * pg_dump and pg_restore from PATH (Debian: postgresql-client-NN), at least the server's major
 * version: an older pg_dump refuses a newer server, and a dump is only as good as the tool.
 */
async function postgresTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): Promise<string> {
  let version: string;
  try {
    version = (await run(name, ['--version'])).stdout;
  } catch {
    throw new Error(
      `${name} not found on PATH: install the PostgreSQL ${serverMajor} client (postgresql-client-${serverMajor})`,
    );
  }
  const major = Number(/(\d+)(\.\d+)?/.exec(version)?.[1] ?? 0);
  if (major < serverMajor)
    throw new Error(
      `${name} ${major} is older than the PostgreSQL ${serverMajor} server: install postgresql-client-${serverMajor}`,
    );
  return name;
}

async function serverFacts(
  url: URL,
): Promise<{ major: number; version: string; tables: number; migrations: string[] }> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; num: string; tables: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num,
        (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') AS tables`,
    );
    const facts = rows[0];
    if (!facts) throw new Error('PostgreSQL answered no row');
    const migrations =
      Number(facts.tables) > 0 &&
      (await client.query<{ t: string | null }>(`SELECT to_regclass('typeorm_migrations')::text AS t`)).rows[0]?.t
        ? (await client.query<{ name: string }>('SELECT name FROM typeorm_migrations ORDER BY id')).rows.map(
            (r) => r.name,
          )
        : [];
    return {
      major: Math.floor(Number(facts.num) / 10_000),
      version: facts.version,
      tables: Number(facts.tables),
      migrations,
    };
  } finally {
    await client.end();
  }
}

/**
 * `backup --to DIR`: a consistent PostgreSQL dump (pg_dump, custom format: one snapshot, compressed;
 * raw payloads, audit log and everything else the database holds), the stored files (photos, captured
 * e-mails) and a manifest with the dump's SHA-256. The Meilisearch index is not saved: `restore`
 * rebuilds it from PostgreSQL, the source of truth. Generated keys (token, TOTP) are not in it: keep
 * them apart (README, Production).
 */
export async function backupCommand(options: { to: string }): Promise<void> {
  const target = path.resolve(options.to);
  if (existsSync(target) && (await readdir(target)).length > 0)
    throw new Error(`backup: ${target} is not empty; give a new or empty directory`);
  const services = await openServices();
  try {
    const { config } = services;
    const facts = await serverFacts(config.database.url);
    if (facts.migrations.length === 0)
      throw new Error('backup: the database has no Passerelle schema; nothing to save');
    const pgDump = await postgresTool('pg_dump', facts.major);
    await mkdir(target, { recursive: true });
    const dumpPath = path.join(target, DUMP_FILE);
    process.stderr.write(`backup: dumping PostgreSQL ${facts.version}\n`);
    await run(
      pgDump,
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${dumpPath}`,
        `--dbname=${config.database.url.toString()}`,
      ],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const files: Record<string, number> = {};
    for (const dir of STORED_FILE_DIRS) {
      const source = path.join(config.dataDir, dir);
      files[dir] = await countFiles(source);
      if (files[dir] > 0)
        await cp(source, path.join(target, 'files', dir), { recursive: true, preserveTimestamps: true });
    }
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      migrations: facts.migrations,
      postgresServerVersion: facts.version,
      dump: { file: DUMP_FILE, ...(await sha256(dumpPath)) },
      files,
    };
    await writeFile(path.join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    process.stderr.write(`backup: written to ${target}\n`);
    process.stdout.write(
      `${JSON.stringify({ to: target, dumpBytes: manifest.dump.bytes, files, migrations: facts.migrations.length })}\n`,
    );
  } finally {
    await services.stop();
  }
}

/**
 * `restore --from DIR` into an empty database and a data directory without stored files (refuses
 * otherwise: a restore never merges into live data). Checks the dump's SHA-256, loads it with
 * pg_restore in one transaction (triggers, the audit chain's among them, are created after the data,
 * so rows keep their seals), copies the files back, applies the migrations this build has beyond the
 * backup's, and rebuilds the search index from PostgreSQL.
 */
export async function restoreCommand(options: { from: string }): Promise<void> {
  const source = path.resolve(options.from);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(source, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    throw new Error(`restore: ${source} holds no readable ${MANIFEST_FILE}; is it a Passerelle backup?`);
  }
  if (manifest.format !== FORMAT)
    throw new Error(`restore: backup format ${manifest.format} is not supported (expected ${FORMAT})`);
  const known = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);
  const unknown = manifest.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new Error(
      `restore: the backup comes from a newer version (migration ${unknown[0]} unknown here); restore it with that version`,
    );
  const dumpPath = path.join(source, manifest.dump.file);
  const { sha256: digest } = await sha256(dumpPath);
  if (digest !== manifest.dump.sha256)
    throw new Error(`restore: ${dumpPath} does not match its SHA-256 in the manifest (damaged backup)`);

  const services = await openServices();
  try {
    const { config } = services;
    const facts = await serverFacts(config.database.url);
    if (facts.tables > 0)
      throw new Error(
        `restore: the database ${config.database.url.pathname.slice(1)} is not empty (${facts.tables} tables); restore into a new, empty database`,
      );
    for (const dir of STORED_FILE_DIRS) {
      if ((await countFiles(path.join(config.dataDir, dir))) > 0)
        throw new Error(
          `restore: ${path.join(config.dataDir, dir)} already holds files; restore into an empty data directory`,
        );
    }
    const pgRestore = await postgresTool('pg_restore', facts.major);
    process.stderr.write(`restore: loading the database dump\n`);
    await run(
      pgRestore,
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${config.database.url.toString()}`,
        dumpPath,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    for (const dir of STORED_FILE_DIRS) {
      if ((manifest.files[dir] ?? 0) > 0)
        await cp(path.join(source, 'files', dir), path.join(config.dataDir, dir), {
          recursive: true,
          preserveTimestamps: true,
        });
    }
  } finally {
    await services.stop();
  }
  // Migrations newer than the backup, checksums checked, then the index rebuilt from PostgreSQL.
  const context = await openCliContext();
  try {
    const report = await context.app
      .get(ReindexOffers)
      .execute((indexed) => process.stderr.write(`restore: indexed ${indexed} offers\n`));
    process.stderr.write(`restore: done from ${source}\n`);
    process.stdout.write(`${JSON.stringify({ from: source, files: manifest.files, reindex: report })}\n`);
  } finally {
    await context.close();
  }
}
