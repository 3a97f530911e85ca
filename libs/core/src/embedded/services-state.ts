import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { asProcessIdentity, isRunning, processIdentity, type ProcessIdentity } from './process-identity.js';

export type EmbeddableService = 'postgres' | 'redis' | 'meilisearch';

/**
 * `services.json` in the data directory: which process runs the embedded services of that
 * directory, and where they listen. It is also the lock: created exclusively (link) by the one
 * process allowed to start services there, rewritten once they answer, removed when it stops. A
 * file whose owner is dead is stale and ignored, whatever its content.
 */
export interface ServicesState {
  readonly owner: ProcessIdentity;
  /** What the owner runs (`all-in-one`, `api`, `cli`, ...), for the messages of the others. */
  readonly service: string;
  readonly startedAt: string;
  /** `starting` until every embedded service answers. */
  readonly status: 'starting' | 'ready';
  /** The URLs of the services the owner embedded (credentials included: the file is mode 600). */
  readonly embedded: Partial<Record<EmbeddableService, string>>;
  /** Where the owner serves HTTP, once it does (`cli start`, the API). */
  readonly url?: string;
}

export const SERVICES_STATE_FILE = 'services.json';

export function servicesStatePath(dataDir: string): string {
  return path.join(dataDir, SERVICES_STATE_FILE);
}

function parse(text: string): ServicesState | null {
  try {
    const value = JSON.parse(text) as Partial<ServicesState>;
    const owner = asProcessIdentity(value.owner);
    if (!owner) return null;
    const embedded: ServicesState['embedded'] = {};
    for (const name of ['postgres', 'redis', 'meilisearch'] as const) {
      const url = value.embedded?.[name];
      if (typeof url === 'string') embedded[name] = url;
    }
    return {
      owner,
      service: typeof value.service === 'string' ? value.service : 'passerelle',
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      status: value.status === 'ready' ? 'ready' : 'starting',
      embedded,
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
    };
  } catch {
    return null;
  }
}

function readFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export type StateLookup =
  | { readonly kind: 'none' }
  | { readonly kind: 'live'; readonly state: ServicesState }
  | { readonly kind: 'stale'; readonly owner: number | null };

/**
 * The state of the data directory, with a stale file (dead owner, or unreadable) removed. The file
 * is moved aside before it is judged, so that two processes cleaning it at once cannot remove a
 * fresh claim made in between: whoever moved a live claim by mistake puts it back.
 */
export function lookUpState(dataDir: string): StateLookup {
  const file = servicesStatePath(dataDir);
  const text = readFile(file);
  if (text === null) return { kind: 'none' };
  const state = parse(text);
  if (state && isRunning(state.owner)) return { kind: 'live', state };
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    // Gone meanwhile: someone else is cleaning it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return lookUpState(dataDir);
    throw error;
  }
  const moved = parse(readFile(aside) ?? '');
  if (moved && isRunning(moved.owner)) {
    try {
      linkSync(aside, file);
    } catch {
      // a newer claim is already there
    }
    rmSync(aside, { force: true });
    return lookUpState(dataDir);
  }
  rmSync(aside, { force: true });
  return { kind: 'stale', owner: moved?.owner.pid ?? null };
}

/** The claim of this process on the data directory. */
export interface ServicesClaim {
  /** Records where the embedded services listen: other processes may now use them. */
  ready(embedded: ServicesState['embedded']): void;
  /** Adds where this process serves HTTP, for the message a second start prints. */
  announce(url: string): void;
  /** Removes the file, if it is still this process's. */
  release(): void;
}

/**
 * Claims the data directory for this process, or answers who holds it. Exclusive creation makes
 * two processes starting at once agree: one claims, the other sees the claim.
 */
export async function claimDataDir(
  dataDir: string,
  service: string,
): Promise<{ readonly claim: ServicesClaim } | { readonly held: StateLookup }> {
  await mkdir(dataDir, { recursive: true });
  const file = servicesStatePath(dataDir);
  const owner = processIdentity();
  if (!owner) throw new Error('cannot read the identity of this process');
  const startedAt = new Date().toISOString();
  let embeddedUrls: ServicesState['embedded'] = {};
  let url: string | undefined;
  const content = (status: ServicesState['status']): string =>
    `${JSON.stringify({ owner, service, startedAt, status, embedded: embeddedUrls, url } satisfies ServicesState, null, 2)}\n`;
  // Written whole aside, then linked into place: link() fails if the file exists (the exclusive
  // part), and a reader never sees a half-written claim.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content('starting'), { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { held: lookUpState(dataDir) };
  } finally {
    rmSync(temporary, { force: true });
  }
  const ours = (): boolean => parse(readFile(file) ?? '')?.owner.pid === owner.pid;
  const release = (): void => {
    if (ours()) rmSync(file, { force: true });
  };
  // Updates are written aside then renamed: a reader never sees half a file.
  const rewrite = (): void => {
    if (!ours()) return;
    writeFileSync(temporary, content('ready'), { mode: 0o600 });
    renameSync(temporary, file);
  };
  // A process that exits without stopping (an uncaught error) leaves no claim behind.
  process.once('exit', release);
  return {
    claim: {
      ready: (embedded) => {
        embeddedUrls = embedded;
        rewrite();
      },
      announce: (httpUrl) => {
        url = httpUrl;
        rewrite();
      },
      release: () => {
        process.removeListener('exit', release);
        release();
      },
    },
  };
}
