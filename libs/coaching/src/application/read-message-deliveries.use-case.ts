import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { BookingStore, type DeliveryView } from './ports/booking-store.js';

/** The messages sent to a person (invitations, reminders, changes), failures included: on the file, audited. */
@Injectable()
export class ReadMessageDeliveries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly bookings: BookingStore,
  ) {}

  async execute(actor: Actor, beneficiaryId: string): Promise<DeliveryView[]> {
    await this.access.open(actor, 'beneficiaries.read', beneficiaryId, {
      action: 'read',
      details: { part: 'messages' },
    });
    return this.bookings.deliveries(this.dataSource.manager, beneficiaryId);
  }
}
