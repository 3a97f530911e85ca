import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Action, type Scope, scopeFor } from '../domain/access-policy.js';
import type { Actor } from '../domain/actor.js';
import { identityError } from '../domain/identity-errors.js';
import { StructureStore } from './ports/structure-store.js';

/** Which structures an actor reaches with a given scope. `null` means every structure. */
@Injectable()
export class StructureTree {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly structures: StructureStore,
  ) {}

  /**
   * `manager`: the caller's transaction, when it has one. A second pool connection taken while the
   * transaction holds one deadlocks once every connection is held by such a transaction (as many
   * concurrent manager writes as the pool is large all failed after the connect timeout).
   */
  subtree(rootId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return this.structures.subtree(manager, rootId);
  }

  /**
   * The scope the actor has for `action` and the structures it opens (`null`: all). Refuses an
   * actor without the action: guards already did, this keeps use cases safe when called elsewhere.
   */
  async reach(
    actor: Actor,
    action: Action,
    manager?: EntityManager,
  ): Promise<{ scope: Scope; structureIds: string[] | null }> {
    const scope = scopeFor(actor.roles, action);
    if (scope === null) throw identityError('auth.forbidden', `not allowed: ${action}`);
    return { scope, structureIds: await this.reachableStructures(actor, scope, manager) };
  }

  async reachableStructures(actor: Actor, scope: Scope, manager?: EntityManager): Promise<string[] | null> {
    switch (scope) {
      case 'all':
        return null;
      case 'structure_tree':
        return this.subtree(actor.structureId, manager);
      default:
        return [actor.structureId];
    }
  }
}
