import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface SmsMessage {
  /** The phone number as recorded on the file (the provider normalises it). */
  readonly to: string;
  readonly text: string;
  /** The person (a beneficiary's id) the message is about: erasing them erases the copies kept here. */
  readonly aboutPersonId?: string;
}

/**
 * How SMS leave Passerelle: a provider's HTTP API when `SMS_API_URL` is set, otherwise a local
 * capture that writes each message to `PASSERELLE_DATA_DIR/sms-outbox/` (development, demo, tests)
 * and keeps it in memory, as the mailer does. A failed send throws: the caller records the failure.
 */
export abstract class SmsSender {
  abstract send(message: SmsMessage): Promise<void>;

  /** Deletes the copies kept of the messages about a person (their erasure). Idempotent. */
  abstract forgetAbout(personId: string): Promise<number>;
}

/**
 * A provider's HTTP API: `POST SMS_API_URL` with `{ from, to, text }` in JSON and the token as a
 * bearer. Anything but a 2xx answer within 10 seconds is a failure (the status, never the body,
 * goes in the error: it may echo the message).
 */
export class HttpSmsSender extends SmsSender {
  constructor(
    private readonly url: URL,
    private readonly token: string | undefined,
    private readonly from: string,
    private readonly timeoutMs = 10_000,
  ) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ from: this.from, to: message.to, text: message.text }),
      signal: AbortSignal.timeout(this.timeoutMs),
      redirect: 'error',
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the SMS provider answered ${response.status}`);
  }

  forgetAbout(): Promise<number> {
    return Promise.resolve(0);
  }
}

export class CapturingSmsSender extends SmsSender {
  /** Messages sent by this process, oldest first. */
  readonly sent: Array<SmsMessage & { readonly at: Date }> = [];

  constructor(private readonly directory: string) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    const at = new Date();
    this.sent.push({ ...message, at });
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const name = `${at.toISOString().replace(/[:.]/g, '-')}-${this.sent.length}.json`;
    await writeFile(path.join(this.directory, name), `${JSON.stringify({ ...message, at }, null, 2)}\n`, {
      mode: 0o600,
    });
  }

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

export function createSmsSender(config: {
  sms: { apiUrl: URL | undefined; token: string | undefined; sender: string };
  dataDir: string;
}): SmsSender {
  return config.sms.apiUrl
    ? new HttpSmsSender(config.sms.apiUrl, config.sms.token, config.sms.sender)
    : new CapturingSmsSender(path.join(config.dataDir, 'sms-outbox'));
}
