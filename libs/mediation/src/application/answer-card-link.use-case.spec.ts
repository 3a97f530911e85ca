import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { hashToken, newCardToken } from '../domain/card-link.js';
import type { IntroductionStatus } from '../domain/introduction.js';
import {
  aCard,
  anIntroduction,
  FakeConsents,
  InMemoryCardLinkStore,
  InMemoryIntroductionStore,
  RecordingNotifications,
} from '../testing/index.js';
import { AnswerCardLink } from './answer-card-link.use-case.js';
import { CardLinkStates } from './card-link-state.js';

describe('AnswerCardLink', () => {
  let introductions: InMemoryIntroductionStore;
  let links: InMemoryCardLinkStore;
  let consents: FakeConsents;
  let notifications: RecordingNotifications;
  let answer: AnswerCardLink;

  beforeEach(() => {
    introductions = new InMemoryIntroductionStore();
    links = new InMemoryCardLinkStore(introductions);
    consents = new FakeConsents();
    notifications = new RecordingNotifications();
    const dataSource = inMemoryDataSource();
    answer = new AnswerCardLink(
      dataSource,
      new CardLinkStates(dataSource, consents.check, links, new Clock()),
      introductions,
      notifications.record,
    );
  });

  /** A link sent for an introduction in `status`, its token, and the introduction. */
  const sent = async (
    status: IntroductionStatus = 'card_sent',
    expiresInMs = 86_400_000,
  ): Promise<{ token: string; row: ReturnType<typeof anIntroduction>; sender: string }> => {
    const row = anIntroduction({ status, card: aCard(), offer_title: 'Vendeur·se' });
    introductions.given(row);
    consents.grant(row.beneficiary_id);
    const token = newCardToken();
    const sender = 'a0000000-0000-4000-8000-000000000001';
    await links.insert(
      inMemoryDataSource().manager,
      row.id,
      hashToken(token),
      new Date(Date.now() + expiresInMs),
      sender,
    );
    return { token, row, sender };
  };

  it('takes a question only with its message: nothing is recorded and no one is told', async () => {
    const { token, row } = await sent();
    const state = await answer.execute(token, { answer: 'question', message: '   ' });
    expect(state).toMatchObject({ kind: 'open', problem: 'message_required', status: 'card_sent' });
    expect(introductions.trail(row.id)).toEqual([]);
    expect(notifications.sent).toEqual([]);
  });

  it('moves the introduction on when the employer is interested, recorded as the employer’s, and tells everyone who follows it', async () => {
    const { token, row, sender } = await sent();
    const referent = 'b0000000-0000-4000-8000-000000000002';
    introductions.referents.set(row.beneficiary_id, referent);

    const state = await answer.execute(token, { answer: 'interested', proposedInterview: ' mardi 10h ' });

    expect(state).toMatchObject({ kind: 'open', status: 'employer_interested' });
    expect(introductions.rows.get(row.id)?.status).toBe('employer_interested');
    expect(introductions.trail(row.id)).toEqual([
      expect.objectContaining({
        kind: 'answered',
        actorKind: 'employer',
        actorUserId: null,
        details: { answer: 'interested', message: null, proposedInterview: 'mardi 10h' },
      }),
      expect.objectContaining({
        kind: 'transition',
        from: 'card_sent',
        to: 'employer_interested',
        actorKind: 'employer',
      }),
    ]);
    expect(notifications.sent.map((notice) => [notice.userId, notice.kind, notice.mode])).toEqual([
      [row.created_by, 'employer_answer', 'refresh'],
      [sender, 'employer_answer', 'refresh'],
      [referent, 'employer_answer', 'refresh'],
    ]);
    expect(notifications.sent[0].message).toContain('pour « Vendeur·se »');
  });

  it('records a “not now” with its message without moving the introduction', async () => {
    const { token, row } = await sent();
    const state = await answer.execute(token, { answer: 'not_now', message: 'Rappelez en mars' });
    expect(state).toMatchObject({ kind: 'open', status: 'card_sent' });
    expect(introductions.trail(row.id).map((event) => event.kind)).toEqual(['answered']);
  });

  it('is gone once the consent is revoked, the link expired or revoked, or the introduction closed', async () => {
    const revokedConsent = await sent();
    consents.revoke(revokedConsent.row.beneficiary_id);
    await expect(answer.execute(revokedConsent.token, { answer: 'interested' })).resolves.toEqual({
      kind: 'gone',
      reason: 'consent_revoked',
    });
    const expired = await sent('card_sent', -1_000);
    await expect(answer.execute(expired.token, { answer: 'interested' })).resolves.toEqual({
      kind: 'gone',
      reason: 'expired',
    });
    const revoked = await sent();
    await links.revokeAll(inMemoryDataSource().manager, revoked.row.id);
    await expect(answer.execute(revoked.token, { answer: 'interested' })).resolves.toEqual({
      kind: 'gone',
      reason: 'revoked',
    });
    const closed = await sent('declined');
    await expect(answer.execute(closed.token, { answer: 'interested' })).resolves.toEqual({
      kind: 'gone',
      reason: 'closed',
    });
    await expect(answer.execute(newCardToken(), { answer: 'interested' })).resolves.toEqual({ kind: 'unknown' });
    expect(introductions.events).toEqual([]);
    expect(notifications.sent).toEqual([]);
  });
});
