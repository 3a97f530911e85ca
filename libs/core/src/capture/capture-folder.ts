import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where messages go when no provider is configured (development, demo, tests): each message a JSON
 * file in a folder (readable by the owner only) and a copy in memory. The mailer and the SMS sender
 * capture alike; erasing a person removes every copy about them, in memory and on disk.
 */
export class CaptureFolder<T extends { readonly aboutPersonId?: string }> {
  /** Messages captured by this process, oldest first. */
  readonly sent: Array<T & { readonly at: Date }> = [];

  constructor(private readonly directory: string) {}

  async record(message: T): Promise<void> {
    const at = new Date();
    this.sent.push({ ...message, at });
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const name = `${at.toISOString().replace(/[:.]/g, '-')}-${this.sent.length}.json`;
    await writeFile(path.join(this.directory, name), `${JSON.stringify({ ...message, at }, null, 2)}\n`, {
      mode: 0o600,
    });
  }

  /** Every captured file is read: the folder may hold other processes' messages (API and worker). */
  async forgetAbout(personId: string): Promise<number> {
    for (let index = this.sent.length - 1; index >= 0; index -= 1)
      if (this.sent[index].aboutPersonId === personId) this.sent.splice(index, 1);
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names.filter((entry) => entry.endsWith('.json'))) {
      const file = path.join(this.directory, name);
      const content = await readFile(file, 'utf8').catch(() => null);
      if (content === null) continue;
      let about: unknown;
      try {
        about = (JSON.parse(content) as { aboutPersonId?: unknown }).aboutPersonId;
      } catch {
        continue;
      }
      if (about !== personId) continue;
      await rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }
}
