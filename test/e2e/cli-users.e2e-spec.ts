import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestContext, spawnBuilt, type TestContext } from '@passerelle/testing';
import pg from 'pg';

describe('cli: create-admin, create-user, reset-password', () => {
  let context: TestContext;

  const cli = async (args: string[]): Promise<{ code: number; output: string }> => {
    const run = spawnBuilt('apps/cli/src/main.js', args, context.env);
    const code = await run.exited;
    return { code, output: run.output() };
  };

  beforeAll(async () => {
    context = await createTestContext();
  });

  afterAll(async () => {
    await context?.cleanup();
  });

  it('creates the first admin once, then users, and resets a password', async () => {
    const admin = await cli(['create-admin', '--email', 'root@test.passerelle.fr']);
    expect(admin.code).toBe(0);
    expect(JSON.parse(admin.output)).toMatchObject({ email: 'root@test.passerelle.fr', password: expect.any(String) });

    const again = await cli(['create-admin']);
    expect(again.code).toBe(1);
    expect(again.output.trim()).toBe(
      'passerelle: users already exist: use create-user with an administrator role instead',
    );

    const client = new pg.Client({ connectionString: context.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ id: string }>('SELECT id FROM structure LIMIT 1');
    const created = await cli([
      'create-user',
      '--email',
      'Coach@Test.Passerelle.fr',
      '--name',
      'Coach',
      '--structure',
      rows[0].id,
      '--roles',
      'coach,manager',
    ]);
    expect(created.code).toBe(0);
    const createdOutput = JSON.parse(created.output) as { expiresAt: string };
    expect(createdOutput).toMatchObject({
      email: 'coach@test.passerelle.fr',
      temporaryPassword: expect.any(String),
    });
    // The temporary password's deadline (AUTH_TEMPORARY_PASSWORD_TTL_HOURS, 72 by default) is printed with it.
    expect(new Date(createdOutput.expiresAt).getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);

    const badRole = await cli([
      'create-user',
      '--email',
      'x@test.fr',
      '--name',
      'X',
      '--structure',
      rows[0].id,
      '--roles',
      'boss',
    ]);
    expect(badRole.code).toBe(1);
    expect(badRole.output).toContain('unknown role boss');

    const reset = await cli(['reset-password', '--email', 'coach@test.passerelle.fr']);
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.output)).toMatchObject({
      temporaryPassword: expect.any(String),
      expiresAt: expect.any(String),
    });
    const audit = await client.query(`SELECT action, details FROM audit_event WHERE subject_type = 'user' ORDER BY id`);
    await client.end();
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(['create', 'create', 'update']);
  });
});
