import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { UserEntity } from './user.entity.js';

export interface UserPageQuery {
  /** Only this user (a reader whose scope is themselves). */
  readonly self?: string;
  /** The users of these structures (null: all). */
  readonly structureIds: readonly string[] | null;
  readonly structureId?: string;
  readonly role?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Reads and sweeps of accounts beyond one row (`app_user`). */
@Injectable()
export class UserDirectory {
  /** A page of users by name, and how many match. */
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

  /** Users with a TOTP secret (enrolled or pending) not yet sealed by the cipher (`v1.` prefix). */
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
