import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Structure, type StructureDraft, StructureStore } from '../application/ports/structure-store.js';

/** Structures in a map; the tree follows `parentId`. */
export class InMemoryStructureStore extends StructureStore {
  private readonly structures = new Map<string, Structure>();

  constructor(structures: readonly Structure[] = []) {
    super();
    for (const structure of structures) this.structures.set(structure.id, { ...structure });
  }

  all(): Structure[] {
    return [...this.structures.values()].map((structure) => ({ ...structure }));
  }

  byId(_manager: EntityManager, id: string): Promise<Structure | null> {
    const structure = this.structures.get(id);
    return Promise.resolve(structure ? { ...structure } : null);
  }

  exists(_manager: EntityManager, id: string): Promise<boolean> {
    return Promise.resolve(this.structures.has(id));
  }

  create(_manager: EntityManager, draft: StructureDraft): Promise<Structure> {
    const structure = { ...draft, id: randomUUID(), createdAt: new Date() };
    this.structures.set(structure.id, structure);
    return Promise.resolve({ ...structure });
  }

  list(_manager: EntityManager, ids: readonly string[] | null): Promise<Structure[]> {
    return Promise.resolve(
      this.all()
        .filter((structure) => ids === null || ids.includes(structure.id))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  subtree(_manager: EntityManager, rootId: string): Promise<string[]> {
    if (!this.structures.has(rootId)) return Promise.resolve([]);
    const ids = [rootId];
    for (let i = 0; i < ids.length; i += 1)
      for (const structure of this.structures.values())
        if (structure.parentId === ids[i] && !ids.includes(structure.id)) ids.push(structure.id);
    return Promise.resolve(ids);
  }
}
