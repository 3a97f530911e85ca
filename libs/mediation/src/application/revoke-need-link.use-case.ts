import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { EmployerAccess } from './employer-access.js';
import { EmployerNeedStore } from './ports/employer-need-store.js';

/** A mediator withdraws a need link of their structures: it opens nothing from then on. */
@Injectable()
export class RevokeNeedLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly needs: EmployerNeedStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<void> {
    const structures = await this.access.structures(actor);
    if (!(await this.needs.revokeLink(this.dataSource.manager, id, structures)))
      throw mediationError('need_link.not_found', 'no need link with this id in your structures');
  }
}
