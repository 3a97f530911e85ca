import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { coachingError } from '../domain/coaching-errors.js';
import { BookingStore } from './ports/booking-store.js';

/** A coach withdraws a free slot of theirs; a booked one stays (its appointment is cancelled instead). */
@Injectable()
export class WithdrawSlot {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingStore,
  ) {}

  async execute(actor: Actor, slotId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const slot = await this.bookings.lockSlot(manager, { coachUserId: actor.userId, structureId: null }, slotId);
      if (!slot) throw coachingError('appointment.slot_not_found', 'no such slot in this agenda');
      if (slot.appointmentId) throw coachingError('appointment.slot_booked', 'this slot is booked');
      await this.bookings.withdrawSlot(manager, slotId);
    });
  }
}
