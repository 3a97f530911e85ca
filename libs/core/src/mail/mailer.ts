import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /**
   * The person (a beneficiary's id) the message is about, if any: erasing the person erases every
   * copy Passerelle keeps of it.
   */
  readonly aboutPersonId?: string;
}

/**
 * How e-mails leave Passerelle: SMTP when `SMTP_URL` is set, otherwise a local capture that writes
 * each message to `PASSERELLE_DATA_DIR/mail-outbox/` (development, demo, tests) and keeps it in
 * memory. Callers never know which.
 */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;

  /**
   * Deletes the copies kept of the messages about a person (their erasure). SMTP keeps none: a
   * message sent has left for its recipient. Idempotent.
   */
  abstract forgetAbout(personId: string): Promise<number>;
}

export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;

  constructor(
    url: URL,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport(url.toString());
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  forgetAbout(): Promise<number> {
    return Promise.resolve(0);
  }
}

export class CapturingMailer extends Mailer {
  /** Messages sent by this process, oldest first. */
  readonly sent: Array<MailMessage & { readonly at: Date }> = [];

  constructor(private readonly directory: string) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
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

export function createMailer(config: { mail: { smtpUrl: URL | undefined; from: string }; dataDir: string }): Mailer {
  return config.mail.smtpUrl
    ? new SmtpMailer(config.mail.smtpUrl, config.mail.from)
    : new CapturingMailer(path.join(config.dataDir, 'mail-outbox'));
}
