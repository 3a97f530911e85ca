import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { addDays, parisToday } from '@passerelle/coaching';
import type { TestOrganisation, TestUser } from './identity-fixtures.js';

/** Requests to the API at `url` (in-process or a spawned process) with `user`'s bearer token. */
function bearerClient(url: string, user: Pick<TestUser, 'accessToken'>) {
  return {
    get: (path: string) => request(url).get(path).auth(user.accessToken, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      request(url).post(path).auth(user.accessToken, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => request(url).put(path).auth(user.accessToken, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      request(url).patch(path).auth(user.accessToken, { type: 'bearer' }).send(body),
  };
}

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
  const as = (user: TestUser) => bearerClient(url, user);
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

/**
 * Through the API at `url`, by `staff`: a published job analysis of the employer `employerId`
 * (one task, full-time CDI, nothing required but liking customers), analysed today. Returns the
 * id of the offer it publishes.
 */
export async function publishedOffer(
  url: string,
  staff: TestUser,
  employerId: string,
  title: string,
  romeCode: string,
): Promise<string> {
  const analysis = await bearerClient(url, staff)
    .post(`/employers/${employerId}/job-analyses`, {
      title,
      romeCode,
      tasks: ['Accueillir les clients'],
      tools: [],
      initialRequirements: [],
      realRequirements: ['Aimer le contact client'],
      negotiatedAway: [],
      contractType: 'CDI',
      workingTime: 'full_time',
      analysedOn: parisToday(),
      publish: true,
    })
    .expect(201);
  return (analysis.body as { offerId: string }).offerId;
}

/** A new employer in Roubaix (59350) and one offer of theirs, published; returns the offer's id. */
export async function offerOfNewEmployer(
  url: string,
  staff: TestUser,
  employerName: string,
  title: string,
  romeCode: string,
): Promise<string> {
  const employer = await bearerClient(url, staff)
    .post('/employers', { name: employerName, commune: { inseeCode: '59350' } })
    .expect(201);
  return publishedOffer(url, staff, (employer.body as { id: string }).id, title, romeCode);
}

/**
 * Through the API at `url`, by `coach`: a person of Lille (last name `Secretnom`, oriented 20 days
 * ago) followed by that coach, with a diagnostic of 30 months in `romeCode`, no driving licence,
 * available in 3 days, within 20 km unless `maxDistanceKm` says otherwise. No consent. Returns the
 * person's id.
 */
export async function diagnosedPerson(
  url: string,
  coach: TestUser,
  firstName: string,
  diagnostic: { romeCode: string; contractTypes: string[]; maxDistanceKm?: number },
): Promise<string> {
  const as = bearerClient(url, coach);
  const today = parisToday();
  const created = await as
    .post('/beneficiaries', {
      firstName,
      lastName: 'Secretnom',
      commune: { inseeCode: '59350' },
      orientationDate: addDays(today, -20),
    })
    .expect(201);
  const id = (created.body as { id: string }).id;
  await as
    .put(`/beneficiaries/${id}/diagnostic`, {
      experiences: [{ romeCode: diagnostic.romeCode, months: 30 }],
      skills: [],
      desiredOccupations: [diagnostic.romeCode],
      drivingLicence: false,
      vehicle: false,
      maxDistanceKm: diagnostic.maxDistanceKm ?? 20,
      contractTypes: diagnostic.contractTypes,
      workingTime: 'any',
      constraints: [],
      availabilityDate: addDays(today, 3),
      languages: [],
    })
    .expect(200);
  return id;
}

export interface ShortlistCandidates {
  readonly employerId: string;
  readonly contactId: string;
  readonly contactEmail: string;
  readonly offerId: string;
  /** In the order of the names given. */
  readonly people: ReadonlyArray<{ firstName: string; beneficiaryId: string; introductionId: string }>;
}

/**
 * Through the API at `url`: an employer of the Nord (`employerName`) with a contact and a published
 * offer, and for each first name a person of the Lille coach (diagnosed for the offer's occupation)
 * with the consent to share their profile unless listed in `withoutConsent`, introduced for the
 * offer and accepted, each card validated by its person when `validatedIn` is given: cards a
 * mediator may put on a shortlist.
 */
export async function shortlistCandidates(
  url: string,
  org: TestOrganisation,
  employerName: string,
  firstNames: readonly string[],
  withoutConsent: readonly string[] = [],
  /** The data directory whose mail capture the person's space links reach: each person then validates their card. */
  validatedIn?: string,
): Promise<ShortlistCandidates> {
  const staff = bearerClient(url, org.users.staffNord);
  const coach = bearerClient(url, org.users.coachLille);
  const employer = await staff.post('/employers', { name: employerName, commune: { inseeCode: '59350' } }).expect(201);
  const employerId = (employer.body as { id: string }).id;
  const slug = employerName
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
  const contactEmail = `recrutement@${slug}.example`;
  const contact = await staff
    .post(`/employers/${employerId}/contacts`, { name: 'M. Lefebvre', email: contactEmail })
    .expect(201);
  const offerId = await publishedOffer(url, org.users.staffNord, employerId, 'Vendeur en boulangerie', 'D1106');
  const people = [];
  for (const firstName of firstNames) {
    const beneficiaryId = await diagnosedPerson(url, org.users.coachLille, firstName, {
      romeCode: 'D1106',
      contractTypes: ['cdi'],
    });
    if (!withoutConsent.includes(firstName))
      await coach
        .post(`/beneficiaries/${beneficiaryId}/consents`, { purpose: 'share_profile_with_employers' })
        .expect(201);
    const proposed = await coach.post('/introductions', { beneficiaryId, offerId }).expect(201);
    const introductionId = (proposed.body as { id: string }).id;
    await coach.post(`/introductions/${introductionId}/transitions`, { to: 'accepted' }).expect(200);
    if (validatedIn)
      await personValidatedCard(url, validatedIn, org.users.coachLille, { beneficiaryId, introductionId });
    people.push({ firstName, beneficiaryId, introductionId });
  }
  return { employerId, contactId: (contact.body as { id: string }).id, contactEmail, offerId, people };
}

/**
 * The newest space link e-mailed to `email`, read from the capture folder of the data directory
 * shared by the API processes (`PASSERELLE_DATA_DIR/mail-outbox`): the token of `/espace/<token>`.
 */
export async function spaceTokenMailedTo(dataDir: string, email: string): Promise<string> {
  const outbox = path.join(dataDir, 'mail-outbox');
  const mails = await Promise.all(
    (await readdir(outbox))
      .filter((name) => name.endsWith('.json'))
      .map(
        async (name) =>
          JSON.parse(await readFile(path.join(outbox, name), 'utf8')) as { to: string; text: string; at: string },
      ),
  );
  const links = mails
    .filter((mail) => mail.to === email && /\/espace\/[A-Za-z0-9_-]{43}/.test(mail.text))
    .sort((a, b) => a.at.localeCompare(b.at));
  if (links.length === 0) throw new Error(`no space link e-mailed to ${email}`);
  return /\/espace\/([A-Za-z0-9_-]{43})/.exec(links.at(-1)!.text)![1];
}

/**
 * Through the API at `url`: the person validates, in their own space, their card of the
 * introduction as it stands, so that a card link may then be sent (assertCardMayBeShared). Their
 * coach `coach` (their referent; the person is read from the introduction when not given) gives them an e-mail address and the consent to write to it when the file has none,
 * and sends them the space link (read from `dataDir`'s mail capture); the person opens it (their
 * browser is admitted) and validates the card. Call it again after any edit of the card.
 */
export async function personValidatedCard(
  url: string,
  dataDir: string,
  coach: Pick<TestUser, 'accessToken'>,
  introduction: { readonly beneficiaryId?: string; readonly introductionId: string },
): Promise<void> {
  const as = bearerClient(url, coach);
  const { introductionId } = introduction;
  const beneficiaryId =
    introduction.beneficiaryId ??
    ((await as.get(`/introductions/${introductionId}`).expect(200)).body as { beneficiaryId: string }).beneficiaryId;
  const file = await as.get(`/beneficiaries/${beneficiaryId}`).expect(200);
  let email = (file.body as { email: string | null }).email;
  if (!email) {
    email = `personne-${beneficiaryId.slice(0, 8)}@exemple.fr`;
    await as.patch(`/beneficiaries/${beneficiaryId}`, { email }).expect(200);
  }
  const consent = await as.post(`/beneficiaries/${beneficiaryId}/consents`, { purpose: 'contact_by_email' });
  if (consent.status !== 201 && consent.status !== 409)
    throw new Error(`contact_by_email consent: ${consent.status} ${JSON.stringify(consent.body)}`);
  await as.post(`/beneficiaries/${beneficiaryId}/space-links`).expect(201);
  const token = await spaceTokenMailedTo(dataDir, email);
  const person = request.agent(url);
  const page = await person.get(`/espace/${token}`).expect(200);
  const form = new RegExp(
    `action="/espace/${token}/fiches/${introductionId}"[^>]*>\\s*<input type="hidden" name="version" value="([0-9a-f]+)"`,
  ).exec(page.text);
  if (!form) throw new Error(`no card of introduction ${introductionId} in the person's space`);
  await person
    .post(`/espace/${token}/fiches/${introductionId}`)
    .type('form')
    .send({ decision: 'validated', version: form[1] })
    .expect(303);
}
