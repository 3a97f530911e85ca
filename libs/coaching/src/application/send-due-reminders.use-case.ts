import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { reminderMessage } from '../domain/booking.js';
import { PersonMessages } from './person-messages.js';
import { AppointmentStore } from './ports/appointment-store.js';

/**
 * The reminders of tomorrow's appointments: from 10:00 (Paris) the day before, each participant
 * not yet reminded since the appointment last moved is written to, by e-mail and SMS as they
 * consented (PersonMessages records every attempt, so a person is reminded once, failure or not).
 * Run by the worker's sweep; the controllable clock decides what is due.
 */
@Injectable()
export class SendDueReminders {
  private readonly logger = new Logger(SendDueReminders.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: AppointmentStore,
    private readonly messages: PersonMessages,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ reminded: number; skipped: boolean }> {
    const reminded = await this.appointments.whileSweeping(async () => {
      const due = await this.appointments.dueReminders(this.dataSource.manager, this.clock.now());
      let count = 0;
      for (const target of due) {
        const outcomes = await this.messages.send(
          { id: target.beneficiaryId, email: target.email, phone: target.phone },
          reminderMessage(target.firstName, target),
          { purpose: 'reminder', appointmentId: target.appointmentId },
        );
        if (Object.values(outcomes).some((outcome) => outcome === 'sent' || outcome === 'failed')) count += 1;
      }
      if (due.length > 0) this.logger.log(`appointment reminders: ${count} of ${due.length} people written to`);
      return count;
    });
    return reminded === null ? { reminded: 0, skipped: true } : { reminded, skipped: false };
  }
}
