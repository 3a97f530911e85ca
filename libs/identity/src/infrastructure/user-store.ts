import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type User, type UserChanges, type UserDraft, UserStore } from '../application/ports/user-store.js';
import { UserEntity } from './user.entity.js';

/** Accounts in `app_user`, through TypeORM. */
@Injectable()
export class SqlUserStore extends UserStore {
  byId(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id });
  }

  byEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { email });
  }

  async idByEmail(manager: EntityManager, email: string): Promise<string | null> {
    const user = await manager.findOne(UserEntity, { where: { email }, select: { id: true } });
    return user?.id ?? null;
  }

  emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return manager.existsBy(UserEntity, { email });
  }

  bySsoSubject(manager: EntityManager, issuer: string, subject: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { oidcIssuer: issuer, oidcSubject: subject });
  }

  count(manager: EntityManager): Promise<number> {
    return manager.count(UserEntity);
  }

  create(manager: EntityManager, draft: UserDraft): Promise<UserEntity> {
    return manager.save(manager.create(UserEntity, draft));
  }

  save(manager: EntityManager, user: User): Promise<UserEntity> {
    return manager.save(user instanceof UserEntity ? user : manager.create(UserEntity, user));
  }

  async update(manager: EntityManager, id: string, changes: UserChanges): Promise<void> {
    await manager.update(UserEntity, { id }, changes);
  }
}
