import { spawn } from 'node:child_process';
import path from 'node:path';

export interface RemoteDemo {
  readonly baseUrl: string;
  readonly franceTravail: { apiUrl: string; tokenUrl: string; clientId: string; clientSecret: string; scope: string };
  readonly nordemploi: { listingUrl: string; description: unknown };
  readonly romeCodes: string[];
  readonly departements: string[];
  readonly total: number;
  readonly nordemploiIds: string[];
  close(): void;
}

/** Starts the demo platforms in a child process (see demo-server.ts). */
export async function startRemoteDemo(offers: number): Promise<RemoteDemo> {
  const child = spawn(process.execPath, [path.join(process.cwd(), 'dist/test/bench/demo-server.js'), String(offers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0]);
    });
    child.once('exit', (code) => reject(new Error(`demo server exited (${code})`)));
  });
  return { ...(JSON.parse(line) as Omit<RemoteDemo, 'close'>), close: () => child.kill('SIGTERM') };
}

/** The France Travail imitation of a remote demo as an ingestion source, as the benchmarks register it. */
export function franceTravailSource(demo: RemoteDemo) {
  return {
    name: 'france-travail-demo',
    label: 'France Travail (démo)',
    kind: 'france_travail' as const,
    baseUrl: demo.baseUrl,
    config: { ...demo.franceTravail, departements: demo.departements, romeCodes: demo.romeCodes },
    rateLimitPerSecond: 50,
  };
}
