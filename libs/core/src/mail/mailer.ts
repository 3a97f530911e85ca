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

// eslint-disable-next-line no-control-regex -- the very characters a header must not carry
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** A header value on one line: every control character (CR, LF, tab…) becomes a space, runs collapse. */
export function headerText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** One plain address: no control character or space, no second recipient, no display name or comment. */
export function isSingleAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@,;:<>"()[\]\\]+@[^\s@,;:<>"()[\]\\]+\.[^\s@,;:<>"()[\]\\]+$/.test(value);
}

/**
 * The last defence against header injection, whoever built the message: a recipient that is not one
 * plain address is refused (nothing is sent), a subject is put on one line.
 */
export function safeMessage(message: MailMessage): MailMessage {
  if (!isSingleAddress(message.to)) throw new Error('mail refused: the recipient is not one plain e-mail address');
  return { ...message, subject: headerText(message.subject) };
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
    const safe = safeMessage(message);
    await this.transport.sendMail({ from: this.from, to: safe.to, subject: safe.subject, text: safe.text });
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

  async send(message: MailMessage): Promise<void> {
    await this.folder.record(safeMessage(message));
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
