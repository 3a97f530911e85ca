import type { EntityManager } from 'typeorm';
/**
 * Rows of an `UPDATE ... RETURNING`: TypeORM answers such queries with `[rows, affected]` where
 * INSERT and SELECT give the rows themselves.
 */
export async function updateReturning<T>(
  manager: Pick<EntityManager, 'query'>,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, [...params]);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}
