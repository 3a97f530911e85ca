import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, AuditLog } from '@passerelle/identity';
import { MAX_AGENDA_DAYS } from '../domain/appointment.js';
import { coachingError } from '../domain/coaching-errors.js';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';

/** The coach's own agenda over a span (a day, a week): the names it shows are an audited access. */
@Injectable()
export class ReadAgenda {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: AppointmentStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, from: Date, to: Date): Promise<AppointmentView[]> {
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (days <= 0)
      throw coachingError('appointment.invalid', 'empty span', [{ field: 'to', reason: 'must be after from' }]);
    if (days > MAX_AGENDA_DAYS)
      throw coachingError('appointment.invalid', 'span too long', [
        { field: 'to', reason: `at most ${MAX_AGENDA_DAYS} days after from` },
      ]);
    const items = await this.appointments.agenda(this.dataSource.manager, actor.userId, from, to);
    const people = new Map<string, string>();
    for (const item of items)
      for (const participant of item.participants) people.set(participant.beneficiaryId, participant.structureId);
    if (people.size > 0)
      await this.audit.record(
        actor,
        'list',
        [...people].map(([id, structureId]) => ({ type: 'beneficiary', id, structureId })),
        { view: 'agenda' },
      );
    return items;
  }
}
