import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  createTestContext,
  login,
  seedOrganisation,
  startApi,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

interface ErrorBody {
  code?: string;
  details: Array<{ field: string; reason: string }>;
}

/**
 * The file's dates are checked against the application's clock, not the machine's: registering,
 * editing, signing a CER, recording its outcome and closing the coaching accept a date that is
 * today on the clock (tomorrow or later on the machine) and store it, and refuse one that is in the
 * clock's future even when the machine has passed it.
 */
describe('coaching: the file follows the application clock', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let clock: Clock;
  const realToday = parisToday();
  const ahead = addDays(realToday, 40);
  let session: TestUser;
  const coach = () => asUser(api, session);
  /** Sessions follow the same clock: the coach logs in again once it has moved. */
  const moveClock = async (at: Date): Promise<void> => {
    clock.set(at);
    const response = await login(api, org.users.coachLille.email, TEST_PASSWORD).expect(200);
    session = { ...org.users.coachLille, accessToken: (response.body as { accessToken: string }).accessToken };
  };
  const cer = (on: string) => ({
    signedOn: on,
    startDate: on,
    beneficiaryCommitments: ['venir aux rendez-vous'],
    serviceCommitments: ['proposer des offres'],
  });
  const register = async (orientationDate: string, firstName: string): Promise<string> => {
    const created = await coach()
      .post('/beneficiaries', { firstName, lastName: 'Horloge', commune: { inseeCode: '59350' }, orientationDate })
      .expect(201);
    return (created.body as { id: string }).id;
  };
  const stored = async (id: string) =>
    (
      await db.query(
        `SELECT orientation_date::text, cv_deposited_on::text, ended_on::text, status FROM beneficiary WHERE id = $1`,
        [id],
      )
    )[0] as { orientation_date: string; cv_deposited_on: string | null; ended_on: string | null; status: string };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    clock = api.app.get(Clock);
  });

  beforeEach(() => {
    session = org.users.coachLille;
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('with the clock 40 days ahead, a file registered, edited, signed, renewed and closed on the clock’s today stores that date', async () => {
    await moveClock(new Date(`${ahead}T10:00:00+01:00`));
    const id = await register(ahead, 'Avance');
    await coach().patch(`/beneficiaries/${id}`, { cvPlatform: 'nordemploi', cvDepositedOn: ahead }).expect(200);
    const signed = await coach().post(`/beneficiaries/${id}/cers`, cer(ahead)).expect(201);
    const cerId = (signed.body as { id: string }).id;
    const renewed = await coach()
      .post(`/beneficiaries/${id}/cers/${cerId}/outcome`, {
        outcome: 'renewed',
        on: ahead,
        renewal: { durationMonths: 2, beneficiaryCommitments: ['c'], serviceCommitments: ['d'] },
      })
      .expect(200);
    expect((renewed.body as Array<{ outcome: string | null }>).map((row) => row.outcome)).toEqual(['renewed', null]);
    // The renewed CER runs until the coaching closes on the clock's today, which closes it too.
    await coach().post(`/beneficiaries/${id}/closure`, { status: 'ended', on: ahead, exitReason: 'job' }).expect(200);
    expect(await stored(id)).toEqual({
      orientation_date: ahead,
      cv_deposited_on: ahead,
      ended_on: ahead,
      status: 'ended',
    });
    const cers = async (of: string): Promise<Array<{ signed_on: string; outcome: string; outcome_on: string }>> =>
      db.query(
        `SELECT signed_on::text, outcome, outcome_on::text FROM cer WHERE beneficiary_id = $1 ORDER BY created_at`,
        [of],
      );
    expect(await cers(id)).toEqual([
      { signed_on: ahead, outcome: 'renewed', outcome_on: ahead },
      { signed_on: ahead, outcome: expect.any(String), outcome_on: ahead },
    ]);

    const exit = await register(ahead, 'Sortie');
    const exitCer = await coach().post(`/beneficiaries/${exit}/cers`, cer(ahead)).expect(201);
    await coach()
      .post(`/beneficiaries/${exit}/cers/${(exitCer.body as { id: string }).id}/outcome`, {
        outcome: 'exit_job',
        on: ahead,
      })
      .expect(200);
    expect(await stored(exit)).toMatchObject({ ended_on: ahead, status: 'ended' });
    expect(await cers(exit)).toEqual([{ signed_on: ahead, outcome: 'exit_job', outcome_on: ahead }]);
  });

  it('with the clock 40 days behind, the machine’s today is in the future: registering, signing and closing on it are refused', async () => {
    const id = await register(addDays(realToday, -60), 'Retard');
    await moveClock(new Date(`${addDays(realToday, -40)}T10:00:00+01:00`));
    const refusal = async (pending: Promise<{ body: unknown }>): Promise<ErrorBody> =>
      (await pending).body as ErrorBody;
    expect(
      (
        await refusal(
          coach()
            .post('/beneficiaries', {
              firstName: 'Futur',
              lastName: 'Horloge',
              commune: { inseeCode: '59350' },
              orientationDate: realToday,
            })
            .expect(422),
        )
      ).details,
    ).toEqual([{ field: 'orientationDate', reason: 'must not be in the future' }]);
    expect(
      (await refusal(coach().post(`/beneficiaries/${id}/cers`, cer(realToday)).expect(422))).details,
    ).toContainEqual({ field: 'signedOn', reason: 'must not be in the future' });
    expect(
      (
        await refusal(
          coach()
            .post(`/beneficiaries/${id}/closure`, { status: 'ended', on: realToday, exitReason: 'job' })
            .expect(422),
        )
      ).details,
    ).toContainEqual({ field: 'on', reason: 'in the future' });
    expect(await stored(id)).toMatchObject({ ended_on: null, status: 'oriented' });
  });
});
