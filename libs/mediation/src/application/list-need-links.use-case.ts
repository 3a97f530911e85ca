import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { EmployerAccess } from './employer-access.js';
import { EmployerNeedStore, type NeedLinkView } from './ports/employer-need-store.js';

/** The need links of an employer, or the public-form links of the actor's structures (newest first). */
@Injectable()
export class ListNeedLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly needs: EmployerNeedStore,
  ) {}

  async execute(actor: Actor, employerId: string | null): Promise<NeedLinkView[]> {
    if (employerId) await this.access.open(actor, employerId);
    const structures = await this.access.structures(actor);
    return this.needs.links(this.dataSource.manager, employerId, structures);
  }
}
