import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppointmentStore } from './ports/appointment-store.js';

/**
 * An interview an employer booked through a shortlist (a slot the mediator offered), recorded in the
 * caller's transaction as an appointment of the mediator's agenda with the person taking part, so
 * it shows on both agendas. Mediation checked the link, the slot and the person; this is the door
 * it uses, never an insert into `appointment` (ADR 0010). Returns the appointment's id.
 */
@Injectable()
export class RecordEmployerInterview {
  constructor(private readonly appointments: AppointmentStore) {}

  async execute(
    manager: EntityManager,
    interview: { mediatorUserId: string; beneficiaryId: string; startsAt: Date; endsAt: Date; place: string },
  ): Promise<string> {
    const id = await this.appointments.insert(manager, interview.mediatorUserId, {
      kind: 'in_person',
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      place: interview.place.slice(0, 300),
      beneficiaryIds: [interview.beneficiaryId],
    });
    await this.appointments.addParticipant(manager, id, interview.beneficiaryId);
    return id;
  }
}
