import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestAccess, type RequestAccessReading } from '../application/ports/request-access.js';
import type { UserAccess } from '../application/ports/user-store.js';

/**
 * One plain query for both checks: the user's row and, beside it, whether a live token of the session
 * exists (the partial index of live tokens answers it). Two queries sent together cost a request two
 * pool connections and two round trips' work in Node and PostgreSQL.
 */
@Injectable()
export class SqlRequestAccess extends RequestAccess {
  async read(manager: EntityManager, userId: string, familyId: string, now: Date): Promise<RequestAccessReading> {
    const rows: Array<UserAccess & { sessionAlive: boolean }> = await manager.query(
      `SELECT u.id, u.structure_id AS "structureId", u.roles, u.status, u.must_change_password AS "mustChangePassword",
         EXISTS (SELECT 1 FROM refresh_token t
                 WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL AND t.expires_at > $3) AS "sessionAlive"
       FROM app_user u WHERE u.id = $1`,
      [userId, familyId, now],
    );
    const row = rows[0];
    if (!row) return { user: null, sessionAlive: false };
    const { sessionAlive, ...user } = row;
    return { user, sessionAlive };
  }
}
