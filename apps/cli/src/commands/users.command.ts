import {
  CreateUser,
  EnsureFirstAdmin,
  FindUserByEmail,
  ResetPassword,
  ROLES,
  isRole,
  type Role,
} from '@passerelle/identity';
import { openCliContext, SYSTEM_ACTOR } from '../cli-context.js';

/** The first administrator of an empty database (refused when users exist). */
export async function createAdminCommand(options: {
  email: string;
  password?: string;
  structure: string;
}): Promise<void> {
  const context = await openCliContext();
  try {
    const admin = await context.app.get(EnsureFirstAdmin).execute({
      email: options.email,
      password: options.password,
      structureName: options.structure,
    });
    if (!admin) throw new Error('users already exist: use create-user with an administrator role instead');
    process.stdout.write(
      `${JSON.stringify({
        email: admin.email,
        password: options.password ? undefined : admin.password,
        expiresAt: admin.expiresAt ?? undefined,
      })}\n`,
    );
  } finally {
    await context.close();
  }
}

export async function createUserCommand(options: {
  email: string;
  name: string;
  structure: string;
  roles: string;
  password?: string;
}): Promise<void> {
  const roles = options.roles.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new Error(`unknown role ${unknown.join(', ')}: expected ${ROLES.join(', ')}`);
  const context = await openCliContext();
  try {
    const created = await context.app.get(CreateUser).execute(SYSTEM_ACTOR, {
      email: options.email,
      displayName: options.name,
      structureId: options.structure,
      roles: roles as Role[],
      password: options.password,
    });
    process.stdout.write(
      `${JSON.stringify({
        id: created.user.id,
        email: created.user.email,
        temporaryPassword: created.temporaryPassword,
        expiresAt: created.temporaryPasswordExpiresAt,
      })}\n`,
    );
  } finally {
    await context.close();
  }
}

export async function resetPasswordCommand(options: { email: string }): Promise<void> {
  const context = await openCliContext();
  try {
    const id = await context.app.get(FindUserByEmail).execute(options.email);
    if (!id) throw new Error(`no user with e-mail ${options.email}`);
    const { temporaryPassword, expiresAt } = await context.app.get(ResetPassword).execute(SYSTEM_ACTOR, id);
    process.stdout.write(`${JSON.stringify({ email: options.email, temporaryPassword, expiresAt })}\n`);
  } finally {
    await context.close();
  }
}
