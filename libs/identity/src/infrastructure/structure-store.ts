import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { type StructureDraft, StructureStore } from '../application/ports/structure-store.js';
import { StructureEntity } from './structure.entity.js';

/** Structures in `structure`, through TypeORM; the tree by a recursive query. */
@Injectable()
export class SqlStructureStore extends StructureStore {
  byId(manager: EntityManager, id: string): Promise<StructureEntity | null> {
    return manager.findOneBy(StructureEntity, { id });
  }

  exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(StructureEntity, { id });
  }

  create(manager: EntityManager, draft: StructureDraft): Promise<StructureEntity> {
    return manager.save(manager.create(StructureEntity, draft));
  }

  list(manager: EntityManager, ids: readonly string[] | null): Promise<StructureEntity[]> {
    return manager.find(StructureEntity, {
      where: ids === null ? {} : { id: In([...ids]) },
      order: { name: 'ASC' },
    });
  }

  async subtree(manager: EntityManager, rootId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM structure WHERE id = $1
         UNION
         SELECT s.id FROM structure s JOIN tree t ON s.parent_id = t.id
       ) SELECT id FROM tree`,
      [rootId],
    );
    return rows.map((row) => row.id);
  }
}
