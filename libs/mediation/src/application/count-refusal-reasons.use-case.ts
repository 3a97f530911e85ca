import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { addDays, parisToday } from '@passerelle/coaching';
import { type Actor, scopeFor, StructureTree } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { type RefusalReasonCounts, ShortlistStore } from './ports/shortlist-store.js';

/**
 * The reasons employers gave for "not now", counted by offer and by structure over a period of
 * Paris days (the last 365 by default): what mediators go back to negotiate. Managers see their
 * structures' tree; mediators their own structure.
 */
@Injectable()
export class CountRefusalReasons {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly shortlists: ShortlistStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    period: { from?: string; to?: string } = {},
  ): Promise<RefusalReasonCounts & { from: string; to: string }> {
    const to = period.to ?? parisToday(this.clock.now());
    const from = period.from ?? addDays(to, -364);
    if (from > to)
      throw mediationError('period.invalid', 'the period ends before it starts', [
        { field: 'to', reason: 'must not be before from' },
      ]);
    const action = scopeFor(actor.roles, 'indicators.read') ? 'indicators.read' : 'employers.manage';
    const { structureIds } = await this.tree.reach(actor, action);
    const counts = await this.shortlists.refusalReasons(this.dataSource.manager, structureIds, { from, to });
    return { ...counts, from, to };
  }
}
