import path from 'node:path';
import { CaptureFolder } from '../capture/capture-folder.js';

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
  private readonly folder: CaptureFolder<SmsMessage>;

  constructor(directory: string) {
    super();
    this.folder = new CaptureFolder<SmsMessage>(directory);
  }

  /** Messages sent by this process, oldest first. */
  get sent(): ReadonlyArray<SmsMessage & { readonly at: Date }> {
    return this.folder.sent;
  }

  send(message: SmsMessage): Promise<void> {
    return this.folder.record(message);
  }

  forgetAbout(personId: string): Promise<number> {
    return this.folder.forgetAbout(personId);
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
