import type { DomainError } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aMediator, anEmployer, fakeReferential, fakeStructureTree, InMemoryEmployerStore } from '../testing/index.js';
import { CreateEmployer } from './create-employer.use-case.js';
import { EmployerAccess } from './employer-access.js';

const VALID_SIRET = '73282932000074';

describe('CreateEmployer', () => {
  const mediator = aMediator();
  let employers: InMemoryEmployerStore;
  let createEmployer: CreateEmployer;

  beforeEach(() => {
    employers = new InMemoryEmployerStore();
    const dataSource = inMemoryDataSource();
    const access = new EmployerAccess(dataSource, fakeStructureTree(), employers);
    createEmployer = new CreateEmployer(dataSource, access, fakeReferential(), employers);
  });

  it('refuses a SIRET whose check key is wrong and an unknown commune, naming both fields, and registers nothing', async () => {
    const refused = await createEmployer
      .execute(mediator, { siret: '73282932000075', name: 'Boulangerie', commune: { inseeCode: '99999' } })
      .catch((error: DomainError) => error);
    expect(refused).toMatchObject({
      code: 'employer.invalid',
      details: [
        { field: 'siret', reason: expect.stringContaining('SIRET') },
        { field: 'commune', reason: expect.any(String) },
      ],
    });
    expect(employers.employers).toEqual([]);
  });

  it('registers the employer in the mediator’s structure, its name trimmed and its commune resolved', async () => {
    const created = await createEmployer.execute(mediator, {
      siret: VALID_SIRET,
      name: '  Boulangerie Paul ',
      commune: { inseeCode: '59350' },
    });
    expect(created).toMatchObject({
      siret: VALID_SIRET,
      name: 'Boulangerie Paul',
      communeInsee: '59350',
      communeName: 'Lille',
      structureId: mediator.structureId,
    });
    expect(employers.employers).toEqual([created]);
  });

  it('refuses a SIRET the structure already has (a conflict, field siret)', async () => {
    employers.given(anEmployer({ siret: VALID_SIRET, structureId: mediator.structureId }));
    await expect(
      createEmployer.execute(mediator, { siret: VALID_SIRET, name: 'Autre nom', commune: { inseeCode: '59350' } }),
    ).rejects.toMatchObject({ code: 'employer.exists', kind: 'conflict', details: [{ field: 'siret' }] });
    expect(employers.employers).toHaveLength(1);
  });

  it('is refused to a manager, who may not manage employers', async () => {
    await expect(
      createEmployer.execute(
        { ...mediator, roles: ['manager'] },
        { name: 'Boulangerie Paul', commune: { inseeCode: '59350' } },
      ),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(employers.employers).toEqual([]);
  });
});
