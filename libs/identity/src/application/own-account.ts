import type { DataSource } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import type { User, UserStore } from './ports/user-store.js';

/** The acting user's own account: it exists, since each request re-reads it (a failure here is a bug). */
export async function ownAccount(users: UserStore, dataSource: DataSource, actor: Actor): Promise<User> {
  const user = await users.byId(dataSource.manager, actor.userId);
  if (!user) throw new Error(`the acting user ${actor.userId} does not exist`);
  return user;
}
