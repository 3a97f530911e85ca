import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A secret generated on first use and kept (mode 600) in `file`, so embedded services and tokens
 * survive restarts of the development platform. Production passes its secrets by environment.
 */
export async function persistentSecret(file: string, bytes = 24): Promise<string> {
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    if (secret.length >= 16) return secret;
  } catch {
    // first use: generate below
  }
  const secret = randomBytes(bytes).toString('hex');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
