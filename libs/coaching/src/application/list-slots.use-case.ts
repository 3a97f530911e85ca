import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { MAX_AGENDA_DAYS } from '../domain/appointment.js';
import { coachingError } from '../domain/coaching-errors.js';
import { BookingStore, type SlotView } from './ports/booking-store.js';

/** The coach's own slots over a span, free or booked. */
@Injectable()
export class ListSlots {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingStore,
  ) {}

  async execute(actor: Actor, from: Date, to: Date): Promise<SlotView[]> {
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (days <= 0 || days > MAX_AGENDA_DAYS)
      throw coachingError('appointment.invalid', 'bad span', [
        { field: 'to', reason: `after from, at most ${MAX_AGENDA_DAYS} days later` },
      ]);
    return this.bookings.slots(this.dataSource.manager, actor.userId, from, to);
  }
}
