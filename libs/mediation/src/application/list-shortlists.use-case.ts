import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { IntroductionAccess } from './introduction-access.js';
import { type ShortlistSummary, ShortlistStore } from './ports/shortlist-store.js';

/** The shortlists a mediator follows (their structures', and those they sent), with their answers counted. */
@Injectable()
export class ListShortlists {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly shortlists: ShortlistStore,
  ) {}

  async execute(actor: Actor, filter: { offerId?: string } = {}): Promise<ShortlistSummary[]> {
    const structures = await this.access.staffStructures(actor);
    return this.shortlists.list(this.dataSource.manager, structures, actor.userId, filter);
  }
}
