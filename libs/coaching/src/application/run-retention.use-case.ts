import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, RuntimeSettings } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { addDays, addMonths, parisToday, RETENTION_NOTICE_DAYS } from '../domain/coaching.js';
import { Anonymisation } from './anonymisation.js';
import { NotificationStore } from './ports/notification-store.js';
import { PersonalDataStore } from './ports/personal-data-store.js';
import { PhotoStore } from './ports/photo-store.js';
import { RecordNotification } from './record-notification.use-case.js';

/**
 * The retention pass: files whose coaching ended more than the retention period ago, and files
 * never closed that have had no activity for that period (no contact, action, CER, barrier,
 * diagnostic, proposal, consent or change of the file), are anonymised; a dry run (`apply`
 * false) only reports them. Never without notice: the referent coach is told 30 days before, and
 * a file is anonymised only once its notice's date has come. A file past its date that was never
 * announced (the period shortened by an administrator, a first run) gets its notice now, for 30
 * days later; a notice whose file is no longer due (activity again, a longer period) is withdrawn.
 * Files without a referent have no one to tell and follow the dates alone. Reports ids and
 * counts only: the report goes to logs and job results.
 */
@Injectable()
export class RunRetention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly audit: AuditLog,
    private readonly photos: PhotoStore,
    private readonly notifications: RecordNotification,
    private readonly store: PersonalDataStore,
    private readonly notificationStore: NotificationStore,
    private readonly anonymisation: Anonymisation,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    options: { apply: boolean; today?: string },
  ): Promise<{ apply: boolean; due: string[]; anonymised: number; noticesSent: number }> {
    const today = options.today ?? parisToday(this.clock.now());
    const months = await this.settings.number('coaching.retention_months');
    // since + months <= today  <=>  since <= today - months
    const cutoff = addMonths(today, -months);
    const noticeCutoff = addDays(cutoff, RETENTION_NOTICE_DAYS);
    const files = await this.store.retentionCandidates(this.dataSource.manager, noticeCutoff, today);
    const due = files.filter((file) => file.since <= cutoff && (file.referentUserId === null || file.noticed));
    await this.notificationStore.withdrawRetentionNotices(
      this.dataSource.manager,
      files.map((file) => file.id),
    );
    let noticesSent = 0;
    const earliest = addDays(today, RETENTION_NOTICE_DAYS);
    for (const row of files) {
      if (!row.referentUserId) continue;
      const byDates = addMonths(row.since, months);
      // Never less than 30 days' notice, whatever the dates say (a shortened period, a first run).
      const erasureOn = byDates < earliest ? earliest : byDates;
      // The message names no one: the coach opens the file from the notification's subject.
      const inserted = await this.notifications.execute([
        {
          userId: row.referentUserId,
          kind: 'retention_notice',
          subjectType: 'beneficiary',
          subjectId: row.id,
          message: row.inactive
            ? `Un dossier de votre portefeuille sans activité depuis le ${row.since} sera anonymisé le ${erasureOn} (${months} mois sans activité), sauf nouveau contact d’ici là.`
            : `Un dossier de votre portefeuille sera anonymisé le ${erasureOn} (fin d’accompagnement + ${months} mois).`,
          dueOn: erasureOn,
        },
      ]);
      noticesSent += inserted.length;
    }
    let anonymised = 0;
    if (options.apply) {
      for (const row of due) {
        const photos = await this.dataSource.transaction(async (manager) => {
          // A contact recorded since the list was read keeps the file: checked again under the row lock.
          if (!(await this.store.lockIfStillDue(manager, row.id, cutoff))) return null;
          const keys = await this.anonymisation.anonymise(manager, row.id, 'retention');
          await this.audit.record(
            actor,
            'delete',
            [{ type: 'beneficiary', id: row.id, structureId: row.structureId }],
            { erasure: 'retention', retentionMonths: months, ...(row.inactive ? { inactive: true } : {}) },
            manager,
          );
          return keys;
        });
        if (!photos) continue;
        await this.photos.remove(photos);
        anonymised += 1;
      }
    }
    return { apply: options.apply, due: due.map((row) => row.id), anonymised, noticesSent };
  }
}
