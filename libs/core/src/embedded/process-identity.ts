import { readFileSync } from 'node:fs';

/**
 * A process as files in the data directory remember it. A pid alone is not enough: pids are reused,
 * so a pid recorded by a Passerelle killed hours ago may now name an unrelated process. The start
 * time (clock ticks since boot, from /proc) and the boot id tell the same process from a newcomer.
 */
export interface ProcessIdentity {
  readonly pid: number;
  /** `<boot id>:<start ticks>`, or null where /proc is missing (then the pid alone is compared). */
  readonly startTime: string | null;
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown-boot';
  }
}

/** State and start time out of /proc/<pid>/stat; the command name may hold spaces and parentheses. */
function procStat(pid: number): { state: string; startTicks: string } | null | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    // No such pid: gone. No /proc at all (not Linux): unknown.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && readable('/proc/self/stat') ? null : undefined;
  }
  // Fields after the command: 3 (state) … 22 (starttime).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], startTicks: fields[19] };
}

function readable(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The identity of a running process (this one by default); null when `pid` runs nothing (or a zombie). */
export function processIdentity(pid: number = process.pid): ProcessIdentity | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const stat = procStat(pid);
  if (stat === null || stat?.state === 'Z' || stat?.state === 'X') return null;
  if (stat === undefined) return signalable(pid) ? { pid, startTime: null } : null;
  return { pid, startTime: `${bootId()}:${stat.startTicks}` };
}

/** Whether the process `identity` recorded still runs: same pid, and the same start when both are known. */
export function isRunning(identity: ProcessIdentity): boolean {
  const now = processIdentity(identity.pid);
  if (!now) return false;
  return identity.startTime === null || now.startTime === null || now.startTime === identity.startTime;
}

/** Reads an identity back from parsed JSON; anything else is null (a damaged file counts as no owner). */
export function asProcessIdentity(value: unknown): ProcessIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { pid, startTime } = value as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
  return { pid, startTime: typeof startTime === 'string' ? startTime : null };
}
