import type { EntityManager } from 'typeorm';
import type { StructureKind } from '../../domain/roles.js';

/** An organisation unit (`structure`). */
export interface Structure {
  id: string;
  name: string;
  kind: StructureKind;
  parentId: string | null;
  createdAt: Date;
}

export type StructureDraft = Pick<Structure, 'name' | 'kind' | 'parentId'>;

/** Structures and their tree; each method works in the transaction of `manager`. */
export abstract class StructureStore {
  abstract byId(manager: EntityManager, id: string): Promise<Structure | null>;

  abstract exists(manager: EntityManager, id: string): Promise<boolean>;

  abstract create(manager: EntityManager, draft: StructureDraft): Promise<Structure>;

  /** The structures with these ids (null: all), by name. */
  abstract list(manager: EntityManager, ids: readonly string[] | null): Promise<Structure[]>;

  /** The ids of a structure and of every structure under it. */
  abstract subtree(manager: EntityManager, rootId: string): Promise<string[]>;
}
