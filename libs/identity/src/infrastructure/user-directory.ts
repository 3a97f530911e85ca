import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { UserDirectory, type UserPageQuery } from '../application/ports/user-directory.js';
import { UserEntity } from './user.entity.js';

/** Reads and sweeps of accounts beyond one row (`app_user`). */
@Injectable()
export class SqlUserDirectory extends UserDirectory {
  page(manager: EntityManager, query: UserPageQuery): Promise<[UserEntity[], number]> {
    const builder = manager
      .createQueryBuilder(UserEntity, 'u')
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.self) builder.andWhere('u.id = :self', { self: query.self });
    if (query.structureIds !== null) builder.andWhere({ structureId: In([...query.structureIds]) });
    if (query.structureId) builder.andWhere('u.structure_id = :structureId', { structureId: query.structureId });
    if (query.role) builder.andWhere(':role = ANY(u.roles)', { role: query.role });
    return builder.getManyAndCount();
  }

  /** The cipher's sealed values start with `v1.`. */
  plainTotpSecrets(
    manager: EntityManager,
  ): Promise<Array<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }>> {
    return manager.query(
      `SELECT id, totp_secret, totp_pending_secret FROM app_user
        WHERE totp_secret NOT LIKE 'v1.%' OR totp_pending_secret NOT LIKE 'v1.%'`,
    );
  }

  async setTotpSecrets(
    manager: EntityManager,
    id: string,
    secret: string | null,
    pending: string | null,
  ): Promise<void> {
    await manager.query('UPDATE app_user SET totp_secret = $2, totp_pending_secret = $3 WHERE id = $1', [
      id,
      secret,
      pending,
    ]);
  }
}
