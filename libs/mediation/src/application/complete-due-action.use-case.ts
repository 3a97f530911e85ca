import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { EmployerStore } from './ports/employer-store.js';

/** The actor marks one of their open next actions done; 404 for anyone else's or one already done. */
@Injectable()
export class CompleteDueAction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployerStore,
  ) {}

  async execute(actor: Actor, interactionId: string): Promise<void> {
    if (!(await this.employers.completeAction(this.dataSource.manager, interactionId, actor.userId)))
      throw mediationError('interaction.not_found', 'no open next action with this id');
  }
}
