import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { RankPeopleForOffer } from '@passerelle/coaching';
import type { Actor, Role } from '@passerelle/identity';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  as as asUser,
  createTestContext,
  diagnosedPerson,
  offerOfNewEmployer,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

/**
 * Reverse matching keeps each scope's pool in memory and reads it again only when the database's
 * versions moved (migration 1764000120000). The lists here come from a second API (a replica with its
 * own memory) while the changes go through the first one or through plain SQL: nothing but the
 * database tells the replica, so each change must show in its very next list.
 */
describe('candidates for an offer: the kept pool follows every change on the next list', () => {
  let context: TestContext;
  let api: RunningApi;
  let replica: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let offer: string;

  const person = (firstName: string, contractTypes: string[]): Promise<string> =>
    diagnosedPerson(api.url, org.users.coachLille, firstName, { romeCode: 'D1106', contractTypes });

  const actor = (user: TestUser, role: Role): Actor => ({
    userId: user.id,
    structureId: user.structureId,
    roles: [role],
  });

  /** The ids the replica lists for the offer, for this user. */
  const listed = async (user: TestUser, role: Role): Promise<string[]> =>
    (await replica.app.get(RankPeopleForOffer).execute(actor(user, role), offer, 50)).map(
      (person) => person.beneficiaryId,
    );
  const staffList = (): Promise<string[]> => listed(org.users.staffNord, 'platform_staff');
  const coachList = (): Promise<string[]> => listed(org.users.coachLille, 'coach');

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    replica = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    offer = await offerOfNewEmployer(
      api.url,
      org.users.staffNord,
      'Boulangerie Paul',
      'Vendeur en boulangerie',
      'D1106',
    );
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();
  });

  afterAll(async () => {
    await replica?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('lists a person whose saved diagnostic now accepts the offer, and a person just registered and diagnosed', async () => {
    const interim = await person('Interimaire', ['interim']);
    expect(await staffList()).not.toContain(interim);
    await asUser(api, org.users.coachLille)
      .put(`/beneficiaries/${interim}/diagnostic`, {
        experiences: [{ romeCode: 'D1106', months: 30 }],
        skills: [],
        desiredOccupations: ['D1106'],
        drivingLicence: false,
        vehicle: false,
        maxDistanceKm: 20,
        contractTypes: ['interim', 'cdi'],
        workingTime: 'any',
        constraints: [],
        availabilityDate: null,
        languages: [],
      })
      .expect(200);
    expect(await staffList()).toContain(interim);

    const newcomer = await person('Nouvelle', ['cdi']);
    expect(await staffList()).toContain(newcomer);
  });

  it('drops a person whose coaching ended, and a person whose file was erased', async () => {
    const leaver = await person('Partante', ['cdi']);
    const erased = await person('Effacee', ['cdi']);
    expect(await staffList()).toEqual(expect.arrayContaining([leaver, erased]));
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    await asUser(api, org.users.coachLille)
      .post(`/beneficiaries/${leaver}/closure`, { status: 'ended', on: today, exitReason: 'job' })
      .expect(200);
    expect(await staffList()).not.toContain(leaver);
    await asUser(api, org.users.managerNord).post(`/beneficiaries/${erased}/erasure`).expect(200);
    expect(await staffList()).not.toContain(erased);
  });

  it('follows a person moved to another structure by plain SQL: out of the Nord’s lists, into the Bas-Rhin’s, and back', async () => {
    const mover = await person('Demenageuse', ['cdi']);
    expect(await staffList()).toContain(mover);
    expect(await coachList()).toContain(mover);
    expect(await listed(org.users.managerBasRhin, 'manager')).toEqual([]);
    await db.query('UPDATE beneficiary SET structure_id = $1 WHERE id = $2', [org.structures.basRhin, mover]);
    expect(await staffList()).not.toContain(mover);
    expect(await coachList()).not.toContain(mover);
    expect(await listed(org.users.managerBasRhin, 'manager')).toEqual([mover]);
    await db.query('UPDATE beneficiary SET structure_id = $1 WHERE id = $2', [org.structures.lille, mover]);
    expect(await staffList()).toContain(mover);
    expect(await listed(org.users.managerBasRhin, 'manager')).toEqual([]);
  });

  it('follows the structures’ tree: Lille moved out of the Nord leaves the Nord’s reach, not Lille’s own', async () => {
    const local = await person('Lilloise', ['cdi']);
    const nordBefore = await staffList();
    const lilleBefore = await coachList();
    expect(nordBefore).toContain(local);
    expect(lilleBefore).toContain(local);
    // No person's row changes: only the tree does.
    await db.query('UPDATE structure SET parent_id = NULL WHERE id = $1', [org.structures.lille]);
    try {
      expect(await staffList()).toEqual([]);
      expect(await coachList()).toEqual(lilleBefore);
    } finally {
      await db.query('UPDATE structure SET parent_id = $1 WHERE id = $2', [org.structures.nord, org.structures.lille]);
    }
    expect(await staffList()).toEqual(nordBefore);
  });

  it('refuses any write to the versions but their triggers’', async () => {
    for (const table of ['candidate_pool_version', 'structure_tree_version']) {
      await expect(db.query(`UPDATE ${table} SET version = '1'`)).rejects.toThrow(/written by its triggers only/);
      await expect(db.query(`DELETE FROM ${table}`)).rejects.toThrow(/written by its triggers only/);
      await expect(db.query(`TRUNCATE ${table}`)).rejects.toThrow(/written by its triggers only/);
    }
  });
});
