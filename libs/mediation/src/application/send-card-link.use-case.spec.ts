import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { hashToken } from '../domain/card-link.js';
import { cardVersion } from '../domain/card-validation.js';
import {
  aCard,
  aMediator,
  anEmployer,
  anIntroduction,
  FakeConsents,
  fakeSettings,
  fakeStructureTree,
  InMemoryCardLinkStore,
  InMemoryCardValidationStore,
  InMemoryEmployerStore,
  InMemoryIntroductionStore,
  RecordingCardLinkJobs,
  RecordingMailer,
  RecordingPeopleAccessLog,
} from '../testing/index.js';
import { IntroductionAccess } from './introduction-access.js';
import { SendCardLink } from './send-card-link.use-case.js';

describe('SendCardLink', () => {
  const mediator = aMediator();
  const employer = anEmployer({ structureId: mediator.structureId });
  let introductions: InMemoryIntroductionStore;
  let links: InMemoryCardLinkStore;
  let employers: InMemoryEmployerStore;
  let consents: FakeConsents;
  let mailer: RecordingMailer;
  let reminders: RecordingCardLinkJobs;
  let accessLog: RecordingPeopleAccessLog;
  let validations: InMemoryCardValidationStore;
  let sendLink: SendCardLink;

  beforeEach(() => {
    introductions = new InMemoryIntroductionStore();
    links = new InMemoryCardLinkStore(introductions);
    employers = new InMemoryEmployerStore().given(employer);
    consents = new FakeConsents();
    mailer = new RecordingMailer();
    reminders = new RecordingCardLinkJobs();
    accessLog = new RecordingPeopleAccessLog();
    validations = new InMemoryCardValidationStore();
    sendLink = new SendCardLink(
      inMemoryDataSource(),
      fakeSettings({ 'mediation.card_link_days': 30, 'mediation.reminder_hours': 72 }),
      new IntroductionAccess(introductions, fakeStructureTree()),
      introductions,
      links,
      employers,
      consents.check,
      mailer,
      reminders,
      accessLog,
      validations,
      new Clock(),
    );
  });

  const accepted = (): ReturnType<typeof anIntroduction> => {
    const row = anIntroduction({
      status: 'accepted',
      card: aCard(),
      employer_id: employer.id,
      employer_name: employer.name,
    });
    introductions.given(row);
    validations.validated(row.id, row.card!);
    return row;
  };

  const nothingSent = (): void => {
    expect(links.links).toEqual([]);
    expect(introductions.events).toEqual([]);
    expect(accessLog.entries).toEqual([]);
    expect(reminders.reminders).toEqual([]);
    expect(mailer.sent).toEqual([]);
  };

  it('refuses without the person’s consent to share their profile, and nothing leaves', async () => {
    const row = accepted();
    await expect(sendLink.execute(mediator, row.id, 'https://passerelle.example')).rejects.toMatchObject({
      code: 'introduction.no_consent',
      kind: 'invalid',
      details: [{ field: 'consent' }],
    });
    expect(consents.asked).toEqual([{ beneficiaryId: row.beneficiary_id, purpose: 'share_profile_with_employers' }]);
    expect(introductions.rows.get(row.id)?.status).toBe('accepted');
    nothingSent();
  });

  it('refuses before the person accepted (no card yet)', async () => {
    const row = anIntroduction({ status: 'proposed' });
    introductions.given(row);
    consents.grant(row.beneficiary_id);
    await expect(sendLink.execute(mediator, row.id, 'https://passerelle.example')).rejects.toMatchObject({
      code: 'introduction.not_ready',
      details: [{ field: 'status', reason: 'proposed' }],
    });
    nothingSent();
  });

  it('keeps only the token’s hash, moves the introduction to card_sent, audits the disclosure and asks for a reminder', async () => {
    const row = accepted();
    consents.grant(row.beneficiary_id);
    const before = Date.now();

    const sent = await sendLink.execute(mediator, row.id, 'https://passerelle.example/');

    const token = sent.url.split('/cartes/')[1];
    expect(sent.url).toBe(`https://passerelle.example/cartes/${token}`);
    expect(links.links).toEqual([
      expect.objectContaining({ introductionId: row.id, tokenHash: hashToken(token), createdBy: mediator.userId }),
    ]);
    expect(JSON.stringify(links.links)).not.toContain(token);
    expect(sent.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(sent.expiresAt.getTime() - before).toBeLessThan(30 * 86_400_000 + 60_000);
    expect(sent.emailedTo).toBeNull();
    expect(introductions.rows.get(row.id)?.status).toBe('card_sent');
    expect(introductions.trail(row.id).map((event) => [event.kind, event.from, event.to])).toEqual([
      ['link_sent', null, null],
      ['transition', 'accepted', 'card_sent'],
    ]);
    expect(accessLog.entries).toEqual([
      expect.objectContaining({
        action: 'share',
        beneficiaryIds: [row.beneficiary_id],
        details: expect.objectContaining({ part: 'card_link', employerId: employer.id, emailedTo: null }),
      }),
    ]);
    expect(reminders.reminders).toEqual([
      { introductionId: row.id, linkId: links.links[0].id, delayMs: 72 * 3_600_000 },
    ]);
    expect(mailer.sent).toEqual([]);
  });

  it('e-mails the link to a contact of the employer, and refuses a contact without an e-mail', async () => {
    const row = accepted();
    consents.grant(row.beneficiary_id);
    const manager = inMemoryDataSource().manager;
    const { id: silent } = await employers.addContact(manager, employer.id, {
      name: 'M. Sans',
      role: null,
      phone: '0600000000',
      email: null,
    });
    await expect(
      sendLink.execute(mediator, row.id, 'https://passerelle.example', { contactId: silent }),
    ).rejects.toMatchObject({ code: 'introduction.no_contact_email', details: [{ field: 'contactId' }] });
    nothingSent();

    const { id: contactId } = await employers.addContact(manager, employer.id, {
      name: 'Mme Martin',
      role: 'gérante',
      phone: null,
      email: 'martin@boulangerie.example',
    });
    const sent = await sendLink.execute(mediator, row.id, 'https://passerelle.example', { contactId });
    expect(sent.emailedTo).toBe('martin@boulangerie.example');
    expect(mailer.sent).toEqual([
      expect.objectContaining({
        to: 'martin@boulangerie.example',
        aboutPersonId: row.beneficiary_id,
        text: expect.stringContaining(sent.url),
      }),
    ]);
  });

  it('refuses until the person validated this very content of the card, and nothing leaves', async () => {
    const row = anIntroduction({
      status: 'accepted',
      card: aCard(),
      employer_id: employer.id,
      employer_name: employer.name,
    });
    introductions.given(row);
    consents.grant(row.beneficiary_id);
    const send = () => sendLink.execute(mediator, row.id, 'https://passerelle.example');

    await expect(send()).rejects.toMatchObject({
      code: 'introduction.card_not_validated',
      kind: 'invalid',
      details: [{ field: 'cardValidation', reason: 'not_validated' }],
    });
    await validations.insert(inMemoryDataSource().manager, row.id, {
      decision: 'change_requested',
      cardVersion: cardVersion(row.card!),
      comment: 'Ajouter mon CACES',
    });
    await expect(send()).rejects.toMatchObject({ details: [{ reason: 'change_requested' }] });
    // Validated, then the coach edits the note: the new content needs a new validation.
    validations.validated(row.id, row.card!);
    introductions.rows.set(row.id, { ...row, card: { ...row.card!, note: 'Très ponctuelle' } });
    await expect(send()).rejects.toMatchObject({ details: [{ reason: 'outdated' }] });
    nothingSent();

    validations.validated(row.id, introductions.rows.get(row.id)!.card!);
    await expect(send()).resolves.toMatchObject({ emailedTo: null });
  });
});
