import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RuntimeSettings } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { addDays, addMonths, parisToday, RETENTION_NOTICE_DAYS } from '../domain/coaching.js';
import { BeneficiaryAccess } from '../infrastructure/beneficiary-access.js';
import { ErasureOutboxStore } from '../infrastructure/erasure-outbox-store.js';
import { NotificationStore } from '../infrastructure/notification-store.js';
import { PersonalDataStore } from '../infrastructure/personal-data-store.js';
import { PhotoStore } from '../infrastructure/photo-store.js';
import { type BeneficiaryFile, BeneficiaryFiles } from './beneficiary-file.js';
import { RecordNotification } from './notifications.use-case.js';
import { coachingError } from '../domain/coaching-errors.js';

export interface BeneficiaryExport {
  readonly exportedAt: string;
  readonly format: 'passerelle.beneficiary-export.v1';
  readonly file: BeneficiaryFile;
  /** Who accessed the file, when and how (the audit log rows about this person). */
  readonly accessLog: Array<{
    occurredAt: Date;
    actorUserId: string;
    action: string;
    details: Record<string, unknown>;
  }>;
  readonly notifications: Array<{ kind: string; message: string; createdAt: Date }>;
}

/**
 * Personal-data rights: the export of everything held on one person, erasure, and retention.
 * Erasure clears every personal field and free text and keeps what the indicators count: the
 * structure, coaching dates and status, exit reason, CER dates and outcomes, kinds of barriers,
 * contacts, actions and aid amounts, offers proposed, CV deposit date. Coaching clears its own
 * tables and records `BeneficiaryErased` in the same transaction; mediation, outcomes and the
 * others clear theirs from that event (ProcessErasures), so a crash in between loses nothing.
 */
@Injectable()
export class PersonalData {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: BeneficiaryAccess,
    private readonly files: BeneficiaryFiles,
    private readonly audit: AuditLog,
    private readonly photos: PhotoStore,
    private readonly notifications: RecordNotification,
    private readonly store: PersonalDataStore,
    private readonly notificationStore: NotificationStore,
    private readonly outbox: ErasureOutboxStore,
  ) {}

  /**
   * Only the referent coach exports (the file holds health notes no one else reads): they hand it
   * to the person who asked.
   */
  async export(actor: Actor, id: string): Promise<BeneficiaryExport> {
    const row = await this.access.open(actor, 'beneficiaries.read', id, { action: 'export' });
    if (!BeneficiaryAccess.isReferent(actor, row))
      throw coachingError('beneficiary.export_referent_only', 'only the referent coach exports a file');
    const manager = this.dataSource.manager;
    const accessLog = await this.store.accessLog(manager, id);
    const notifications = await this.notificationStore.aboutPerson(manager, id);
    return {
      exportedAt: new Date().toISOString(),
      format: 'passerelle.beneficiary-export.v1',
      file: await this.files.file(manager, row, true),
      accessLog,
      notifications,
    };
  }

  async erase(actor: Actor, id: string): Promise<{ id: string; erasedAt: string }> {
    const photos = await this.dataSource.transaction(async (manager) => {
      await this.access.open(
        actor,
        'beneficiaries.erase',
        id,
        { action: 'delete', details: { erasure: 'request' } },
        manager,
      );
      return this.anonymise(manager, id, 'request');
    });
    await this.photos.remove(photos);
    return { id, erasedAt: new Date().toISOString() };
  }

  /**
   * Clears the file inside the caller's transaction and records the event the other contexts erase
   * from; returns the photo files to delete after the commit (the photo sweep removes them if the
   * process dies first).
   */
  private async anonymise(manager: EntityManager, id: string, cause: 'request' | 'retention'): Promise<string[]> {
    await this.store.erase(manager, id);
    await this.outbox.record(manager, id, cause);
    return this.photos.forget(manager, id);
  }

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
  async retention(
    actor: Actor,
    options: { apply: boolean; today?: string },
  ): Promise<{ apply: boolean; due: string[]; anonymised: number; noticesSent: number }> {
    const today = options.today ?? parisToday();
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
          const keys = await this.anonymise(manager, row.id, 'retention');
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
