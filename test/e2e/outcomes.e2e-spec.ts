import { getQueueToken } from '@nestjs/bullmq';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { Clock, QUEUES } from '@passerelle/core';
import { checkpointDates, checkpointJobId, dueInstant } from '@passerelle/outcomes';
import {
  as as asUser,
  createTestContext,
  eventually,
  login,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';
import { WorkerProcessorsModule } from '../../apps/worker/src/worker-processors.module.js';

interface Indicator {
  key: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  targetMet: boolean | null;
  unknown?: number;
}
interface Report {
  groups: Array<{ key: string | null; label: string; indicators: Indicator[] }>;
}

describe('outcomes: placements, checkpoints and indicators', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;

  const as = (user: TestUser) => asUser(api, user);
  const start = async (): Promise<void> => {
    api = await startApi(context.config, { extraModules: [WorkerProcessorsModule] });
    db = api.app.get(DataSource);
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    await start();
    org = await seedOrganisation(api);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  describe('indicators of a seeded cohort', () => {
    const PERIOD = 'from=2026-01-01&to=2026-03-31';
    let ids: Record<string, string>;

    /** People with known outcomes, written as records with past dates (see the expected values below). */
    beforeAll(async () => {
      api.app.get(Clock).set(new Date('2026-11-25T11:00:00Z'));
      const { lille, nord, basRhin } = org.structures;
      const coach = org.users.coachLille.id;
      const employer: Array<{ id: string }> = await db.query(
        `INSERT INTO employer (structure_id, name, commune_insee, commune_name, created_by)
         VALUES ($1, 'Atelier du Nord', '59350', 'Lille', $2) RETURNING id`,
        [nord, org.users.staffNord.id],
      );
      const person = async (
        key: string,
        fields: {
          structure?: string;
          referent?: string;
          orientation?: string;
          status: string;
          exit?: string | null;
          ended?: string | null;
          cv?: string | null;
          erased?: boolean;
          /** Home commune (INSEE); Lille unless said. */
          commune?: string;
        },
      ): Promise<string> => {
        const rows: Array<{ id: string }> = await db.query(
          `INSERT INTO beneficiary (structure_id, referent_user_id, first_name, last_name, orientation_date, status,
             exit_reason, ended_on, cv_platform, cv_deposited_on, erased_at, commune_insee)
           VALUES ($1, $2, $3, 'Cohorte', $4, $5, $6, $7, CASE WHEN $8::date IS NULL THEN NULL ELSE 'nordemploi' END, $8,
             CASE WHEN $9 THEN now() END, $10) RETURNING id`,
          [
            fields.structure ?? lille,
            fields.referent ?? coach,
            fields.erased ? null : key,
            fields.orientation ?? '2025-10-01',
            fields.status,
            fields.exit ?? null,
            fields.ended ?? null,
            fields.cv ?? null,
            fields.erased ?? false,
            fields.commune ?? '59350',
          ],
        );
        // An anonymised file keeps its département, not its commune.
        if (fields.erased) await db.query('UPDATE beneficiary SET commune_insee = NULL WHERE id = $1', [rows[0].id]);
        return rows[0].id;
      };
      ids = {
        // Ended with a CDI started before the end; RSA left and in the job at every checkpoint.
        A: await person('A', { status: 'ended', exit: 'job', ended: '2026-02-15', cv: '2025-11-01' }),
        // Ended with a 3-month CDD that stopped on 31 May, before its M+3 checkpoint (10 June).
        B: await person('B', { status: 'ended', exit: 'job', ended: '2026-03-10', cv: '2026-01-10', commune: '59512' }),
        // Left the RSA without a job; a barrier still open; M+6 never answered.
        C: await person('C', { status: 'ended', exit: 'other', ended: '2026-01-20' }),
        // Coaching still running: out of every end-of-coaching rate, in the others.
        D: await person('D', { status: 'in_coaching', orientation: '2026-01-05', cv: '2026-02-01' }),
        // Left for a training; no checkpoint answered.
        E: await person('E', { status: 'ended', exit: 'training', ended: '2026-03-31' }),
        // Reoriented: no exit reason, a barrier resolved before the end.
        F: await person('F', { status: 'reoriented', ended: '2026-02-28', commune: '59512' }),
        // Ended before the period: not counted at all.
        G: await person('G', { status: 'ended', exit: 'job', ended: '2025-12-15', cv: '2025-11-01' }),
        // Anonymised by the retention job, followed by another coach of the département: still counted.
        H: await person('H', {
          status: 'ended',
          exit: 'job',
          ended: '2026-02-20',
          cv: '2026-01-05',
          erased: true,
          structure: nord,
          referent: org.users.coachNord.id,
        }),
        // Another département: outside the Nord manager's reach.
        I: await person('I', {
          status: 'ended',
          exit: 'job',
          ended: '2026-02-01',
          structure: basRhin,
          commune: '67482',
        }),
      };
      const placement = async (
        key: string,
        contract: string,
        months: number | null,
        startDate: string,
        durable: boolean,
        end: string | null = null,
      ): Promise<void> => {
        await db.query(
          `INSERT INTO placement (beneficiary_id, employer_name, found_by, contract_type, contract_months, start_date,
             durable, end_date, end_reason, created_by)
           VALUES ($1, 'Atelier du Nord', 'coach', $2, $3, $4, $5, $6, CASE WHEN $6::date IS NULL THEN NULL ELSE 'contract_end' END, $7)`,
          [ids[key], contract, months, startDate, durable, end, coach],
        );
      };
      await placement('A', 'cdi', null, '2026-02-01', true);
      await placement('B', 'cdd', 3, '2026-03-01', false, '2026-05-31');
      await placement('H', 'cdd', 8, '2026-02-10', true);
      await placement('I', 'cdi', null, '2026-02-01', true);
      const checkpoint = async (
        key: string,
        milestone: string,
        due: string,
        answer: { inJob: boolean; rsaExit: boolean } | null,
      ): Promise<void> => {
        await db.query(
          `INSERT INTO follow_up (beneficiary_id, kind, milestone, due_on, assignee_user_id, answered_at, answered_by,
             in_job, rsa_exit)
           VALUES ($1, 'coaching_end', $2, $3, $4, CASE WHEN $5::boolean IS NULL THEN NULL ELSE now() END,
             CASE WHEN $5::boolean IS NULL THEN NULL ELSE $4::uuid END, $5, $6)`,
          [ids[key], milestone, due, coach, answer?.inJob ?? null, answer?.rsaExit ?? null],
        );
      };
      for (const milestone of ['m1', 'm3', 'm6']) {
        await checkpoint('A', milestone, '2026-03-15', { inJob: true, rsaExit: true });
        await checkpoint('H', milestone, '2026-03-20', { inJob: true, rsaExit: true });
      }
      await checkpoint('B', 'm1', '2026-04-10', { inJob: true, rsaExit: true });
      await checkpoint('B', 'm3', '2026-06-10', { inJob: false, rsaExit: true });
      await checkpoint('B', 'm6', '2026-09-10', { inJob: false, rsaExit: false });
      await checkpoint('C', 'm1', '2026-02-20', { inJob: false, rsaExit: true });
      await checkpoint('C', 'm3', '2026-04-20', { inJob: false, rsaExit: true });
      await checkpoint('C', 'm6', '2026-07-20', null);
      await db.query(
        `INSERT INTO barrier (beneficiary_id, kind, status, created_at, resolved_at) VALUES
           ($1, 'housing', 'identified', '2025-12-01T10:00:00+01:00', NULL),
           ($2, 'mobility', 'resolved', '2025-11-01T10:00:00+01:00', '2026-01-15T10:00:00+01:00')`,
        [ids.C, ids.F],
      );
      // Introductions: A (15 Jan, answered in 48 h), D (4 Feb, answered in 24 h), B (20 Feb, no answer).
      for (const [key, at, answeredAt] of [
        ['A', '2026-01-15T09:00:00+01:00', '2026-01-17T09:00:00+01:00'],
        ['D', '2026-02-04T10:00:00+01:00', '2026-02-05T10:00:00+01:00'],
        ['B', '2026-02-20T10:00:00+01:00', null],
      ] as const) {
        const introduction: Array<{ id: string }> = await db.query(
          `INSERT INTO introduction (beneficiary_id, employer_id, structure_id, status, created_by, created_at)
           VALUES ($1, $2, $3, 'card_sent', $4, $5) RETURNING id`,
          [ids[key], employer[0].id, nord, coach, at],
        );
        await db.query(
          `INSERT INTO card_link (introduction_id, token_hash, expires_at, created_by, created_at)
           VALUES ($1, md5(random()::text), $2::timestamptz + interval '30 days', $3, $2)`,
          [introduction[0].id, at, coach],
        );
        if (answeredAt)
          await db.query(
            `INSERT INTO introduction_event (introduction_id, kind, actor_kind, at) VALUES ($1, 'answered', 'employer', $2)`,
            [introduction[0].id, answeredAt],
          );
      }
      // Offers captured by mediation: one in the period, one after it.
      for (const [external, seen] of [
        ['captured-in', '2026-02-10T10:00:00+01:00'],
        ['captured-after', '2026-04-10T10:00:00+02:00'],
      ])
        await db.query(
          `INSERT INTO offer (source, external_id, title, description, place_precision, place_label, commune_insee,
             commune_name, postal_code, departement, region, latitude, longitude, contract_type, working_time,
             content_hash, structure_id, posted_by, first_seen_at)
           VALUES ('mediation', $1, 'Agent de production', 'Offre captée', 'commune', 'Lille (59000)', '59350',
             'Lille', '59000', '59', '32', 50.63, 3.06, 'cdi', 'full_time', md5($1), $2, $3, $4)`,
          [external, nord, org.users.staffNord.id, seen],
        );
    });

    const indicators = async (query = ''): Promise<Record<string, Indicator>> => {
      const response = await as(org.users.managerNord).get(`/indicators?${PERIOD}${query}`).expect(200);
      const report = response.body as Report;
      expect(report.groups).toHaveLength(1);
      return Object.fromEntries(report.groups[0].indicators.map((indicator) => [indicator.key, indicator]));
    };

    it('gives the hand-computed values, with numerators, denominators and targets', async () => {
      const values = await indicators();
      const pick = (indicator: Indicator) => ({
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        value: indicator.value,
      });
      // Cohort: A, B, C, E, F, H ended in the period (D runs on, G ended before, I is elsewhere).
      // Back in activity: A, B, H (job), E (training).
      expect(pick(values.return_to_activity)).toEqual({ numerator: 4, denominator: 6, value: 0.667 });
      expect(values.return_to_activity).toMatchObject({ target: 0.6, targetMet: true });
      // M+1: A, B, H left the RSA in a job; C left it without a job; E and F not answered.
      expect(pick(values.rsa_exit_job_m1)).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
      expect(values.rsa_exit_job_m1).toMatchObject({ unknown: 2, target: 0.5, targetMet: true });
      // M+3: B's job ended on 31 May, before 10 June: only A and H.
      expect(pick(values.rsa_exit_job_m3)).toEqual({ numerator: 2, denominator: 6, value: 0.333 });
      expect(values.rsa_exit_job_m3).toMatchObject({ unknown: 2, targetMet: false });
      // M+6: A and H; C joins E and F among the unknown.
      expect(pick(values.rsa_exit_job_m6)).toEqual({ numerator: 2, denominator: 6, value: 0.333 });
      expect(values.rsa_exit_job_m6.unknown).toBe(3);
      // Placements started in the period: A (CDI), H (8-month CDD) durable, B (3-month CDD) not.
      expect(pick(values.durable_jobs)).toEqual({ numerator: 2, denominator: 3, value: 0.667 });
      // Job-ready: A, B, D, E, F, H (C has a barrier open); CV on the platform: A, B, D, H.
      expect(pick(values.cv_on_platform)).toEqual({ numerator: 4, denominator: 6, value: 0.667 });
      expect(values.cv_on_platform).toMatchObject({ target: 1, targetMet: false });
      // First introductions in the period: D 30 days, A 106, B 142 after orientation.
      expect(pick(values.days_to_first_introduction)).toEqual({ numerator: null, denominator: 3, value: 106 });
      // First jobs in the period: A 123 days, H 132, B 151.
      expect(pick(values.days_to_hire)).toEqual({ numerator: null, denominator: 3, value: 132 });
      // 3 introductions for the 7 people followed in the period (A, B, C, D, E, F, H).
      expect(pick(values.introductions_per_person)).toEqual({ numerator: 3, denominator: 7, value: 0.429 });
      // Links sent for A, D, B; answers for A (48 h) and D (24 h).
      expect(pick(values.employer_response_rate)).toEqual({ numerator: 2, denominator: 3, value: 0.667 });
      expect(pick(values.employer_response_hours)).toEqual({ numerator: null, denominator: 2, value: 36 });
      expect(pick(values.offers_captured)).toEqual({ numerator: 1, denominator: null, value: 1 });
    });

    it('splits by coach, exports CSV, and keeps its values when a file is anonymised', async () => {
      const byCoach = await as(org.users.managerNord).get(`/indicators?${PERIOD}&groupBy=coach`).expect(200);
      const groups = (byCoach.body as Report).groups;
      const cohortOf = (coachId: string) =>
        groups.find((group) => group.key === coachId)?.indicators.find((i) => i.key === 'return_to_activity');
      expect(cohortOf(org.users.coachLille.id)).toMatchObject({ numerator: 3, denominator: 5 });
      expect(cohortOf(org.users.coachNord.id)).toMatchObject({ numerator: 1, denominator: 1 });

      const csv = await as(org.users.managerNord).get(`/indicators/export.csv?${PERIOD}`).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      // French conventions: a byte order mark, `;`, French headers, decimal commas, oui/non.
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const lines = csv.text.slice(1).trim().split('\n');
      expect(lines[0]).toBe(
        'Du;Au;Groupe;Code de l’indicateur;Indicateur;Numérateur;Dénominateur;Valeur;Cible;Cible atteinte;Non renseignés',
      );
      expect(lines.find((line) => line.includes(';return_to_activity;'))).toContain(';4;6;0,667;0,6;oui;');

      const before = await indicators();
      await as(org.users.managerNord).post(`/beneficiaries/${ids.A}/erasure`).expect(200);
      expect(await indicators()).toEqual(before);
    });

    it('splits by territory: the home commune (small ones pooled), and its département, which an anonymised file keeps', async () => {
      const split = async (groupBy: string) => {
        const response = await as(org.users.managerNord).get(`/indicators?${PERIOD}&groupBy=${groupBy}`).expect(200);
        return Object.fromEntries(
          (response.body as Report).groups.map((group) => {
            const rate = group.indicators.find((indicator) => indicator.key === 'return_to_activity')!;
            return [group.label, [rate.numerator, rate.denominator]];
          }),
        );
      };
      const pooled = 'Autres communes (moins de 5 personnes chacune)';
      // The cohort (ended in the period): A (Lille, anonymised above), B and F (Roubaix), C and E (Lille), H
      // (anonymised); returned to activity: A, B, E, H. I lives in the Bas-Rhin, outside the manager's reach.
      expect(await split('departement')).toEqual({ 'Département 59': [4, 6] });
      // Lille has four people left with a commune (C, D, E, G), Roubaix two: too few to be shown apart.
      expect(await split('commune')).toEqual({ [pooled]: [2, 4], 'Non attribué': [2, 2] });
      // Three more people in coaching in Roubaix make five: Roubaix is shown, Lille stays pooled.
      await db.query(
        `INSERT INTO beneficiary (structure_id, referent_user_id, first_name, last_name, orientation_date, status,
           commune_insee)
         SELECT $1, $2, 'Roubaix' || i, 'Cohorte', '2026-01-10', 'in_coaching', '59512' FROM generate_series(1, 3) i`,
        [org.structures.lille, org.users.coachLille.id],
      );
      expect(await split('commune')).toEqual({ 'Roubaix (59)': [1, 2], [pooled]: [1, 2], 'Non attribué': [2, 2] });
      // B anonymised: still in the département's figures; Roubaix falls to four and is pooled again.
      await as(org.users.managerNord).post(`/beneficiaries/${ids.B}/erasure`).expect(200);
      expect(await split('departement')).toEqual({ 'Département 59': [4, 6] });
      expect(await split('commune')).toEqual({ [pooled]: [1, 3], 'Non attribué': [3, 3] });
    });

    it('is for managers only, within their reach', async () => {
      await as(org.users.coachLille).get(`/indicators?${PERIOD}`).expect(403);
      await as(org.users.managerNord).get(`/indicators?${PERIOD}&structureId=${org.structures.basRhin}`).expect(404);
      const backwards = await as(org.users.managerNord).get('/indicators?from=2026-04-01&to=2026-01-01').expect(422);
      expect(backwards.body).toMatchObject({ code: 'indicators.period', details: [{ field: 'from' }] });
      const lille = await indicators(`&structureId=${org.structures.lille}`);
      expect(lille.return_to_activity).toMatchObject({ numerator: 3, denominator: 5 });
    });
  });

  describe('checkpoints', () => {
    const queue = (): Queue => api.app.get<Queue>(getQueueToken(QUEUES.outcomes));
    // Sessions end 12 hours after their login by the same clock: coaches months later log in again.
    const loginAgain = async (): Promise<void> => {
      for (const user of [org.users.coachLille, org.users.coachNord]) {
        const response = await login(api, user.email, user.password).expect(200);
        user.accessToken = (response.body as { accessToken: string }).accessToken;
      }
    };
    let beneficiaryId: string;
    let placementId: string;
    let checkpoints: Record<string, { id: string; dueOn: string }>;

    beforeAll(async () => {
      const created = await as(org.users.coachLille)
        .post('/beneficiaries', {
          firstName: 'Suivie',
          lastName: 'Checkpoint',
          commune: { inseeCode: '59350' },
          orientationDate: addDays(parisToday(), -60),
        })
        .expect(201);
      beneficiaryId = (created.body as { id: string }).id;
    });

    it('fires each checkpoint on its day by the clock, not before, and takes the answer only then', async () => {
      const clock = api.app.get(Clock);
      const startDate = parisToday();
      // The clock is put six seconds before the M+1 checkpoint's day starts.
      clock.set(new Date(dueInstant(checkpointDates(startDate).m1).getTime() - 6_000));
      await loginAgain();
      const placement = await as(org.users.coachLille)
        .post('/placements', {
          beneficiaryId,
          employerName: 'Boulangerie Paul',
          foundBy: 'self',
          contractType: 'cdd',
          contractMonths: 4,
          weeklyHours: 24,
          startDate,
          aidAmount: 300,
        })
        .expect(201);
      const view = placement.body as {
        id: string;
        durable: boolean;
        checkpoints: Array<{ id: string; milestone: string; dueOn: string }>;
      };
      placementId = view.id;
      expect(view.durable).toBe(false);
      // Well formed, but a job cannot end before it starts: 422, like every broken rule.
      const backwards = await as(org.users.coachLille)
        .post(`/placements/${placementId}/end`, { endDate: addDays(startDate, -1), reason: 'resignation' })
        .expect(422);
      expect(backwards.body).toMatchObject({ code: 'placement.end_before_start', details: [{ field: 'endDate' }] });
      checkpoints = Object.fromEntries(view.checkpoints.map((c) => [c.milestone, { id: c.id, dueOn: c.dueOn }]));
      expect(Object.keys(checkpoints).sort()).toEqual(['m1', 'm3', 'm6']);
      const m1Job = await queue().getJob(checkpointJobId(checkpoints.m1.id));
      expect(m1Job?.opts.delay).toBeGreaterThan(4_000);
      expect(m1Job?.opts.delay).toBeLessThanOrEqual(6_000);

      const taskCreated = async (id: string): Promise<boolean> =>
        (await db.query('SELECT task_created_at FROM follow_up WHERE id = $1', [id]))[0].task_created_at !== null;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await taskCreated(checkpoints.m1.id)).toBe(false);
      await as(org.users.coachLille).post(`/follow-ups/${checkpoints.m1.id}/answer`, { inJob: true }).expect(422);

      await eventually('the M+1 task', () => taskCreated(checkpoints.m1.id).then((done) => done || undefined), 20_000);
      expect(await taskCreated(checkpoints.m3.id)).toBe(false);
      const notices = await as(org.users.coachLille).get('/notifications').expect(200);
      expect(
        (notices.body as { items: Array<{ kind: string; subjectId: string }> }).items.filter(
          (item) => item.kind === 'follow_up_due',
        ),
      ).toEqual([expect.objectContaining({ subjectId: checkpoints.m1.id })]);
      const due = await as(org.users.coachLille).get('/follow-ups?state=due').expect(200);
      expect((due.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([checkpoints.m1.id]);

      const answered = await as(org.users.coachLille)
        .post(`/follow-ups/${checkpoints.m1.id}/answer`, {
          inJob: true,
          difficulties: ['transport', 'hours'],
          employerView: 'Ponctuelle, bonne intégration',
        })
        .expect(200);
      expect(answered.body).toMatchObject({ state: 'answered', answer: { inJob: true } });
      await as(org.users.coachLille).post(`/follow-ups/${checkpoints.m1.id}/answer`, { inJob: true }).expect(409);
      await as(org.users.coachLille)
        .post(`/follow-ups/${checkpoints.m1.id}/answer`, { inJob: true, difficulties: ['weather'] })
        .expect(400);
      await as(org.users.coachNord).post(`/follow-ups/${checkpoints.m3.id}/answer`, { inJob: true }).expect(404);
    });

    it('lists a checkpoint a week past its day without an answer as overdue', async () => {
      const clock = api.app.get(Clock);
      clock.set(new Date(dueInstant(addDays(checkpoints.m3.dueOn, 8)).getTime()));
      await loginAgain();
      const overdue = await as(org.users.coachLille).get('/follow-ups?state=overdue').expect(200);
      expect((overdue.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(
        checkpoints.m3.id,
      );
      clock.reset();
    });

    it('survives a Redis flush: start-up rebuilds the jobs from PostgreSQL, and adds the end-of-coaching checkpoints', async () => {
      api.app.get(Clock).reset();
      await as(org.users.coachLille)
        .post(`/beneficiaries/${beneficiaryId}/closure`, { status: 'ended', on: parisToday(), exitReason: 'job' })
        .expect(200);
      await queue().obliterate({ force: true });
      expect(await queue().getJob(checkpointJobId(checkpoints.m3.id))).toBeUndefined();

      await api.close();
      await start();
      const m3 = await queue().getJob(checkpointJobId(checkpoints.m3.id));
      const expected = dueInstant(checkpoints.m3.dueOn).getTime();
      expect(m3).toBeDefined();
      expect(Math.abs(m3!.timestamp + (m3!.opts.delay ?? 0) - expected)).toBeLessThan(60_000);
      // The answered M+1 needs no job; the end of coaching got its three checkpoints, with jobs.
      expect(await queue().getJob(checkpointJobId(checkpoints.m1.id))).toBeUndefined();
      const ends: Array<{ id: string; milestone: string; due_on: string }> = await db.query(
        `SELECT id, milestone, due_on FROM follow_up WHERE beneficiary_id = $1 AND kind = 'coaching_end' ORDER BY due_on`,
        [beneficiaryId],
      );
      expect(ends.map((row) => [row.milestone, row.due_on])).toEqual(
        Object.entries(checkpointDates(parisToday())).map(([milestone, due]) => [milestone, due]),
      );
      for (const row of ends) expect(await queue().getJob(checkpointJobId(row.id))).toBeDefined();
      const placement = await as(org.users.coachLille).get(`/placements?beneficiaryId=${beneficiaryId}`).expect(200);
      expect((placement.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([placementId]);
    });
  });
});
