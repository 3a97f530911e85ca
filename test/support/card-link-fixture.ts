import request from 'supertest';
import { addDays, parisToday } from '@passerelle/coaching';
import type { TestOrganisation, TestUser } from './identity-fixtures.js';

export interface AcceptedIntroduction {
  readonly employerId: string;
  readonly employerName: string;
  readonly contactId: string;
  readonly contactEmail: string;
  readonly offerId: string;
  readonly beneficiaryId: string;
  readonly introductionId: string;
}

/**
 * Through the API at `url` (in-process or a spawned process): an employer of the Nord with a
 * contact and a published job analysis, a person of the Lille coach with a diagnostic and the
 * consent to share their profile, and their introduction for the offer, accepted (the card exists,
 * a link may be sent). Needs the reference data (createTestContext({ referential: true })).
 */
export async function acceptedIntroduction(url: string, org: TestOrganisation): Promise<AcceptedIntroduction> {
  const as = (user: TestUser) => ({
    get: (path: string) => request(url).get(path).auth(user.accessToken, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      request(url).post(path).auth(user.accessToken, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => request(url).put(path).auth(user.accessToken, { type: 'bearer' }).send(body),
  });
  const today = parisToday();
  const staff = as(org.users.staffNord);
  const coach = as(org.users.coachLille);
  const employerName = 'Boulangerie du Marché';
  const employer = await staff
    .post('/employers', { siret: '73282932000074', name: employerName, commune: { inseeCode: '59350' } })
    .expect(201);
  const employerId = (employer.body as { id: string }).id;
  const contactEmail = 'durand@boulangerie.example';
  const contact = await staff
    .post(`/employers/${employerId}/contacts`, { name: 'Mme Durand', email: contactEmail })
    .expect(201);
  const analysis = await staff
    .post(`/employers/${employerId}/job-analyses`, {
      title: 'Vendeur en boulangerie',
      romeCode: 'D1106',
      tasks: ['Accueillir les clients', 'Encaisser'],
      schedule: 'Du mardi au samedi, 7h-14h',
      tools: [],
      initialRequirements: [],
      realRequirements: ['Aimer le contact client'],
      negotiatedAway: [],
      contractType: 'CDI',
      workingTime: 'part_time',
      analysedOn: today,
      publish: true,
    })
    .expect(201);
  const offerId = (analysis.body as { offerId: string }).offerId;
  const created = await coach
    .post('/beneficiaries', {
      firstName: 'Jeannine',
      lastName: 'Nomdefamille',
      commune: { inseeCode: '59350' },
      orientationDate: addDays(today, -30),
    })
    .expect(201);
  const beneficiaryId = (created.body as { id: string }).id;
  await coach
    .put(`/beneficiaries/${beneficiaryId}/diagnostic`, {
      experiences: [{ romeCode: 'D1106', months: 40 }],
      skills: [],
      desiredOccupations: ['D1106'],
      drivingLicence: true,
      vehicle: false,
      maxDistanceKm: 20,
      contractTypes: ['cdi'],
      workingTime: 'any',
      constraints: [],
      availabilityDate: addDays(today, 7),
      languages: [{ code: 'fr', level: 'native' }],
    })
    .expect(200);
  await coach.post(`/beneficiaries/${beneficiaryId}/consents`, { purpose: 'share_profile_with_employers' }).expect(201);
  const proposed = await coach.post('/introductions', { beneficiaryId, offerId }).expect(201);
  const introductionId = (proposed.body as { id: string }).id;
  await coach.post(`/introductions/${introductionId}/transitions`, { to: 'accepted' }).expect(200);
  return {
    employerId,
    employerName,
    contactId: (contact.body as { id: string }).id,
    contactEmail,
    offerId,
    beneficiaryId,
    introductionId,
  };
}
