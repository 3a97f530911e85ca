import path from 'node:path';
import { CaptureFolder } from '../capture/capture-folder.js';
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
  private readonly folder: CaptureFolder<MailMessage>;

  constructor(directory: string) {
    super();
    this.folder = new CaptureFolder<MailMessage>(directory);
  }

  /** Messages sent by this process, oldest first. */
  get sent(): ReadonlyArray<MailMessage & { readonly at: Date }> {
    return this.folder.sent;
  }

  send(message: MailMessage): Promise<void> {
    return this.folder.record(message);
  }

  forgetAbout(personId: string): Promise<number> {
    return this.folder.forgetAbout(personId);
  }
}

export function createMailer(config: { mail: { smtpUrl: URL | undefined; from: string }; dataDir: string }): Mailer {
  return config.mail.smtpUrl
    ? new SmtpMailer(config.mail.smtpUrl, config.mail.from)
    : new CapturingMailer(path.join(config.dataDir, 'mail-outbox'));
}
