import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import type { ShortlistDetail } from './ports/shortlist-store.js';
import { ShortlistStore } from './ports/shortlist-store.js';
import { ShortlistAccess } from './shortlist-access.js';

/** A mediator replies to an employer's question about one person: the reply shows on the same link. */
@Injectable()
export class ReplyToShortlist {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ShortlistAccess,
    private readonly shortlists: ShortlistStore,
  ) {}

  async execute(actor: Actor, id: string, input: { entryId: string; body: string }): Promise<ShortlistDetail> {
    return this.dataSource.transaction(async (manager) => {
      const detail = await this.access.open(manager, actor, id);
      if (!detail.entries.some((entry) => entry.id === input.entryId))
        throw mediationError('shortlist.unknown_entry', 'no such person in this shortlist', [
          { field: 'entryId', reason: 'not an entry of this shortlist' },
        ]);
      await this.shortlists.addMessage(
        manager,
        input.entryId,
        { kind: 'user', userId: actor.userId },
        input.body.trim(),
      );
      return this.access.open(manager, actor, id);
    });
  }
}
