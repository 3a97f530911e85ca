import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aMediator, anEmployer, fakeStructureTree, InMemoryEmployerStore, STRUCTURES } from '../testing/index.js';
import { EmployerAccess } from './employer-access.js';
import { LogEmployerInteraction } from './log-employer-interaction.use-case.js';

describe('LogEmployerInteraction', () => {
  const mediator = aMediator();
  const employer = anEmployer({ structureId: mediator.structureId });
  let employers: InMemoryEmployerStore;
  let logInteraction: LogEmployerInteraction;

  beforeEach(() => {
    employers = new InMemoryEmployerStore().given(employer);
    const dataSource = inMemoryDataSource();
    logInteraction = new LogEmployerInteraction(
      dataSource,
      new EmployerAccess(dataSource, fakeStructureTree(), employers),
      employers,
    );
  });

  it('refuses a next action without its date, naming the missing field, and logs nothing', async () => {
    await expect(
      logInteraction.execute(mediator, employer.id, {
        kind: 'visit',
        occurredOn: '2026-03-02',
        nextAction: 'Rappeler',
      }),
    ).rejects.toMatchObject({ code: 'interaction.invalid', details: [{ field: 'nextActionOn' }] });
    await expect(
      logInteraction.execute(mediator, employer.id, {
        kind: 'visit',
        occurredOn: '2026-03-02',
        nextActionOn: '2026-03-09',
      }),
    ).rejects.toMatchObject({ code: 'interaction.invalid', details: [{ field: 'nextAction' }] });
    expect(employers.interactions).toEqual([]);
  });

  it('refuses a next action dated before the exchange', async () => {
    await expect(
      logInteraction.execute(mediator, employer.id, {
        kind: 'call',
        occurredOn: '2026-03-02',
        nextAction: 'Rappeler',
        nextActionOn: '2026-03-01',
      }),
    ).rejects.toMatchObject({
      code: 'interaction.invalid',
      details: [{ field: 'nextActionOn', reason: 'must not be before occurredOn' }],
    });
    expect(employers.interactions).toEqual([]);
  });

  it('refuses a contact of another employer', async () => {
    const other = anEmployer({ structureId: mediator.structureId });
    employers.given(other);
    const { id: contactId } = await employers.addContact(inMemoryDataSource().manager, other.id, {
      name: 'Mme Martin',
      role: null,
      phone: null,
      email: null,
    });
    await expect(
      logInteraction.execute(mediator, employer.id, { kind: 'call', occurredOn: '2026-03-02', contactId }),
    ).rejects.toMatchObject({ code: 'interaction.unknown_contact', details: [{ field: 'contactId' }] });
    expect(employers.interactions).toEqual([]);
  });

  it('logs the exchange and its next action, by its author', async () => {
    const { id } = await logInteraction.execute(mediator, employer.id, {
      kind: 'visit',
      occurredOn: '2026-03-02',
      outcome: 'Analyse du poste faite',
      nextAction: 'Rappeler pour un candidat',
      nextActionOn: '2026-03-02',
    });
    expect(employers.interactions).toEqual([
      expect.objectContaining({
        id,
        employerId: employer.id,
        nextAction: 'Rappeler pour un candidat',
        nextActionOn: '2026-03-02',
        authorId: mediator.userId,
      }),
    ]);
  });

  it('does not find an employer of another structure', async () => {
    const elsewhere = anEmployer({ structureId: STRUCTURES.elsewhere });
    employers.given(elsewhere);
    await expect(
      logInteraction.execute(mediator, elsewhere.id, { kind: 'call', occurredOn: '2026-03-02' }),
    ).rejects.toMatchObject({ code: 'employer.not_found', kind: 'not_found' });
    expect(employers.interactions).toEqual([]);
  });
});
