import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { IntroductionStore } from './ports/introduction-store.js';
import { ShortlistStore } from './ports/shortlist-store.js';
import { ShortlistAccess } from './shortlist-access.js';

/** Stops a shortlist link at once; each introduction's trail records it. */
@Injectable()
export class RevokeShortlist {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ShortlistAccess,
    private readonly shortlists: ShortlistStore,
    private readonly introductions: IntroductionStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const detail = await this.access.open(manager, actor, id);
      if (detail.revokedAt) return;
      await this.shortlists.revoke(manager, id);
      for (const entry of detail.entries)
        await this.introductions.record(manager, entry.introductionId, 'link_revoked', null, null, actor, {
          shortlistId: id,
        });
    });
  }
}
