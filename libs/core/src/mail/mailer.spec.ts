import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CapturingMailer, headerText, isSingleAddress, safeMessage } from './mailer.js';

describe('CapturingMailer.forgetAbout', () => {
  it('deletes the captured copies about one person, from disk and memory, and leaves the others', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'mail-outbox-'));
    try {
      const mailer = new CapturingMailer(directory);
      await mailer.send({ to: 'a@example.org', subject: 'Nadia', text: 'carte', aboutPersonId: 'person-1' });
      await mailer.send({ to: 'b@example.org', subject: 'Relance', text: 'relance', aboutPersonId: 'person-1' });
      await mailer.send({ to: 'c@example.org', subject: 'Karim', text: 'carte', aboutPersonId: 'person-2' });
      await mailer.send({ to: 'd@example.org', subject: 'Bienvenue', text: 'compte' });
      // Another process's capture in the same folder, and a file that is not a message.
      await writeFile(path.join(directory, 'other.json'), JSON.stringify({ aboutPersonId: 'person-1' }));
      await writeFile(path.join(directory, 'broken.json'), '{');

      expect(await mailer.forgetAbout('person-1')).toBe(3);
      expect(mailer.sent.map((message) => message.to)).toEqual(['c@example.org', 'd@example.org']);
      expect((await readdir(directory)).length).toBe(3);
      expect(await mailer.forgetAbout('person-1')).toBe(0);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('is a no-op when nothing was ever captured', async () => {
    const mailer = new CapturingMailer(path.join(os.tmpdir(), `never-${Date.now()}`));
    expect(await mailer.forgetAbout('person-1')).toBe(0);
  });
});

describe('mail headers (injection attempts)', () => {
  it('puts a subject carrying CR/LF and a Bcc header on one line, so it stays a subject', () => {
    const attack = 'Relance\r\nBcc: spy@evil.example\r\n\r\nfaux corps';
    expect(headerText(attack)).toBe('Relance Bcc: spy@evil.example faux corps');
    expect(safeMessage({ to: 'a@example.org', subject: attack, text: 'x' }).subject).not.toMatch(/[\r\n]/);
  });

  it('refuses a recipient with CR/LF, a second address, a display name or spaces', () => {
    for (const to of [
      'a@example.org\r\nBcc: spy@evil.example',
      'a@example.org,spy@evil.example',
      'a@example.org; spy@evil.example',
      'Chef <a@example.org>',
      'a @example.org',
      'pas-une-adresse',
    ]) {
      expect(isSingleAddress(to)).toBe(false);
      expect(() => safeMessage({ to, subject: 's', text: 't' })).toThrow('not one plain e-mail address');
    }
    expect(isSingleAddress('recrutement+rh@boulangerie-paul.example')).toBe(true);
  });

  it('captures nothing when the recipient is refused', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'mail-outbox-'));
    try {
      const mailer = new CapturingMailer(directory);
      await expect(
        mailer.send({ to: 'a@example.org\nBcc: spy@evil.example', subject: 's', text: 't' }),
      ).rejects.toThrow('not one plain');
      expect(mailer.sent).toHaveLength(0);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
