import { randomUUID } from 'node:crypto';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import {
  aCoach,
  anEmployer,
  anOfferForIntroduction,
  FakeBeneficiaries,
  fakeReferential,
  InMemoryEmployerStore,
  InMemoryIntroductionStore,
  STRUCTURES,
} from '../testing/index.js';
import { ProposeIntroduction } from './propose-introduction.use-case.js';

describe('ProposeIntroduction', () => {
  const coach = aCoach();
  const person = { id: randomUUID(), structure_id: STRUCTURES.lille, referent_user_id: coach.userId };
  const neighbour = { id: randomUUID(), structure_id: STRUCTURES.lille, referent_user_id: coach.userId };
  /** Registered by the département's platform, above the person's structure. */
  const platformEmployer = anEmployer({ structureId: STRUCTURES.departement, name: 'Propreté Services Nord' });
  const farEmployer = anEmployer({ structureId: STRUCTURES.elsewhere });
  let employers: InMemoryEmployerStore;
  let introductions: InMemoryIntroductionStore;
  let beneficiaries: FakeBeneficiaries;
  let propose: ProposeIntroduction;

  beforeEach(() => {
    employers = new InMemoryEmployerStore({ [STRUCTURES.lille]: STRUCTURES.departement }).given(
      platformEmployer,
      farEmployer,
    );
    introductions = new InMemoryIntroductionStore(
      (id) => employers.employers.find((employer) => employer.id === id)?.name ?? '',
    );
    beneficiaries = new FakeBeneficiaries(person, neighbour);
    propose = new ProposeIntroduction(
      inMemoryDataSource(),
      beneficiaries.access,
      introductions,
      employers,
      fakeReferential(),
    );
  });

  const offer = (overrides: Parameters<typeof anOfferForIntroduction>[0] = {}): string => {
    const id = randomUUID();
    introductions.offers.set(id, anOfferForIntroduction(overrides));
    return id;
  };

  it('refuses an offer that is no longer open', async () => {
    const closed = offer({ status: 'closed', analysisEmployerId: platformEmployer.id });
    await expect(propose.execute(coach, { beneficiaryId: person.id, offerId: closed })).rejects.toMatchObject({
      code: 'introduction.unknown_offer',
      kind: 'invalid',
      details: [{ field: 'offerId' }],
    });
    expect(introductions.rows.size).toBe(0);
  });

  it('asks for the employer when the offer names none', async () => {
    await expect(propose.execute(coach, { beneficiaryId: person.id, offerId: offer() })).rejects.toMatchObject({
      code: 'introduction.no_employer',
      details: [{ field: 'employer' }],
    });
    expect(introductions.rows.size).toBe(0);
  });

  it('refuses an employer of another département', async () => {
    await expect(
      propose.execute(coach, { beneficiaryId: person.id, employerId: farEmployer.id }),
    ).rejects.toMatchObject({ code: 'introduction.unknown_employer', details: [{ field: 'employerId' }] });
    expect(introductions.rows.size).toBe(0);
  });

  it('opens the proposal in the employer’s structure, its trail starting with the coach’s proposal', async () => {
    const view = await propose.execute(coach, {
      beneficiaryId: person.id,
      offerId: offer({ analysisEmployerId: platformEmployer.id }),
    });
    expect(view).toMatchObject({
      beneficiaryId: person.id,
      employerId: platformEmployer.id,
      employerName: 'Propreté Services Nord',
      status: 'proposed',
      next: ['accepted', 'withdrawn'],
    });
    expect(introductions.rows.get(view.id)?.structure_id).toBe(STRUCTURES.departement);
    expect(view.events).toEqual([
      expect.objectContaining({
        kind: 'transition',
        fromStatus: null,
        toStatus: 'proposed',
        actorUserId: coach.userId,
      }),
    ]);
    expect(beneficiaries.openings).toEqual([{ actor: coach, id: person.id, details: { part: 'introduction' } }]);
  });

  it('refuses a second proposal of the person for the same offer (a conflict)', async () => {
    const offerId = offer({ analysisEmployerId: platformEmployer.id });
    await propose.execute(coach, { beneficiaryId: person.id, offerId });
    await expect(propose.execute(coach, { beneficiaryId: person.id, offerId })).rejects.toMatchObject({
      code: 'introduction.exists',
      kind: 'conflict',
      details: [{ field: 'offerId' }],
    });
    expect(introductions.rows.size).toBe(1);
  });

  it('finds the employer an offer names despite case and legal form, and registers a new one once, in the person’s structure', async () => {
    const known = await propose.execute(coach, {
      beneficiaryId: person.id,
      offerId: offer({ employerName: 'PROPRETE SERVICES-NORD SAS' }),
    });
    expect(known.employerId).toBe(platformEmployer.id);

    const offerId = offer({ employerName: 'Garage du Centre' });
    const first = await propose.execute(coach, { beneficiaryId: person.id, offerId });
    const second = await propose.execute(coach, { beneficiaryId: neighbour.id, offerId });
    const registered = employers.employers.filter((employer) => employer.name === 'Garage du Centre');
    expect(registered).toEqual([
      expect.objectContaining({ structureId: STRUCTURES.lille, communeInsee: '59350', communeName: 'Lille' }),
    ]);
    expect([first.employerId, second.employerId]).toEqual([registered[0].id, registered[0].id]);
  });

  it('refuses an employer named on the spot with a SIRET whose check key is wrong', async () => {
    await expect(
      propose.execute(coach, {
        beneficiaryId: person.id,
        employer: { name: 'Garage du Centre', siret: '73282932000075' },
      }),
    ).rejects.toMatchObject({ code: 'introduction.invalid_employer', details: [{ field: 'employer.siret' }] });
    expect(employers.employers).toHaveLength(2);
  });

  it('does not find a person outside the coach’s reach', async () => {
    await expect(
      propose.execute(coach, { beneficiaryId: randomUUID(), employerId: platformEmployer.id }),
    ).rejects.toMatchObject({ code: 'beneficiary.not_found' });
    expect(introductions.rows.size).toBe(0);
  });
});
