import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisToday, RecordNotification } from '@passerelle/coaching';
import {
  Clock,
  departementOfInsee,
  isSingleAddress,
  Mailer,
  RuntimeSettings,
  workingDaysAfter,
} from '@passerelle/core';
import { SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { shortlistReminderEmail } from '../domain/employer-mails.js';
import { LinkSealer } from './link-sealer.js';
import { EmployerStore } from './ports/employer-store.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import { type ShortlistMailTarget, ShortlistStore } from './ports/shortlist-store.js';

const parisDate = (date: Date): string => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/**
 * The one reminder of a shortlist left unanswered: once `mediation.shortlist_reminder_working_days`
 * working days (weekends and the public holidays of the employer's département skipped) have passed
 * since it was sent (by the app clock) and someone on it still has no
 * answer, the contact it was e-mailed to is e-mailed the same link again and the mediator who sent
 * it is told « relance envoyée »; without an address to write to, the mediator is asked instead to
 * call the employer (a due action on the employer's log, and a notification). Recorded on the
 * shortlist, so never twice; a revoked or expired shortlist, or one answered for everyone, is left
 * alone. The e-mail re-sends a disclosure: audited as a share, for the people still waiting.
 * Run by the worker's sweep.
 */
@Injectable()
export class RemindUnansweredShortlists {
  private readonly logger = new Logger(RemindUnansweredShortlists.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shortlists: ShortlistStore,
    private readonly employers: EmployerStore,
    private readonly notifications: RecordNotification,
    private readonly accessLog: PeopleAccessLog,
    private readonly sealer: LinkSealer,
    private readonly mailer: Mailer,
    private readonly settings: RuntimeSettings,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ emailed: number; calls: number }> {
    const now = this.clock.now();
    const days = await this.settings.number('mediation.shortlist_reminder_working_days');
    // Working days are never fewer than calendar days: the query's bound is loose, the rule exact.
    const candidates = await this.shortlists.reminderCandidates(
      this.dataSource.manager,
      new Date(now.getTime() - days * 86_400_000),
      now,
    );
    let emailed = 0;
    let calls = 0;
    for (const candidate of candidates) {
      // The employer's working days: public holidays of its département (Alsace-Moselle has two more).
      const departement = departementOfInsee(candidate.employerCommuneInsee);
      if (workingDaysAfter(candidate.createdAt, days, departement).getTime() > now.getTime()) continue;
      const outcome = await this.remind(candidate.id, now);
      if (outcome === 'email') emailed += 1;
      if (outcome === 'call') calls += 1;
    }
    if (emailed + calls > 0) this.logger.log(`shortlist reminders: ${emailed} e-mailed, ${calls} calls asked`);
    return { emailed, calls };
  }

  private async remind(id: string, now: Date): Promise<'email' | 'call' | null> {
    const sending = await this.dataSource.transaction(async (manager) => {
      const target = await this.shortlists.mailTarget(manager, id, true);
      if (!target || target.reminder || target.revokedAt || target.expiresAt.getTime() <= now.getTime()) return null;
      if (target.waitingBeneficiaryIds.length === 0) return null;
      const url = target.linkSealed ? this.sealer.unseal(target.linkSealed) : null;
      const email = url && target.contactEmail && isSingleAddress(target.contactEmail) ? target.contactEmail : null;
      const channel = email ? 'email' : 'call';
      if (!(await this.shortlists.markReminded(manager, id, channel, now))) return null;
      const waiting = target.waitingBeneficiaryIds.length;
      const what = `la sélection du ${parisDate(target.createdAt)} pour « ${target.offerTitle} » (${waiting} profil${waiting > 1 ? 's' : ''} sans réponse)`;
      if (channel === 'call')
        await this.employers.logInteraction(
          manager,
          target.employerId,
          {
            kind: 'reminder',
            occurredOn: parisToday(now),
            ...(target.contactId ? { contactId: target.contactId } : {}),
            outcome: `Relance automatique impossible par e-mail : ${what}.`,
            nextAction: `Appeler l’employeur au sujet de ${what}`,
            nextActionOn: parisToday(now),
          },
          target.createdBy,
        );
      else
        await this.accessLog.record(
          manager,
          { userId: SYSTEM_ACTOR_ID, structureId: target.structureId, roles: [] },
          'share',
          target.waitingBeneficiaryIds,
          {
            part: 'shortlist_reminder',
            shortlistId: id,
            employerId: target.employerId,
            employerName: target.employerName,
            emailedTo: email,
          },
        );
      await this.notifications.execute(
        [
          {
            userId: target.createdBy,
            kind: 'shortlist_reminder',
            subjectType: 'shortlist',
            subjectId: id,
            message:
              channel === 'email'
                ? `Relance envoyée à ${target.employerName} (${target.contactName ?? 'contact'}) pour ${what}.`
                : `${target.employerName} n’a pas répondu à ${what} et n’a pas d’adresse e-mail : appelez l’employeur (action à faire ajoutée).`,
          },
        ],
        { manager },
      );
      return { target, channel, email, url } as const;
    });
    if (!sending) return null;
    // After the commit: recorded once, so never sent twice, even if this send fails.
    if (sending.email && sending.url) await this.send(sending.target, sending.email, sending.url);
    return sending.channel;
  }

  private async send(target: ShortlistMailTarget, email: string, url: string): Promise<void> {
    try {
      await this.mailer.send({
        to: email,
        ...shortlistReminderEmail({
          contactName: target.contactName ?? 'Madame, Monsieur',
          offerTitle: target.offerTitle,
          sentAt: target.createdAt,
          waiting: target.waitingBeneficiaryIds.length,
          url,
          expiresAt: target.expiresAt,
        }),
      });
    } catch (error) {
      this.logger.warn(`shortlist ${target.id}: the reminder e-mail failed (${(error as Error).message})`);
    }
  }
}
