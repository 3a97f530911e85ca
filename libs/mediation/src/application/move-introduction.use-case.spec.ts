import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import {
  aCard,
  aCoach,
  aMediator,
  anIntroduction,
  fakeStructureTree,
  InMemoryCardLinkStore,
  InMemoryIntroductionStore,
  STRUCTURES,
} from '../testing/index.js';
import type { CardSources } from './card-sources.js';
import { IntroductionAccess } from './introduction-access.js';
import { MoveIntroduction } from './move-introduction.use-case.js';

/** The card is built only at acceptance, which these tests do not reach. */
const NO_CARD_SOURCES = {
  of: () => Promise.reject(new Error('the card source was read')),
} as unknown as CardSources;

describe('MoveIntroduction', () => {
  const mediator = aMediator();
  let introductions: InMemoryIntroductionStore;
  let links: InMemoryCardLinkStore;
  let move: MoveIntroduction;

  beforeEach(() => {
    introductions = new InMemoryIntroductionStore();
    links = new InMemoryCardLinkStore(introductions);
    const tree = fakeStructureTree();
    move = new MoveIntroduction(
      inMemoryDataSource(),
      new IntroductionAccess(introductions, tree),
      introductions,
      links,
      NO_CARD_SOURCES,
    );
  });

  it('refuses a step the state machine does not allow, with its code and the field `to`, and records nothing', async () => {
    const row = anIntroduction({ status: 'proposed' });
    introductions.given(row);
    await expect(move.execute(mediator, row.id, { to: 'hired' })).rejects.toMatchObject({
      code: 'introduction.invalid_transition',
      kind: 'invalid',
      details: [{ field: 'to', reason: expect.stringContaining('cannot go from proposed to hired') }],
    });
    expect(introductions.rows.get(row.id)?.status).toBe('proposed');
    expect(introductions.events).toEqual([]);
  });

  it('refuses an interview without its date and place', async () => {
    const row = anIntroduction({ status: 'employer_interested', card: aCard() });
    introductions.given(row);
    await expect(move.execute(mediator, row.id, { to: 'interview' })).rejects.toMatchObject({
      code: 'introduction.invalid_transition',
      details: [{ field: 'interviewAt' }, { field: 'interviewPlace' }],
    });
    expect(introductions.rows.get(row.id)?.status).toBe('employer_interested');
  });

  it('refuses any step from a closed introduction', async () => {
    const row = anIntroduction({ status: 'hired', card: aCard() });
    introductions.given(row);
    await expect(move.execute(mediator, row.id, { to: 'withdrawn' })).rejects.toMatchObject({
      code: 'introduction.invalid_transition',
      details: [{ field: 'to', reason: expect.stringContaining('(closed)') }],
    });
  });

  it('records an allowed step with who made it, keeps the card, and a closing step revokes the employer’s links', async () => {
    const card = aCard();
    const row = anIntroduction({ status: 'card_sent', card });
    introductions.given(row);
    await links.insert(
      inMemoryDataSource().manager,
      row.id,
      'hash',
      new Date(Date.now() + 86_400_000),
      mediator.userId,
    );

    const view = await move.execute(mediator, row.id, { to: 'declined', declineReason: 'schedule' });

    expect(view).toMatchObject({ status: 'declined', declineReason: 'schedule', card, next: [] });
    expect(introductions.trail(row.id)).toEqual([
      expect.objectContaining({ kind: 'transition', from: 'card_sent', to: 'declined', actorUserId: mediator.userId }),
    ]);
    expect(links.of(row.id).map((link) => link.revokedAt)).toEqual([expect.any(Date)]);
  });

  it('leaves the links of an introduction still under way', async () => {
    const row = anIntroduction({ status: 'employer_interested', card: aCard() });
    introductions.given(row);
    await links.insert(
      inMemoryDataSource().manager,
      row.id,
      'hash',
      new Date(Date.now() + 86_400_000),
      mediator.userId,
    );
    await move.execute(mediator, row.id, {
      to: 'interview',
      interviewAt: '2026-03-10T10:00:00+01:00',
      interviewPlace: 'À la boutique',
    });
    expect(introductions.rows.get(row.id)).toMatchObject({ status: 'interview', interview_place: 'À la boutique' });
    expect(links.of(row.id).map((link) => link.revokedAt)).toEqual([null]);
  });

  it('does not show another structure’s introduction to a mediator, nor another coach’s person to a coach', async () => {
    const elsewhere = anIntroduction({ status: 'proposed', structure_id: STRUCTURES.elsewhere });
    introductions.given(elsewhere);
    await expect(move.execute(mediator, elsewhere.id, { to: 'withdrawn' })).rejects.toMatchObject({
      code: 'introduction.not_found',
    });
    await expect(move.execute(aCoach(), elsewhere.id, { to: 'withdrawn' })).rejects.toMatchObject({
      code: 'introduction.not_found',
    });
    const referent = aCoach();
    introductions.referents.set(elsewhere.beneficiary_id, referent.userId);
    await expect(move.execute(referent, elsewhere.id, { to: 'withdrawn' })).resolves.toMatchObject({
      status: 'withdrawn',
    });
  });
});
