import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { asProcessIdentity, isRunning, processIdentity, type ProcessIdentity } from './process-identity.js';
import type { ServiceLogger } from './service-logger.js';

export interface SupervisedProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly logger: ServiceLogger;
  /** Resolves once the started process serves requests. */
  readonly ready: () => Promise<void>;
  /** Restarts allowed after unexpected exits (0: report and stay down). */
  readonly maxRestarts?: number;
  /**
   * Where the child's pid is kept. A child left running by a Passerelle that was killed outright
   * (SIGKILL, power loss) is found there and stopped before a new one starts on the same data.
   */
  readonly pidFile?: string;
}

/** Every child still running, killed synchronously if this process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** What a child's pid file holds: its pid on the first line (as usual), then the process that owns it. */
function pidFileText(childPid: number): string {
  return `${childPid}\n${JSON.stringify({ owner: processIdentity() })}\n`;
}

function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The process that started the child: as recorded, or (a file written before owners were) its parent now. */
function ownerOf(pid: number, recorded: string | undefined): ProcessIdentity | null {
  if (recorded) {
    try {
      return asProcessIdentity((JSON.parse(recorded) as { owner?: unknown }).owner);
    } catch {
      // damaged: fall back to the parent
    }
  }
  const parent = parentPid(pid);
  // Adopted by init: whoever started it is gone.
  return parent && parent > 1 ? { pid: parent, startTime: null } : null;
}

export class ServiceOwnedElsewhereError extends Error {
  constructor(name: string, pid: number, owner: number, pidFile: string) {
    super(
      `the ${name} of this data directory (pid ${pid}) belongs to the running process ${owner} (${pidFile}); ` +
        'stop that process first, or set PASSERELLE_DATA_DIR to another directory',
    );
    this.name = 'ServiceOwnedElsewhereError';
  }
}

/**
 * Stops a child a previous, killed Passerelle left behind, if its pid still names that command and
 * the process that started it is dead. A child whose owner still runs is that owner's: killing it
 * would take a running platform's service away (its supervisor would restart it, and two servers
 * would share one data directory), so starting another is refused instead.
 */
function stopOrphan(pidFile: string, command: string, logger: ServiceLogger, name: string): void {
  let lines: string[];
  try {
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return;
  }
  const pid = Number(lines[0].trim());
  if (!Number.isInteger(pid) || pid <= 1) {
    rmSync(pidFile, { force: true });
    return;
  }
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
  } catch {
    // not running any more
    rmSync(pidFile, { force: true });
    return;
  }
  if (cmdline !== command || processIdentity(pid) === null) {
    rmSync(pidFile, { force: true });
    return;
  }
  const owner = ownerOf(pid, lines[1]?.trim());
  if (owner && owner.pid !== process.pid && isRunning(owner))
    throw new ServiceOwnedElsewhereError(name, pid, owner.pid, pidFile);
  try {
    process.kill(pid, 'SIGKILL');
    logger.warn({ component: name, pid, owner: owner?.pid }, `stopped an orphaned ${name} left by a previous run`);
  } catch {
    // exited meanwhile
  } finally {
    rmSync(pidFile, { force: true });
  }
}

const KEPT_LINES = 30;

/**
 * A child service (Meilisearch, redis-server) owned by Passerelle: started, watched, stopped with
 * Passerelle. An unexpected exit is logged as an error with the child's last output lines, then the
 * child is restarted with a growing delay, so a crash shows in `/ready` but does not need a restart.
 */
export class SupervisedProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;
  private readonly lastLines: string[] = [];

  constructor(private readonly options: SupervisedProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    this.stopping = false;
    if (this.options.pidFile)
      stopOrphan(this.options.pidFile, this.options.command, this.options.logger, this.options.name);
    this.spawnChild();
    await this.options.ready();
  }

  private spawnChild(): void {
    const { name, command, args, cwd, logger } = this.options;
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    if (this.options.pidFile && child.pid) writeFileSync(this.options.pidFile, pidFileText(child.pid));
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.lastLines.push(line);
        if (this.lastLines.length > KEPT_LINES) this.lastLines.shift();
        logger.debug({ component: name }, line);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (error) => logger.error({ component: name, err: error }, `${name} could not be started`));
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (this.child === child) this.child = undefined;
      if (this.options.pidFile) rmSync(this.options.pidFile, { force: true });
      if (this.stopping) return;
      const maxRestarts = this.options.maxRestarts ?? 5;
      logger.error(
        { component: name, code, signal, lastLines: this.lastLines.slice(-10), restarts: this.restarts },
        `embedded ${name} exited unexpectedly` + (this.restarts < maxRestarts ? '; restarting' : '; giving up'),
      );
      if (this.restarts >= maxRestarts) return;
      this.restarts += 1;
      const delay = Math.min(500 * 2 ** (this.restarts - 1), 10_000);
      setTimeout(() => {
        if (this.stopping) return;
        this.spawnChild();
        this.options.ready().then(
          () => logger.warn({ component: name }, `embedded ${name} is back`),
          (error: unknown) => logger.error({ component: name, err: error }, `embedded ${name} did not come back`),
        );
      }, delay).unref();
    });
  }

  /** Stops the child: SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  /** Kills the child without stopping supervision: used by tests to simulate a crash. */
  crash(): void {
    this.child?.kill('SIGKILL');
  }
}
