import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, scopeFor, StructureTree } from '@passerelle/identity';
import { type IntroductionRow, IntroductionStore } from './ports/introduction-store.js';
import { mediationError } from '../domain/mediation-errors.js';

/** Who follows an introduction: the mediators of its structure and the person's referent coach. */
@Injectable()
export class IntroductionAccess {
  constructor(
    private readonly introductions: IntroductionStore,
    private readonly tree: StructureTree,
  ) {}

  /**
   * The structures whose introductions a mediator (platform staff) follows: null for all, none for
   * anyone else (a coach follows only their own people's).
   */
  async staffStructures(actor: Actor): Promise<string[] | null> {
    const staff = actor.roles.includes('platform_staff') && scopeFor(actor.roles, 'employers.manage') !== null;
    return staff ? (await this.tree.reach(actor, 'employers.manage')).structureIds : [];
  }

  /** Opens (and in a transaction locks) an introduction for a staff member of its structure or the person's referent coach. */
  async open(manager: EntityManager, actor: Actor, id: string): Promise<IntroductionRow> {
    const row = await this.introductions.lock(manager, id);
    if (!row) throw mediationError('introduction.not_found', 'no introduction with this id');
    const structures = await this.staffStructures(actor);
    const inStructure = structures === null || structures.includes(row.structure_id);
    if (!inStructure && !(await this.introductions.isReferentOf(manager, row.beneficiary_id, actor.userId)))
      throw mediationError('introduction.not_found', 'no introduction with this id');
    return row;
  }
}
