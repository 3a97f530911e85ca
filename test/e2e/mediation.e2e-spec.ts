import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { CapturingMailer, Mailer } from '@passerelle/core';
import { RemindUnansweredEmployer } from '@passerelle/mediation';
import {
  as as asUser,
  createTestContext,
  eventually,
  personValidatedCard,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';
import { WorkerProcessorsModule } from '../../apps/worker/src/worker-processors.module.js';

const today = parisToday();
const BARRIER_CANARY = 'Canari-frein-surendettement';

describe('IOD mediation: employers, introductions and the employer card link', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let beneficiaryId: string;
  let employerId: string;
  let offerId: string;

  const as = (user: TestUser) => asUser(api, user);
  const pathOf = (url: string): string => new URL(url).pathname;

  /** A person followed by the Lille coach, with a diagnostic, a barrier and (optionally) consent. */
  const person = async (firstName: string, consent: boolean): Promise<string> => {
    const coach = as(org.users.coachLille);
    const created = await coach
      .post('/beneficiaries', {
        firstName,
        lastName: 'Nomdefamille',
        email: `${firstName.toLowerCase()}@example.org`,
        phone: '06 99 88 77 66',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -30),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await coach
      .put(`/beneficiaries/${id}/diagnostic`, {
        experiences: [{ romeCode: 'D1106', months: 40 }],
        skills: [],
        desiredOccupations: ['D1106'],
        drivingLicence: true,
        vehicle: false,
        maxDistanceKm: 20,
        contractTypes: ['cdi', 'cdd'],
        workingTime: 'any',
        constraints: [],
        availabilityDate: addDays(today, 7),
        languages: [{ code: 'fr', level: 'native' }],
      })
      .expect(200);
    await coach
      .post(`/beneficiaries/${id}/barriers`, { kind: 'debt', status: 'identified', description: BARRIER_CANARY })
      .expect(201);
    if (consent)
      await coach.post(`/beneficiaries/${id}/consents`, { purpose: 'share_profile_with_employers' }).expect(201);
    return id;
  };

  const introduce = async (id: string): Promise<string> => {
    const proposed = await as(org.users.coachLille).post('/introductions', { beneficiaryId: id, offerId }).expect(201);
    const introductionId = (proposed.body as { id: string }).id;
    await as(org.users.coachLille).post(`/introductions/${introductionId}/transitions`, { to: 'accepted' }).expect(200);
    // The person validates the card in their space: no link leaves before (assertCardMayBeShared).
    await personValidatedCard(api.url, context.dataDir, org.users.coachLille, { beneficiaryId: id, introductionId });
    return introductionId;
  };

  beforeAll(async () => {
    // Reminders fire at once (the delay is a setting), handled by the worker's processors in-process.
    context = await createTestContext({ referential: true, env: { EMPLOYER_REMINDER_HOURS: '0' } });
    api = await startApi(context.config, { extraModules: [WorkerProcessorsModule] });
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const staff = as(org.users.staffNord);
    const employer = await staff
      .post('/employers', {
        siret: '73282932000074',
        name: 'Boulangerie du Marché',
        sector: 'Boulangerie-pâtisserie',
        sizeBand: '1-9',
        commune: { inseeCode: '59350' },
      })
      .expect(201);
    employerId = (employer.body as { id: string }).id;
    const analysis = await staff
      .post(`/employers/${employerId}/job-analyses`, {
        title: 'Vendeur en boulangerie',
        romeCode: 'D1106',
        tasks: ['Accueillir les clients', 'Encaisser', 'Mettre en place la vitrine'],
        schedule: 'Du mardi au samedi, 7h-14h',
        tools: ['caisse enregistreuse'],
        initialRequirements: ['CAP vente', '2 ans d’expérience'],
        realRequirements: ['Aimer le contact client'],
        negotiatedAway: ['CAP vente'],
        publicTransport: 'Métro ligne 1, arrêt République',
        contractType: 'CDI',
        workingTime: 'part_time',
        analysedOn: today,
        publish: true,
      })
      .expect(201);
    offerId = (analysis.body as { offerId: string }).offerId;
    beneficiaryId = await person('Jeannine', true);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('refuses a bad SIRET and logs interactions with a follow-up list', async () => {
    const staff = as(org.users.staffNord);
    const bad = await staff
      .post('/employers', { siret: '73282932000075', name: 'X', commune: { inseeCode: '59350' } })
      .expect(422);
    expect(bad.body).toMatchObject({ code: 'employer.invalid' });
    expect((bad.body as { details: Array<{ field: string }> }).details[0].field).toBe('siret');
    await staff
      .post(`/employers/${employerId}/interactions`, {
        kind: 'visit',
        occurredOn: addDays(today, -2),
        outcome: 'Analyse du poste faite',
        nextAction: 'Rappeler pour un candidat',
        nextActionOn: addDays(today, -1),
      })
      .expect(201);
    const due = await staff.get('/employers/follow-ups').expect(200);
    const items = (due.body as { items: Array<{ id: string; nextAction: string }> }).items;
    expect(items.map((item) => item.nextAction)).toEqual(['Rappeler pour un candidat']);
    await staff.post(`/employers/interactions/${items[0].id}/done`).expect(204);
    expect(((await staff.get('/employers/follow-ups').expect(200)).body as { items: unknown[] }).items).toEqual([]);
    const offer: Array<{ source: string; status: string }> = await db.query(
      'SELECT source, status FROM offer WHERE id = $1',
      [offerId],
    );
    expect(offer[0]).toEqual({ source: 'mediation', status: 'open' });
  });

  it('takes an introduction from proposal to hire, through the employer link, with the trail of who and when', async () => {
    const introductionId = await introduce(beneficiaryId);
    const link = await as(org.users.staffNord).post(`/introductions/${introductionId}/links`).expect(201);
    const url = pathOf((link.body as { url: string }).url);

    const page = await request(api.url).get(url).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Jeannine');
    expect(page.text).toContain('Savoir-faire');
    for (const forbidden of [BARRIER_CANARY, 'Nomdefamille', 'jeannine@example.org', '06 99 88 77 66', 'RSA'])
      expect(page.text).not.toContain(forbidden);

    await request(api.url)
      .post(url)
      .type('form')
      .send({ answer: 'interested', proposedInterview: 'mardi 10h à la boutique' })
      .expect(200);
    const coachView = as(org.users.staffNord);
    await coachView.post(`/introductions/${introductionId}/transitions`, { to: 'interview' }).expect(422);
    await coachView
      .post(`/introductions/${introductionId}/transitions`, {
        to: 'interview',
        interviewAt: `${addDays(today, 3)}T10:00:00+01:00`,
        interviewPlace: 'À la boutique',
      })
      .expect(200);
    await coachView
      .post(`/introductions/${introductionId}/transitions`, {
        to: 'trial',
        trialStart: addDays(today, 5),
        trialEnd: addDays(today, 9),
      })
      .expect(200);
    const hired = await coachView.post(`/introductions/${introductionId}/transitions`, { to: 'hired' }).expect(200);
    const view = hired.body as {
      status: string;
      events: Array<{ kind: string; toStatus: string | null; actorKind: string; actorUserId: string | null }>;
    };
    expect(view.status).toBe('hired');
    expect(
      view.events.filter((event) => event.kind === 'transition').map((event) => [event.toStatus, event.actorKind]),
    ).toEqual([
      ['proposed', 'user'],
      ['accepted', 'user'],
      ['card_sent', 'user'],
      ['employer_interested', 'employer'],
      ['interview', 'user'],
      ['trial', 'user'],
      ['hired', 'user'],
    ]);
    expect(view.events.some((event) => event.kind === 'viewed' && event.actorKind === 'employer')).toBe(true);
    expect(view.events.find((event) => event.toStatus === 'hired')?.actorUserId).toBe(org.users.staffNord.id);
    // Closed: no way back, and the link is gone.
    await coachView.post(`/introductions/${introductionId}/transitions`, { to: 'withdrawn' }).expect(422);
    const gone = await request(api.url).get(url).expect(410);
    expect(gone.text).toContain('terminée');
  });

  it('answers 410 for an expired or revoked link and 404 for a tampered one', async () => {
    const id = await person('Expiree', true);
    const introductionId = await introduce(id);
    const first = pathOf(
      (
        (await as(org.users.staffNord).post(`/introductions/${introductionId}/links`).expect(201)).body as {
          url: string;
        }
      ).url,
    );
    await request(api.url).get(first).expect(200);
    const token = first.split('/').pop()!;
    const tampered = `/cartes/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const notFound = await request(api.url).get(tampered).expect(404);
    expect(notFound.text).toContain('introuvable');
    await db.query(`UPDATE card_link SET expires_at = now() - interval '1 minute' WHERE introduction_id = $1`, [
      introductionId,
    ]);
    const expired = await request(api.url).get(first).expect(410);
    expect(expired.text).toContain('expiré');
    const second = pathOf(
      (
        (await as(org.users.staffNord).post(`/introductions/${introductionId}/links`).expect(201)).body as {
          url: string;
        }
      ).url,
    );
    await request(api.url).get(second).expect(200);
    await as(org.users.staffNord).delete(`/introductions/${introductionId}/links`).expect(204);
    const revoked = await request(api.url).get(second).expect(410);
    expect(revoked.text).toContain('désactivé');
  });

  it('lets the coach choose the card’s labels among the person’s own, put back one taken off, and nothing else', async () => {
    const introductionId = await introduce(await person('Etiquette', false));
    const coach = as(org.users.coachLille);
    const view = await coach.get(`/introductions/${introductionId}`).expect(200);
    const card = (view.body as { card: { skills: string[]; qualities: string[] } }).card;
    expect(card.skills.length).toBeGreaterThan(1);
    const emptied = await coach.put(`/introductions/${introductionId}/card`, { skills: [card.skills[1]] }).expect(200);
    expect((emptied.body as { skills: string[] }).skills).toEqual([card.skills[1]]);
    const choices = await coach.get(`/introductions/${introductionId}/card/choices`).expect(200);
    const offered = choices.body as { skills: string[]; qualities: string[] };
    expect(offered.skills[0]).toBe(card.skills[1]);
    expect(offered.skills).toEqual(expect.arrayContaining(card.skills));
    expect(offered.qualities).toEqual(expect.arrayContaining(card.qualities));
    // The card keeps the first eight savoir-faire; the others of the file are offered too.
    expect(offered.skills.length).toBeGreaterThan(card.skills.length);
    const restored = await coach
      .put(`/introductions/${introductionId}/card`, { skills: [card.skills[0], card.skills[1]] })
      .expect(200);
    expect((restored.body as { skills: string[] }).skills).toEqual([card.skills[0], card.skills[1]]);
    const refused = await coach
      .put(`/introductions/${introductionId}/card`, { skills: [card.skills[0], 'Bénéficiaire du RSA'] })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'card.unknown_label',
      details: [{ field: 'skills', reason: "not in the person's file: Bénéficiaire du RSA" }],
    });
    await as(org.users.staffNord).get(`/introductions/${introductionId}/card/choices`).expect(403);
  });

  it('needs consent to send a card, and a revoked consent stops a sent link at once', async () => {
    const id = await person('Consentante', false);
    const introductionId = await introduce(id);
    const refused = await as(org.users.staffNord).post(`/introductions/${introductionId}/links`).expect(422);
    expect((refused.body as { code: string }).code).toBe('introduction.no_consent');
    await as(org.users.coachLille)
      .post(`/beneficiaries/${id}/consents`, { purpose: 'share_profile_with_employers' })
      .expect(201);
    const url = pathOf(
      (
        (await as(org.users.staffNord).post(`/introductions/${introductionId}/links`).expect(201)).body as {
          url: string;
        }
      ).url,
    );
    await request(api.url).get(url).expect(200);
    await as(org.users.coachLille).delete(`/beneficiaries/${id}/consents/share_profile_with_employers`).expect(200);
    const gone = await request(api.url).get(url).expect(410);
    expect(gone.text).toContain('plus partagé');
    await request(api.url).post(url).type('form').send({ answer: 'interested' }).expect(410);
  });

  it('another département sees neither the employer nor the introduction', async () => {
    await as(org.users.managerBasRhin).get(`/employers/${employerId}`).expect(403);
    const introductionId = await introduce(await person('Cachee', true));
    await as(org.users.coachNord).get(`/introductions/${introductionId}`).expect(404);
  });

  it('e-mails the link to the employer contact, and reminds the mediator when the employer does not answer', async () => {
    const mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    const contact = await as(org.users.staffNord)
      .post(`/employers/${employerId}/contacts`, {
        name: 'Mme Durand',
        role: 'gérante',
        email: 'durand@boulangerie.example',
      })
      .expect(201);
    const introductionId = await introduce(await person('Relancee', true));
    const sent = await as(org.users.staffNord)
      .post(`/introductions/${introductionId}/links`, { contactId: (contact.body as { id: string }).id })
      .expect(201);
    const { url, emailedTo } = sent.body as { url: string; emailedTo: string };
    expect(emailedTo).toBe('durand@boulangerie.example');
    const mail = mailer.sent.find((message) => message.to === 'durand@boulangerie.example');
    expect(mail?.text).toContain(url);
    expect(mail?.subject).toContain('Relancee');
    expect(mail?.text).not.toContain('Nomdefamille');
    // No answer: the delayed job (0 h here) notifies the mediator who sent it, in the app and by e-mail.
    const notice = await eventually(
      'reminder notification',
      async () => {
        const list = await as(org.users.staffNord).get('/notifications').expect(200);
        return (list.body as { items: Array<{ kind: string; subjectId: string; message: string }> }).items.find(
          (item) => item.kind === 'employer_no_answer' && item.subjectId === introductionId,
        );
      },
      15_000,
    );
    expect(notice.message).toContain('Boulangerie du Marché');
    expect(mailer.sent.some((message) => message.to === org.users.staffNord.email)).toBe(true);
  });

  it('sends no reminder once the employer answered', async () => {
    const introductionId = await introduce(await person('Repondue', true));
    const url = pathOf(
      (
        (await as(org.users.staffNord).post(`/introductions/${introductionId}/links`).expect(201)).body as {
          url: string;
        }
      ).url,
    );
    await request(api.url)
      .post(url)
      .type('form')
      .send({ answer: 'question', message: 'A-t-elle le permis ?' })
      .expect(200);
    const links: Array<{ id: string }> = await db.query('SELECT id FROM card_link WHERE introduction_id = $1', [
      introductionId,
    ]);
    expect(await api.app.get(RemindUnansweredEmployer).execute(introductionId, links[0].id)).toBe('answered');
  });

  describe('introductions on ingested offers: the employer comes from the offer', () => {
    let seq = 0;
    /** An offer as an ingestion run stores it (a board's, not captured by a job analysis). */
    const ingested = async (
      employer: { name?: string; siret?: string },
      place: 'commune' | 'departement' = 'commune',
    ) => {
      seq += 1;
      const rows: Array<{ id: string }> = await db.query(
        `INSERT INTO offer (source, external_id, title, description, employer_name, employer_siret, place_precision,
           place_label, commune_insee, commune_name, postal_code, departement, region, latitude, longitude,
           contract_type, working_time, content_hash)
         VALUES ('nordemploi', $1, 'Vendeur en boulangerie', 'Offre ingérée', $2, $3, $4, $5,
           $6, $7, $8, '59', '32', $9, $10, 'cdi', 'full_time', md5($1)) RETURNING id`,
        place === 'commune'
          ? [
              `ne-${seq}`,
              employer.name ?? null,
              employer.siret ?? null,
              'commune',
              'Roubaix (59100)',
              '59512',
              'Roubaix',
              '59100',
              50.69,
              3.18,
            ]
          : [
              `ne-${seq}`,
              employer.name ?? null,
              employer.siret ?? null,
              'departement',
              'Nord (59)',
              null,
              null,
              null,
              null,
              null,
            ],
      );
      return rows[0].id;
    };
    const propose = (body: Record<string, unknown>) => as(org.users.coachLille).post('/introductions', body);

    it('finds the employer of the structure above by the offer’s name, without accents, case or legal form', async () => {
      const offer = await ingested({ name: 'BOULANGERIE DU MARCHE SARL' });
      const created = await propose({ beneficiaryId: await person('Ingeree', true), offerId: offer }).expect(201);
      expect(created.body).toMatchObject({ employerId, employerName: 'Boulangerie du Marché', offerId: offer });
    });

    it('finds the employer by the offer’s SIRET under another name', async () => {
      const offer = await ingested({ name: 'Au Bon Pain (enseigne)', siret: '73282932000074' });
      const created = await propose({ beneficiaryId: await person('Siretee', true), offerId: offer }).expect(201);
      expect((created.body as { employerId: string }).employerId).toBe(employerId);
    });

    it('registers a new employer from the offer once, in the person’s structure, and reuses it', async () => {
      const offer = await ingested({ name: 'Fournil de Roubaix', siret: '40483304800022' });
      const first = await propose({ beneficiaryId: await person('Premiere', true), offerId: offer }).expect(201);
      const second = await propose({ beneficiaryId: await person('Seconde', true), offerId: offer }).expect(201);
      const newEmployerId = (first.body as { employerId: string }).employerId;
      expect(newEmployerId).not.toBe(employerId);
      expect((second.body as { employerId: string }).employerId).toBe(newEmployerId);
      const rows: Array<Record<string, unknown>> = await db.query(
        'SELECT name, siret, commune_insee, structure_id FROM employer WHERE id = $1',
        [newEmployerId],
      );
      expect(rows).toEqual([
        {
          name: 'Fournil de Roubaix',
          siret: '40483304800022',
          commune_insee: '59512',
          structure_id: org.structures.lille,
        },
      ]);
      const introductions: Array<{ count: number }> = await db.query(
        `SELECT count(*)::int AS count FROM introduction WHERE offer_id = $1 AND employer_id = $2 AND status = 'proposed'`,
        [offer, newEmployerId],
      );
      expect(introductions[0].count).toBe(2);
    });

    it('asks for the employer when the offer names none, then takes one picked or named on the spot', async () => {
      const offer = await ingested({}, 'departement');
      const id = await person('Anonyme', true);
      const refused = await propose({ beneficiaryId: id, offerId: offer }).expect(422);
      expect(refused.body).toMatchObject({ code: 'introduction.no_employer', details: [{ field: 'employer' }] });
      // Named on the spot: the offer names no commune, so the employer's is asked for.
      const noCommune = await propose({
        beneficiaryId: id,
        offerId: offer,
        employer: { name: 'Ferme Lemaire' },
      }).expect(422);
      expect(noCommune.body).toMatchObject({ details: [{ field: 'employer.commune' }] });
      const badSiret = await propose({
        beneficiaryId: id,
        offerId: offer,
        employer: { name: 'Ferme', siret: '12345678901234' },
      }).expect(422);
      expect(badSiret.body).toMatchObject({ code: 'introduction.invalid_employer' });
      const named = await propose({
        beneficiaryId: id,
        offerId: offer,
        employer: { name: 'Ferme Lemaire', commune: { inseeCode: '59350' } },
      }).expect(201);
      expect(named.body).toMatchObject({ employerName: 'Ferme Lemaire' });
      // Picked: another person, the same offer, the employer chosen in the list.
      const picked = await propose({ beneficiaryId: await person('Choisie', true), offerId: offer, employerId }).expect(
        201,
      );
      expect((picked.body as { employerId: string }).employerId).toBe(employerId);
    });
  });
});
