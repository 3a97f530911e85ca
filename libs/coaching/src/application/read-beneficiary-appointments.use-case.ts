import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';

/**
 * The appointments on a person's file (through the gate: scope and audit), each with this person's
 * attendance only: the other participants of a workshop are not part of this file.
 */
@Injectable()
export class ReadBeneficiaryAppointments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly appointments: AppointmentStore,
  ) {}

  async execute(actor: Actor, beneficiaryId: string): Promise<AppointmentView[]> {
    await this.access.open(actor, 'beneficiaries.read', beneficiaryId, {
      action: 'read',
      details: { part: 'appointments' },
    });
    return this.appointments.ofBeneficiary(this.dataSource.manager, beneficiaryId);
  }
}
