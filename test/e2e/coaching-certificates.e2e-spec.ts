import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  as as asUser,
  createTestContext,
  offerOfNewEmployer,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';

interface Match {
  id: string;
  explanation: { missingCoreSkills: string[]; coveredBy: Array<{ skill: string; by: string }> };
}

/** A diagnostic as the coach writes it, with or without certificates. */
const diagnostic = (certificates?: string[]) => ({
  experiences: [{ romeCode: 'N1103', months: 24 }],
  skills: [],
  desiredOccupations: ['N1101'],
  drivingLicence: true,
  vehicle: false,
  maxDistanceKm: 30,
  contractTypes: ['cdi', 'cdd', 'interim'],
  workingTime: 'any',
  constraints: [],
  availabilityDate: null,
  languages: [],
  ...(certificates ? { certificates } : {}),
});

describe('certificates in the diagnostic: kept, shown, and counted by matching', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let personId: string;
  let forkliftOffer: string;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    forkliftOffer = await offerOfNewEmployer(api.url, org.users.staffNord, 'Entrepôt du Nord', 'Cariste', 'N1101');
    const created = await asUser(api, org.users.coachLille)
      .post('/beneficiaries', {
        firstName: 'Camille',
        lastName: 'Certifiee',
        commune: { inseeCode: '59350' },
        orientationDate: '2026-11-01',
      })
      .expect(201);
    personId = (created.body as { id: string }).id;
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  const forkliftMatch = async (): Promise<Match | undefined> => {
    const response = await asUser(api, org.users.coachLille)
      .get(`/beneficiaries/${personId}/matches?limit=50`)
      .expect(200);
    return (response.body as { items: Match[] }).items.find((item) => item.id === forkliftOffer);
  };

  it('without a certificate, forklift driving is missing; with a CACES R489 written in the diagnostic, it is covered and says by what', async () => {
    await asUser(api, org.users.coachLille).put(`/beneficiaries/${personId}/diagnostic`, diagnostic()).expect(200);
    const before = await forkliftMatch();
    expect(before?.explanation.missingCoreSkills.some((label) => /chariot/i.test(label))).toBe(true);

    const saved = await asUser(api, org.users.coachLille)
      .put(`/beneficiaries/${personId}/diagnostic`, diagnostic(['CACES R489 cat. 3']))
      .expect(200);
    expect(saved.body).toMatchObject({ certificates: ['CACES R489 cat. 3'] });
    const file = await asUser(api, org.users.coachLille).get(`/beneficiaries/${personId}`).expect(200);
    expect(file.body).toMatchObject({ diagnostic: { certificates: ['CACES R489 cat. 3'] } });

    const after = await forkliftMatch();
    expect(after?.explanation.missingCoreSkills.filter((label) => /chariot/i.test(label))).toEqual([]);
    expect(after?.explanation.coveredBy).toContainEqual({
      skill: expect.stringMatching(/chariot élévateur/i) as unknown as string,
      by: 'CACES R489 cat. 3',
    });
    const readable = await asUser(api, org.users.coachLille).get(`/beneficiaries/${personId}/export.txt`).expect(200);
    expect(readable.text).toContain('Certificats et habilitations : CACES R489 cat. 3');
  });

  it.each([
    [{ certificates: 'CACES' }, /array/],
    [{ certificates: [''] }, /longer than or equal to 1/],
    [{ certificates: ['x'.repeat(121)] }, /shorter than or equal to 120/],
    [{ certificates: Array.from({ length: 21 }, (_, i) => `Certificat ${i}`) }, /no more than 20/],
  ])(
    'refuses a malformed list of certificates with 400 naming the field and the reason (%#)',
    async (change, reason) => {
      const response = await asUser(api, org.users.coachLille)
        .put(`/beneficiaries/${personId}/diagnostic`, { ...diagnostic(), ...change })
        .expect(400);
      const details = (response.body as { details: Array<{ field: string; reason: string }> }).details;
      const reasons = details.filter((detail) => detail.field === 'certificates').map((detail) => detail.reason);
      expect(reasons.join(' ; ')).toMatch(reason);
    },
  );
});
