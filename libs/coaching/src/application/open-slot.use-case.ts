import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { timeProblems } from '../domain/appointment.js';
import { coachingError } from '../domain/coaching-errors.js';
import { BookingStore, type NewSlot, type SlotView } from './ports/booking-store.js';

/** A coach opens a free slot of their agenda that the people they invite may book. */
@Injectable()
export class OpenSlot {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingStore,
  ) {}

  async execute(actor: Actor, slot: NewSlot): Promise<SlotView> {
    const problems = timeProblems(slot);
    if (problems.length > 0) throw coachingError('appointment.invalid', 'this slot is inconsistent', problems);
    return this.bookings.insertSlot(this.dataSource.manager, actor.userId, slot);
  }
}
