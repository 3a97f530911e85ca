import { describe, expect, it } from '@jest/globals';
import { RuntimeSettings } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aConfig, anActor, InMemoryAuditLog, InMemoryStructureStore, refusalOf } from '../testing/index.js';
import { ManageSettings } from './manage-settings.use-case.js';
import { StructureTree } from './structure-tree.js';

function settings() {
  const dataSource = inMemoryDataSource();
  const audit = new InMemoryAuditLog();
  const manage = new ManageSettings(
    dataSource,
    new RuntimeSettings(aConfig(), dataSource),
    new StructureTree(dataSource, new InMemoryStructureStore()),
    audit,
  );
  return { manage, audit, dataSource };
}

describe('ManageSettings', () => {
  it('refuses a value outside the variable’s bounds by its field, before anything is stored or recorded', async () => {
    const world = settings();

    const refused = await refusalOf(world.manage.change(anActor(), 'coaching.portfolio_cap', 100_000));
    const fractional = await refusalOf(world.manage.change(anActor(), 'coaching.portfolio_cap', 12.5));

    expect(refused).toEqual({ code: 'setting.out_of_range', kind: 'invalid', fields: ['value'] });
    expect(fractional.code).toBe('setting.out_of_range');
    expect(world.audit.entries).toEqual([]);
  });

  it('refuses to change a setting the environment fixes, and one that does not exist', async () => {
    const world = settings();

    await expect(refusalOf(world.manage.change(anActor(), 'auth.totp_required_roles', 1))).resolves.toMatchObject({
      code: 'setting.read_only',
      fields: ['key'],
    });
    await expect(refusalOf(world.manage.reset(anActor(), 'coaching.no_such_thing'))).resolves.toMatchObject({
      code: 'setting.not_found',
    });
    expect(world.audit.entries).toEqual([]);
  });

  it('lets administrators only: a manager is refused before any transaction starts', async () => {
    const world = settings();

    const refused = await refusalOf(world.manage.change(anActor({ roles: ['manager'] }), 'coaching.portfolio_cap', 30));

    expect(refused.code).toBe('auth.forbidden');
    expect(world.dataSource.transactions).toBe(0);
  });
});
