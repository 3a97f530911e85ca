import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { IntroductionAccess } from './introduction-access.js';
import { type ShortlistDetail, ShortlistStore } from './ports/shortlist-store.js';

/** Who follows a shortlist: the mediators of the structure it was sent from, and whoever sent it. */
@Injectable()
export class ShortlistAccess {
  constructor(
    private readonly access: IntroductionAccess,
    private readonly shortlists: ShortlistStore,
  ) {}

  async open(manager: EntityManager, actor: Actor, id: string): Promise<ShortlistDetail> {
    const detail = await this.shortlists.detail(manager, id);
    if (!detail) throw mediationError('shortlist.not_found', 'no shortlist with this id');
    const structures = await this.access.staffStructures(actor);
    const inStructure = structures === null || structures.includes(detail.structureId);
    if (!inStructure && detail.createdBy !== actor.userId)
      throw mediationError('shortlist.not_found', 'no shortlist with this id');
    return detail;
  }
}
