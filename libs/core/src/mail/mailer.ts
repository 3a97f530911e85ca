import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * How e-mails leave Passerelle: SMTP when `SMTP_URL` is set, otherwise a local capture that writes
 * each message to `PASSERELLE_DATA_DIR/mail-outbox/` (development, demo, tests) and keeps it in
 * memory. Callers never know which.
 */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
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
}

export function createMailer(config: { mail: { smtpUrl: URL | undefined; from: string }; dataDir: string }): Mailer {
  return config.mail.smtpUrl
    ? new SmtpMailer(config.mail.smtpUrl, config.mail.from)
    : new CapturingMailer(path.join(config.dataDir, 'mail-outbox'));
}
