import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { EmployerAccess } from './employer-access.js';
import { EmployerStore, type NewInteraction } from './ports/employer-store.js';

/**
 * An exchange with the employer (visit, call…), with one of its contacts or not, and the next
 * action it calls for: an action and its date go together, never before the exchange.
 */
@Injectable()
export class LogEmployerInteraction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly employers: EmployerStore,
  ) {}

  async execute(actor: Actor, employerId: string, input: NewInteraction): Promise<{ id: string }> {
    await this.access.open(actor, employerId);
    if ((input.nextAction === undefined) !== (input.nextActionOn === undefined))
      throw mediationError('interaction.invalid', 'a next action needs its date, and a date its action', [
        { field: input.nextAction ? 'nextActionOn' : 'nextAction', reason: 'give both or neither' },
      ]);
    if (input.nextActionOn && input.nextActionOn < input.occurredOn)
      throw mediationError('interaction.invalid', 'dates out of order', [
        { field: 'nextActionOn', reason: 'must not be before occurredOn' },
      ]);
    if (input.contactId) {
      if (!(await this.employers.isContactOf(this.dataSource.manager, input.contactId, employerId)))
        throw mediationError('interaction.unknown_contact', 'no such contact at this employer', [
          { field: 'contactId', reason: 'not a contact of this employer' },
        ]);
    }
    return this.employers.logInteraction(this.dataSource.manager, employerId, input, actor.userId);
  }
}
