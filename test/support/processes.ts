import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { rootDir } from '../../scripts/swc-options.mjs';

export interface SpawnedProcess {
  readonly child: ChildProcess;
  /** Everything written so far on stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or 128 + signal number) once the process ended. */
  exited: Promise<number>;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs a built entry point (`apps/cli/src/main.js`, ...) from dist/ with the given environment. */
export function spawnBuilt(entry: string, args: string[], env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, [path.join(rootDir, 'dist', entry), ...args], {
    cwd: rootDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0)));
  });
  return { child, output: () => output, exited };
}
