import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@passerelle/core';
import { type Action, type Scope, scopeFor } from '../domain/access-policy.js';
import type { Actor } from '../domain/actor.js';

/** Which structures an actor reaches with a given scope. `null` means every structure. */
@Injectable()
export class StructureTree {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async subtree(rootId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM structure WHERE id = $1
         UNION
         SELECT s.id FROM structure s JOIN tree t ON s.parent_id = t.id
       ) SELECT id FROM tree`,
      [rootId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The scope the actor has for `action` and the structures it opens (`null`: all). Refuses an
   * actor without the action: guards already did, this keeps use cases safe when called elsewhere.
   */
  async reach(actor: Actor, action: Action): Promise<{ scope: Scope; structureIds: string[] | null }> {
    const scope = scopeFor(actor.roles, action);
    if (scope === null) throw new DomainError('forbidden', 'auth.forbidden', `not allowed: ${action}`);
    return { scope, structureIds: await this.reachableStructures(actor, scope) };
  }

  async reachableStructures(actor: Actor, scope: Scope): Promise<string[] | null> {
    switch (scope) {
      case 'all':
        return null;
      case 'structure_tree':
        return this.subtree(actor.structureId);
      default:
        return [actor.structureId];
    }
  }
}
