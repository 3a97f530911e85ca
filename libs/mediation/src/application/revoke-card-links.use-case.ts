import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { CardLinkStore } from './ports/card-link-store.js';
import { IntroductionStore } from './ports/introduction-store.js';
import { IntroductionAccess } from './introduction-access.js';

/** Stops every link of an introduction at once (the employer's page then answers 410); recorded in its trail. */
@Injectable()
export class RevokeCardLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly introductions: IntroductionStore,
    private readonly links: CardLinkStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.open(manager, actor, id);
      await this.links.revokeAll(manager, id);
      await this.introductions.record(manager, id, 'link_revoked', null, null, actor);
    });
  }
}
