import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { addDays, addMonths, CheckConsent, parisToday, RunRetention } from '@passerelle/coaching';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  as as asUser,
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';

const CAP = 40; // the default PORTFOLIO_CAP
const today = parisToday();

interface ErrorBody {
  code?: string;
  details: Array<{ field: string; reason: string }>;
}

const diagnostic = {
  experiences: [
    { romeCode: 'K2205', months: 72, employerKind: 'company', startedOn: '2018-01-01', endedOn: '2024-01-01' },
  ],
  skills: [] as Array<{ code: string; evidence: string }>,
  desiredOccupations: ['K2204'],
  drivingLicence: false,
  vehicle: false,
  maxDistanceKm: 25,
  contractTypes: ['cdi', 'cdd', 'interim'],
  workingTime: 'any',
  constraints: ['no_night'],
  availabilityDate: today,
  digitalAutonomy: 'basic',
  languages: [{ code: 'fr', level: 'native' }],
};

describe('coaching: files, portfolio, CER, matches and personal data', () => {
  let context: TestContext;
  let demo: DemoSources;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;

  const as = (user: TestUser) => asUser(api, user);
  const register = async (user: TestUser, body: object = {}): Promise<string> => {
    const response = await as(user)
      .post('/beneficiaries', {
        firstName: 'Nadia',
        lastName: 'Test',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -30),
        ...body,
      })
      .expect(201);
    return (response.body as { id: string }).id;
  };
  const auditRows = async (id: string, action: string): Promise<number> => {
    const rows: Array<{ n: string }> = await db.query(
      `SELECT count(*) AS n FROM audit_event WHERE subject_type = 'beneficiary' AND subject_id = $1 AND action = $2`,
      [id, action],
    );
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    demo = await startDemoSources({
      seed: 11,
      crawlDelaySeconds: 0,
      nordemploi: { count: 60, pageSize: 30 },
      jobConnexion: { count: 5 },
      franceTravail: { count: 400, region: 'nord' },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const manage = api.app.get(ManageSources);
    for (const input of demoSourceInputs(demo))
      await manage.upsert({ ...input, scheduleMinutes: null, rateLimitPerSecond: 50 });
    await api.app.get(RunIngestion).execute('france-travail-demo', { trigger: 'manual' });
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();
  });

  afterAll(async () => {
    await api?.close();
    await demo?.close();
    await context?.cleanup();
  });

  describe('who sees a file', () => {
    let id: string;
    beforeAll(async () => {
      id = await register(org.users.coachLille);
      await as(org.users.coachLille).put(`/beneficiaries/${id}/diagnostic`, diagnostic).expect(200);
      await as(org.users.coachLille)
        .post(`/beneficiaries/${id}/barriers`, {
          kind: 'health',
          status: 'identified',
          healthNote: 'lombalgie chronique',
        })
        .expect(201);
    });

    it('the referent coach reads the whole file, health note included, and the read is audited', async () => {
      const before = await auditRows(id, 'read');
      const response = await as(org.users.coachLille).get(`/beneficiaries/${id}`).expect(200);
      const file = response.body as { diagnostic: { maxDistanceKm: number }; barriers: Array<{ healthNote?: string }> };
      expect(file.diagnostic.maxDistanceKm).toBe(25);
      expect(file.barriers[0].healthNote).toBe('lombalgie chronique');
      expect(await auditRows(id, 'read')).toBe(before + 1);
    });

    it('another coach gets 404, even in the parent structure', async () => {
      await as(org.users.coachNord).get(`/beneficiaries/${id}`).expect(404);
      await as(org.users.coachNord).get(`/beneficiaries/${id}/matches`).expect(404);
    });

    it('a manager of the structure tree reads the file without the health note; another département gets 404', async () => {
      const before = await auditRows(id, 'read');
      const response = await as(org.users.managerNord).get(`/beneficiaries/${id}`).expect(200);
      const file = response.body as { barriers: Array<{ kind: string; healthNote?: string | null }> };
      expect(file.barriers[0].kind).toBe('health');
      expect(file.barriers[0].healthNote).toBeNull();
      expect(JSON.stringify(response.body)).not.toContain('lombalgie');
      expect(await auditRows(id, 'read')).toBe(before + 1);
      await as(org.users.managerBasRhin).get(`/beneficiaries/${id}`).expect(404);
    });

    it('platform staff see no file and no diagnostic', async () => {
      await as(org.users.staffNord).get(`/beneficiaries/${id}`).expect(404);
      const list = await as(org.users.staffNord).get('/beneficiaries').expect(200);
      expect((list.body as { items: unknown[] }).items).toEqual([]);
      await as(org.users.staffNord).put(`/beneficiaries/${id}/diagnostic`, diagnostic).expect(403);
    });

    it('lists write one audit row per person shown', async () => {
      const before = await auditRows(id, 'list');
      const list = await as(org.users.coachLille).get('/beneficiaries').expect(200);
      expect((list.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(id);
      expect(await auditRows(id, 'list')).toBe(before + 1);
    });

    it('health details never go in the plain description', async () => {
      const response = await as(org.users.coachLille)
        .post(`/beneficiaries/${id}/barriers`, { kind: 'health', status: 'identified', description: 'diabète' })
        .expect(422);
      expect(response.body).toMatchObject({ code: 'barrier.health_apart' });
      expect((response.body as ErrorBody).details[0].field).toBe('description');
    });
  });

  describe('portfolio cap', () => {
    it('lets a coach fill their portfolio up to the cap and refuses the next one with a clear message', async () => {
      const coach = org.users.coachNord;
      // 38 people already followed (written directly), two more through the API reach the cap.
      await db.query(
        `INSERT INTO beneficiary (structure_id, referent_user_id, first_name, last_name, orientation_date, status)
         SELECT $1, $2, 'Prefill', 'n' || i, CURRENT_DATE - 10, 'in_coaching' FROM generate_series(1, ${CAP - 2}) i`,
        [coach.structureId, coach.id],
      );
      // Ended coachings do not count.
      await db.query(
        `INSERT INTO beneficiary (structure_id, referent_user_id, first_name, last_name, orientation_date, status, exit_reason, ended_on)
         VALUES ($1, $2, 'Ended', 'x', CURRENT_DATE - 100, 'ended', 'job', CURRENT_DATE - 5)`,
        [coach.structureId, coach.id],
      );
      for (let i = 0; i < 2; i += 1) await register(coach, { firstName: `Cap${i}` });
      const refused = await as(coach)
        .post('/beneficiaries', {
          firstName: 'Cap',
          lastName: 'Over',
          commune: { inseeCode: '59350' },
          orientationDate: today,
        })
        .expect(422);
      expect((refused.body as ErrorBody).code).toBe('beneficiary.portfolio_full');
      expect((refused.body as { message: string }).message).toContain(`${CAP} people (cap ${CAP})`);
      const rows: Array<{ n: string }> = await db.query(
        `SELECT count(*) AS n FROM beneficiary WHERE first_name = 'Cap'`,
      );
      expect(Number(rows[0].n)).toBe(0);
    });

    it('applies a cap an administrator lowers while the platform runs, and the environment’s again after a reset', async () => {
      const coach = org.users.coachLille;
      const counted: Array<{ n: number }> = await db.query(
        `SELECT count(*)::int AS n FROM beneficiary WHERE referent_user_id = $1 AND status IN ('oriented', 'in_coaching')`,
        [coach.id],
      );
      const cap = counted[0].n + 2;
      await asUser(api, org.admin).put('/settings/coaching.portfolio_cap', { value: cap }).expect(200);
      try {
        await register(coach, { firstName: 'Low1' });
        await register(coach, { firstName: 'Low2' });
        const refused = await as(coach)
          .post('/beneficiaries', {
            firstName: 'Low3',
            lastName: 'Over',
            commune: { inseeCode: '59350' },
            orientationDate: today,
          })
          .expect(422);
        expect((refused.body as { message: string }).message).toContain(`${cap} people (cap ${cap})`);
      } finally {
        await asUser(api, org.admin).delete('/settings/coaching.portfolio_cap').expect(200);
      }
      await register(coach, { firstName: 'Low3' });
    });

    it('a manager assigning above the cap is refused unless overriding, and the history keeps both referents', async () => {
      const id = await register(org.users.managerNord, { firstName: 'Transfert', structureId: org.structures.lille });
      await as(org.users.managerNord)
        .post(`/beneficiaries/${id}/assignment`, { coachUserId: org.users.coachNord.id })
        .expect(422);
      await as(org.users.managerNord)
        .post(`/beneficiaries/${id}/assignment`, { coachUserId: org.users.coachLille.id })
        .expect(200);
      await as(org.users.managerNord)
        .post(`/beneficiaries/${id}/assignment`, {
          coachUserId: org.users.coachNord.id,
          capOverride: true,
          reason: 'renfort',
        })
        .expect(200);
      const file = await as(org.users.coachNord).get(`/beneficiaries/${id}`).expect(200);
      const referents = (
        file.body as { referents: Array<{ coachUserId: string; endedAt: string | null; capOverride: boolean }> }
      ).referents;
      expect(
        referents.map((referent) => [referent.coachUserId, referent.endedAt === null, referent.capOverride]),
      ).toEqual([
        [org.users.coachLille.id, false, false],
        [org.users.coachNord.id, true, true],
      ]);
      await as(org.users.coachLille).get(`/beneficiaries/${id}`).expect(404);
    });

    it('a coach cannot assign people to someone else', async () => {
      const response = await as(org.users.coachLille)
        .post('/beneficiaries', {
          firstName: 'X',
          lastName: 'Y',
          commune: { inseeCode: '59350' },
          orientationDate: today,
          referentUserId: org.users.coachNord.id,
        })
        .expect(403);
      expect((response.body as ErrorBody).details[0].field).toBe('referentUserId');
    });
  });

  describe('alerts at their boundaries', () => {
    const alertsOf = async (id: string): Promise<string[]> => {
      const list = await as(org.users.coachLille).get('/beneficiaries').expect(200);
      const entry = (list.body as { items: Array<{ id: string; alerts: string[] }> }).items.find(
        (item) => item.id === id,
      );
      return entry!.alerts;
    };

    it('no contact: 13 days is fine, 14 days raises the alert', async () => {
      const recent = await register(org.users.coachLille, { firstName: 'Contact13' });
      const late = await register(org.users.coachLille, { firstName: 'Contact14' });
      await as(org.users.coachLille)
        .post(`/beneficiaries/${recent}/events`, { kind: 'call', occurredOn: addDays(today, -13) })
        .expect(201);
      await as(org.users.coachLille)
        .post(`/beneficiaries/${late}/events`, { kind: 'meeting', occurredOn: addDays(today, -14) })
        .expect(201);
      // An action is not a contact.
      await as(org.users.coachLille)
        .post(`/beneficiaries/${late}/events`, { kind: 'application', occurredOn: today })
        .expect(201);
      expect(await alertsOf(recent)).toEqual([]);
      expect(await alertsOf(late)).toEqual(['no_contact']);
      const filtered = await as(org.users.coachLille).get('/beneficiaries?alert=no_contact').expect(200);
      const ids = (filtered.body as { items: Array<{ id: string }> }).items.map((item) => item.id);
      expect(ids).toContain(late);
      expect(ids).not.toContain(recent);
    });

    it('CER ending: 16 days ahead is fine, 15 days raises the alert', async () => {
      const ids: string[] = [];
      for (const days of [16, 15]) {
        const id = await register(org.users.coachLille, { firstName: `Cer${days}` });
        await as(org.users.coachLille)
          .post(`/beneficiaries/${id}/events`, { kind: 'call', occurredOn: today })
          .expect(201);
        const cer = await as(org.users.coachLille)
          .post(`/beneficiaries/${id}/cers`, {
            signedOn: addDays(today, -20),
            startDate: addDays(today, -20),
            beneficiaryCommitments: ['venir aux rendez-vous'],
            serviceCommitments: ['proposer des offres'],
          })
          .expect(201);
        expect((cer.body as { endDate: string }).endDate).toBe(addMonths(addDays(today, -20), 3));
        await db.query('UPDATE cer SET end_date = $2 WHERE id = $1', [
          (cer.body as { id: string }).id,
          addDays(today, days),
        ]);
        ids.push(id);
      }
      expect(await alertsOf(ids[0])).toEqual([]);
      expect(await alertsOf(ids[1])).toEqual(['cer_ending']);
    });

    it('a renewal opens the next CER; an exit to a job ends the coaching', async () => {
      const id = await register(org.users.coachLille, { firstName: 'Parcours', orientationDate: addDays(today, -130) });
      const coach = as(org.users.coachLille);
      const first = await coach
        .post(`/beneficiaries/${id}/cers`, {
          signedOn: addDays(today, -120),
          startDate: addDays(today, -110),
          beneficiaryCommitments: ['a'],
          serviceCommitments: ['b'],
        })
        .expect(201);
      const cerId = (first.body as { id: string }).id;
      await coach
        .post(`/beneficiaries/${id}/cers`, {
          signedOn: today,
          startDate: today,
          beneficiaryCommitments: [],
          serviceCommitments: [],
        })
        .expect(409);
      const renewed = await coach
        .post(`/beneficiaries/${id}/cers/${cerId}/outcome`, {
          outcome: 'renewed',
          on: today,
          renewal: { durationMonths: 2, beneficiaryCommitments: ['c'], serviceCommitments: ['d'] },
        })
        .expect(200);
      const cers = renewed.body as Array<{ id: string; outcome: string | null; startDate: string; endDate: string }>;
      expect(cers.map((cer) => cer.outcome)).toEqual(['renewed', null]);
      expect(cers[1].startDate).toBe(today);
      expect(cers[1].endDate).toBe(addMonths(today, 2));
      await coach
        .post(`/beneficiaries/${id}/cers/${cers[1].id}/outcome`, { outcome: 'exit_job', on: addDays(today, 1) })
        .expect(422);
      await coach
        .post(`/beneficiaries/${id}/cers/${cers[1].id}/outcome`, { outcome: 'exit_job', on: today })
        .expect(200);
      const file = await coach.get(`/beneficiaries/${id}`).expect(200);
      expect(file.body).toMatchObject({ status: 'ended', exitReason: 'job', endedOn: today });
      const active = await coach.get('/beneficiaries').expect(200);
      expect((active.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).not.toContain(id);
    });
  });

  describe('matches for a stored person', () => {
    let id: string;
    beforeAll(async () => {
      id = await register(org.users.coachLille, { firstName: 'Matches' });
      await as(org.users.coachLille).put(`/beneficiaries/${id}/diagnostic`, diagnostic).expect(200);
    });

    it('equal the matches for the same profile sent inline', async () => {
      const stored = await as(org.users.coachLille).get(`/beneficiaries/${id}/matches?limit=30`).expect(200);
      const inline = await as(org.users.coachLille)
        .post('/matching/search', {
          profile: {
            experiences: [{ romeCode: 'K2205', months: 72, endedOn: '2024-01-01' }],
            skills: [],
            targetOccupations: ['K2204'],
            commune: { inseeCode: '59350' },
            maxDistanceKm: 25,
            drivingLicence: false,
            contractTypes: ['cdi', 'cdd', 'interim'],
            workingTime: 'any',
            constraints: ['no_night'],
          },
          limit: 30,
        })
        .expect(200);
      const ranked = (body: unknown) =>
        (body as { items: Array<{ id: string; score: number }> }).items.map((item) => [item.id, item.score]);
      expect(ranked(stored.body).length).toBeGreaterThan(3);
      expect(ranked(stored.body)).toEqual(ranked(inline.body));
    });

    it('records an offer proposed to the person, shown on the file, the matches and the portfolio', async () => {
      const stored = await as(org.users.coachLille).get(`/beneficiaries/${id}/matches?limit=5`).expect(200);
      const first = (stored.body as { items: Array<{ id: string; score: number }> }).items[0];
      await as(org.users.coachLille)
        .post(`/beneficiaries/${id}/proposals`, { offerId: first.id, score: first.score })
        .expect(201);
      await as(org.users.coachLille).post(`/beneficiaries/${id}/proposals`, { offerId: first.id }).expect(409);
      const file = await as(org.users.coachLille).get(`/beneficiaries/${id}`).expect(200);
      expect((file.body as { proposals: Array<{ offerId: string }> }).proposals.map((p) => p.offerId)).toEqual([
        first.id,
      ]);
      const again = await as(org.users.coachLille).get(`/beneficiaries/${id}/matches?limit=5`).expect(200);
      expect((again.body as { items: Array<{ id: string; proposed: boolean }> }).items[0]).toMatchObject({
        id: first.id,
        proposed: true,
      });
      const list = await as(org.users.coachLille).get('/beneficiaries').expect(200);
      const entry = (list.body as { items: Array<{ id: string; proposedOffers: number }> }).items.find(
        (item) => item.id === id,
      );
      expect(entry?.proposedOffers).toBe(1);
    });

    it('asks for a diagnostic first', async () => {
      const bare = await register(org.users.coachLille, { firstName: 'SansDiagnostic' });
      const response = await as(org.users.coachLille).get(`/beneficiaries/${bare}/matches`).expect(422);
      expect((response.body as ErrorBody).details[0].field).toBe('diagnostic');
    });
  });

  describe('invalid input names the field', () => {
    let id: string;
    beforeAll(async () => {
      id = await register(org.users.coachLille, { firstName: 'Invalide' });
    });

    // 400: the request DTO cannot read it; 422: it reads well but breaks a rule (an unknown code, dates out of order).
    it.each([
      [{ ...diagnostic, experiences: [{ romeCode: 'Z9999', months: 3 }] }, 'experiences.0.romeCode', 400],
      [{ ...diagnostic, experiences: [{ romeCode: 'A0000', months: 3 }] }, 'experiences.0.romeCode', 422],
      [{ ...diagnostic, maxDistanceKm: -5 }, 'maxDistanceKm', 400],
      [
        {
          ...diagnostic,
          experiences: [{ romeCode: 'K2205', months: 3, startedOn: '2024-05-01', endedOn: '2023-01-01' }],
        },
        'experiences.0.endedOn',
        422,
      ],
      [{ ...diagnostic, skills: [{ code: '999999999', evidence: 'declared' }] }, 'skills.0.code', 422],
      [{ ...diagnostic, constraints: ['no_mondays'] }, 'constraints', 400],
    ])('diagnostic %#', async (body, field, status) => {
      const response = await as(org.users.coachLille).put(`/beneficiaries/${id}/diagnostic`, body).expect(status);
      expect((response.body as ErrorBody).details.map((detail) => detail.field)).toContain(field);
      if (status === 422) expect(response.body).toMatchObject({ code: 'diagnostic.invalid' });
    });

    it('CER dates out of order', async () => {
      const response = await as(org.users.coachLille)
        .post(`/beneficiaries/${id}/cers`, {
          signedOn: today,
          startDate: addDays(today, -3),
          beneficiaryCommitments: [],
          serviceCommitments: [],
        })
        .expect(422);
      expect(response.body).toMatchObject({ code: 'cer.invalid' });
      expect((response.body as ErrorBody).details[0].field).toBe('startDate');
    });

    it('a birth date after the orientation, an unknown commune', async () => {
      const late = await as(org.users.coachLille)
        .post('/beneficiaries', {
          firstName: 'A',
          lastName: 'B',
          commune: { inseeCode: '59350' },
          orientationDate: addDays(today, -3),
          birthDate: today,
        })
        .expect(422);
      expect(late.body).toMatchObject({ code: 'beneficiary.invalid' });
      expect((late.body as ErrorBody).details[0].field).toBe('birthDate');
      const nowhere = await as(org.users.coachLille)
        .post('/beneficiaries', {
          firstName: 'A',
          lastName: 'B',
          commune: { inseeCode: '99999' },
          orientationDate: today,
        })
        .expect(422);
      expect(nowhere.body).toMatchObject({ code: 'beneficiary.unknown_commune' });
      expect((nowhere.body as ErrorBody).details[0].field).toBe('commune');
    });
  });

  describe('consent, export and retention', () => {
    it('a revoked consent is revoked at once', async () => {
      const id = await register(org.users.coachLille, { firstName: 'Consent' });
      const consents = api.app.get(CheckConsent);
      await as(org.users.coachLille)
        .post(`/beneficiaries/${id}/consents`, { purpose: 'share_profile_with_employers' })
        .expect(201);
      expect(await consents.execute(id, 'share_profile_with_employers')).toBe(true);
      expect(await consents.execute(id, 'photo')).toBe(false);
      await as(org.users.coachLille).delete(`/beneficiaries/${id}/consents/share_profile_with_employers`).expect(200);
      expect(await consents.execute(id, 'share_profile_with_employers')).toBe(false);
      const file = await as(org.users.coachLille).get(`/beneficiaries/${id}`).expect(200);
      expect((file.body as { consents: Array<{ revokedAt: string | null }> }).consents[0].revokedAt).not.toBeNull();
    });

    it('the export holds every part of the file, and only the referent coach makes it', async () => {
      const id = await register(org.users.coachLille, {
        firstName: 'Exportée',
        email: 'exportee@example.org',
        phone: '06 00 00 00 01',
        address: '1 rue de l’Export',
      });
      const coach = as(org.users.coachLille);
      await coach.put(`/beneficiaries/${id}/diagnostic`, diagnostic).expect(200);
      await coach
        .post(`/beneficiaries/${id}/barriers`, {
          kind: 'mobility',
          status: 'identified',
          description: 'pas de bus-export',
        })
        .expect(201);
      await coach
        .post(`/beneficiaries/${id}/barriers`, {
          kind: 'health',
          status: 'identified',
          healthNote: 'note-santé-export',
        })
        .expect(201);
      await coach
        .post(`/beneficiaries/${id}/cers`, {
          signedOn: addDays(today, -10),
          startDate: addDays(today, -10),
          beneficiaryCommitments: ['engagement-export'],
          serviceCommitments: ['service-export'],
        })
        .expect(201);
      await coach
        .post(`/beneficiaries/${id}/events`, { kind: 'meeting', occurredOn: today, note: 'note-rdv-export' })
        .expect(201);
      await coach
        .post(`/beneficiaries/${id}/events`, {
          kind: 'aid_request',
          occurredOn: today,
          aid: { kind: 'mobility', amount: 120 },
        })
        .expect(201);
      await coach.post(`/beneficiaries/${id}/consents`, { purpose: 'photo' }).expect(201);
      await coach.patch(`/beneficiaries/${id}`, { cvPlatform: 'nordemploi', cvDepositedOn: today }).expect(200);

      const exported = await coach.get(`/beneficiaries/${id}/export`).expect(200);
      const body = exported.body as {
        file: Record<string, unknown> & {
          diagnostic: unknown;
          barriers: unknown[];
          cers: unknown[];
          events: unknown[];
          consents: unknown[];
          referents: unknown[];
        };
        accessLog: Array<{ action: string }>;
      };
      const text = JSON.stringify(body);
      for (const value of [
        'Exportée',
        'exportee@example.org',
        '06 00 00 00 01',
        '1 rue de l’Export',
        'pas de bus-export',
        'note-santé-export',
        'engagement-export',
        'service-export',
        'note-rdv-export',
        'nordemploi',
        'K2205',
        'no_night',
      ])
        expect(text).toContain(value);
      expect(body.file.barriers).toHaveLength(2);
      expect(body.file.events).toHaveLength(2);
      expect(body.file.consents).toHaveLength(1);
      expect(body.file.referents).toHaveLength(1);
      expect(body.accessLog.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['create', 'update', 'export']),
      );
      // Every column of the person's row is in the export (a new column must be added to it).
      const columns: Array<{ column_name: string }> = await db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'beneficiary'`,
      );
      const camel = (name: string): string => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
      const internal = new Set(['erasedAt', 'createdAt', 'updatedAt', 'referentUserId', 'structureId']);
      for (const { column_name } of columns) {
        const key = camel(column_name);
        if (!internal.has(key)) expect(Object.keys(body.file)).toContain(key);
      }
      await as(org.users.managerNord).get(`/beneficiaries/${id}/export`).expect(403);
    });

    it('retention: tells the coach 30 days ahead, dry run changes nothing, apply anonymises what was announced', async () => {
      const months = 24;
      const cutoff = addMonths(today, -months);
      const cases = {
        due: cutoff,
        notYet: addDays(cutoff, 1),
        noticeEdge: addDays(cutoff, 30),
        tooEarly: addDays(cutoff, 31),
      };
      const ids: Record<string, string> = {};
      for (const [name, endedOn] of Object.entries(cases)) {
        ids[name] = await register(org.users.coachLille, {
          firstName: `Retention-${name}`,
          orientationDate: addDays(cutoff, -200),
        });
        await db.query(`UPDATE beneficiary SET status = 'ended', exit_reason = 'job', ended_on = $2 WHERE id = $1`, [
          ids[name],
          endedOn,
        ]);
      }
      const system = { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin' as const] };
      const names = async (): Promise<Record<string, string | null>> => {
        const rows: Array<{ id: string; first_name: string | null }> = await db.query(
          'SELECT id, first_name FROM beneficiary WHERE id = ANY($1)',
          [Object.values(ids)],
        );
        return Object.fromEntries(rows.map((row) => [row.id, row.first_name]));
      };
      const noticeDates = async (): Promise<Record<string, string>> => {
        const rows: Array<{ subject_id: string; due_on: string }> = await db.query(
          `SELECT subject_id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM user_notification
           WHERE kind = 'retention_notice' AND subject_id = ANY($1)`,
          [Object.values(ids)],
        );
        return Object.fromEntries(rows.map((row) => [row.subject_id, row.due_on]));
      };

      // Past its date but never announced: not anonymised, even applied; its coach gets 30 days' notice.
      const first = await api.app.get(RunRetention).execute(system, { apply: true });
      expect(first.due).not.toContain(ids.due);
      expect((await names())[ids.due]).toBe('Retention-due');
      const notices = await as(org.users.coachLille).get('/notifications').expect(200);
      const noticed = (notices.body as { items: Array<{ subjectId: string; message: string }> }).items.map(
        (item) => item.subjectId,
      );
      expect(noticed).toEqual(expect.arrayContaining([ids.due, ids.notYet, ids.noticeEdge]));
      expect(noticed).not.toContain(ids.tooEarly);
      const dates = await noticeDates();
      expect(dates[ids.due]).toBe(addDays(today, 30));
      expect(dates[ids.notYet]).toBe(addDays(today, 30));
      expect(dates[ids.noticeEdge]).toBe(addDays(today, 30));
      const again = await api.app.get(RunRetention).execute(system, { apply: false });
      expect(again.noticesSent).toBe(0);

      // Thirty days on (the notice's date reached): a dry run reports it and changes nothing; apply anonymises.
      await db.query(`UPDATE user_notification SET due_on = $2 WHERE kind = 'retention_notice' AND subject_id = $1`, [
        ids.due,
        today,
      ]);
      const dry = await api.app.get(RunRetention).execute(system, { apply: false });
      expect(dry.due).toContain(ids.due);
      expect(dry.due).not.toContain(ids.notYet);
      expect(dry.anonymised).toBe(0);
      expect((await names())[ids.due]).toBe('Retention-due');
      const applied = await api.app.get(RunRetention).execute(system, { apply: true });
      expect(applied.anonymised).toBe(applied.due.length);
      const after = await names();
      expect(after[ids.due]).toBeNull();
      expect(after[ids.notYet]).toBe('Retention-notYet');
      // The anonymous facts stay for the indicators.
      const kept: Array<{ status: string; exit_reason: string; erased_at: Date | null }> = await db.query(
        'SELECT status, exit_reason, erased_at FROM beneficiary WHERE id = $1',
        [ids.due],
      );
      expect(kept[0]).toMatchObject({ status: 'ended', exit_reason: 'job' });
      expect(kept[0].erased_at).not.toBeNull();
      await as(org.users.coachLille).get(`/beneficiaries/${ids.due}`).expect(404);
    });

    it('retention: a period an administrator shortens still gives each coach 30 days’ notice', async () => {
      const ended = addMonths(today, -13);
      const id = await register(org.users.coachLille, {
        firstName: 'Retention-shortened',
        orientationDate: addDays(ended, -200),
      });
      await db.query(`UPDATE beneficiary SET status = 'ended', exit_reason = 'job', ended_on = $2 WHERE id = $1`, [
        id,
        ended,
      ]);
      const system = { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin' as const] };
      await asUser(api, org.admin).put('/settings/coaching.retention_months', { value: 12 }).expect(200);
      try {
        const run = await api.app.get(RunRetention).execute(system, { apply: true });
        expect(run.due).not.toContain(id);
        const rows: Array<{ first_name: string | null; due_on: string }> = await db.query(
          `SELECT b.first_name, to_char(n.due_on, 'YYYY-MM-DD') AS due_on FROM beneficiary b
           JOIN user_notification n ON n.subject_id = b.id AND n.kind = 'retention_notice' WHERE b.id = $1`,
          [id],
        );
        expect(rows).toEqual([{ first_name: 'Retention-shortened', due_on: addDays(today, 30) }]);
      } finally {
        await asUser(api, org.admin).delete('/settings/coaching.retention_months').expect(200);
      }
    });
  });
});
