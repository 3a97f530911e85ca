import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, RuntimeSettings } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { addDays, addMonths, parisToday, RETENTION_NOTICE_DAYS } from '../domain/coaching.js';
import { BeneficiaryAccess, type BeneficiaryRow } from '../infrastructure/beneficiary-access.js';
import { PhotoStore } from '../infrastructure/photo-store.js';
import { type BeneficiaryFile, CoachingRecords } from './coaching-file.use-case.js';

export interface BeneficiaryExport {
  readonly exportedAt: string;
  readonly format: 'passerelle.beneficiary-export.v1';
  readonly file: BeneficiaryFile;
  /** Who accessed the file, when and how (the audit log rows about this person). */
  readonly accessLog: Array<{ occurredAt: Date; actorUserId: string; action: string; details: unknown }>;
  readonly notifications: Array<{ kind: string; message: string; createdAt: Date }>;
}

/** The anonymous facts kept after erasure (the indicators count them). */
const ERASE_STATEMENTS = [
  `UPDATE beneficiary SET first_name = NULL, last_name = NULL, birth_date = NULL, email = NULL, phone = NULL,
     address = NULL, commune_insee = NULL, commune_name = NULL, postal_code = NULL, reoriented_to = NULL,
     erased_at = now(), updated_at = now() WHERE id = $1`,
  'DELETE FROM diagnostic WHERE beneficiary_id = $1',
  'DELETE FROM health_note WHERE beneficiary_id = $1',
  'UPDATE barrier SET description = NULL, actions = NULL WHERE beneficiary_id = $1',
  `UPDATE cer SET beneficiary_commitments = '{}', service_commitments = '{}' WHERE beneficiary_id = $1`,
  'UPDATE coaching_event SET note = NULL WHERE beneficiary_id = $1',
  'DELETE FROM consent WHERE beneficiary_id = $1',
  `DELETE FROM user_notification WHERE subject_type = 'beneficiary' AND subject_id = $1`,
  // Mediation: the candidate card and what employers wrote go; links stop working.
  `UPDATE introduction SET card = NULL, interview_place = NULL, decline_reason = NULL WHERE beneficiary_id = $1`,
  `UPDATE introduction_event SET details = '{}'::jsonb
   WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1)`,
  `UPDATE card_link SET revoked_at = coalesce(revoked_at, now())
   WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1)`,
  `UPDATE candidate_request SET message = NULL, decline_reason = NULL WHERE beneficiary_id = $1`,
  // Outcomes: the follow-up answers' words go; the facts (in a job, RSA exit, dates) stay counted.
  `UPDATE follow_up SET employer_view = NULL, note = NULL WHERE beneficiary_id = $1`,
];

/**
 * Personal-data rights: the export of everything held on one person, erasure, and retention.
 * Erasure clears every personal field and free text and keeps what the indicators count: the
 * structure, coaching dates and status, exit reason, CER dates and outcomes, kinds of barriers,
 * contacts, actions and aid amounts, offers proposed, CV deposit date.
 */
@Injectable()
export class PersonalData {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: BeneficiaryAccess,
    private readonly records: CoachingRecords,
    private readonly audit: AuditLog,
    private readonly photos: PhotoStore,
  ) {}

  /**
   * Only the referent coach exports (the file holds health notes no one else reads): they hand it
   * to the person who asked.
   */
  async export(actor: Actor, id: string): Promise<BeneficiaryExport> {
    const row = await this.access.open(actor, 'beneficiaries.read', id, { action: 'export' });
    if (!BeneficiaryAccess.isReferent(actor, row))
      throw new DomainError('forbidden', 'beneficiary.export_referent_only', 'only the referent coach exports a file');
    const manager = this.dataSource.manager;
    const accessLog: Array<{ occurred_at: Date; actor_user_id: string; action: string; details: unknown }> =
      await manager.query(
        `SELECT occurred_at, actor_user_id, action, details FROM audit_event
         WHERE subject_type = 'beneficiary' AND subject_id = $1 ORDER BY occurred_at, id`,
        [id],
      );
    const notifications: Array<{ kind: string; message: string; created_at: Date }> = await manager.query(
      `SELECT kind, message, created_at FROM user_notification WHERE subject_type = 'beneficiary' AND subject_id = $1`,
      [id],
    );
    return {
      exportedAt: new Date().toISOString(),
      format: 'passerelle.beneficiary-export.v1',
      file: await this.records.file(manager, row, true),
      accessLog: accessLog.map((entry) => ({
        occurredAt: entry.occurred_at,
        actorUserId: entry.actor_user_id,
        action: entry.action,
        details: entry.details,
      })),
      notifications: notifications.map((entry) => ({
        kind: entry.kind,
        message: entry.message,
        createdAt: entry.created_at,
      })),
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
      return this.anonymise(manager, id);
    });
    await this.photos.remove(photos);
    return { id, erasedAt: new Date().toISOString() };
  }

  /** Clears the file inside the caller's transaction; returns the photo files to delete after the commit. */
  private async anonymise(manager: EntityManager, id: string): Promise<string[]> {
    for (const statement of ERASE_STATEMENTS) await manager.query(statement, [id]);
    return this.photos.forget(manager, id);
  }

  /**
   * The retention pass: files whose coaching ended more than the retention period ago are
   * anonymised (only when `apply`; otherwise counted). Never without notice: the referent coach is
   * told 30 days before, and a file is anonymised only once its notice's date has come. A file past
   * its date that was never announced (the period shortened by an administrator, a first run) gets
   * its notice now, for 30 days later. Files without a referent have no one to tell and follow the
   * dates alone. Reports ids and counts only: the report goes to logs and job results.
   */
  async retention(
    actor: Actor,
    options: { apply: boolean; today?: string },
  ): Promise<{ apply: boolean; due: string[]; anonymised: number; noticesSent: number }> {
    const today = options.today ?? parisToday();
    const months = await this.settings.number('coaching.retention_months');
    // ended_on + months <= today  <=>  ended_on <= today - months
    const cutoff = addMonths(today, -months);
    const noticeCutoff = addDays(cutoff, RETENTION_NOTICE_DAYS);
    const due: Array<{ id: string; structure_id: string }> = await this.dataSource.query(
      `SELECT b.id, b.structure_id FROM beneficiary b
       WHERE b.erased_at IS NULL AND b.ended_on IS NOT NULL AND b.ended_on <= $1
         AND (b.referent_user_id IS NULL OR EXISTS (
           SELECT 1 FROM user_notification n WHERE n.kind = 'retention_notice' AND n.subject_id = b.id
             AND n.user_id = b.referent_user_id AND n.due_on <= $2))
       ORDER BY b.ended_on, b.id`,
      [cutoff, today],
    );
    const soon: Array<Pick<BeneficiaryRow, 'id' | 'referent_user_id' | 'ended_on'>> = await this.dataSource.query(
      `SELECT id, referent_user_id, to_char(ended_on, 'YYYY-MM-DD') AS ended_on FROM beneficiary
       WHERE erased_at IS NULL AND ended_on IS NOT NULL AND ended_on <= $1 AND referent_user_id IS NOT NULL`,
      [noticeCutoff],
    );
    let noticesSent = 0;
    const earliest = addDays(today, RETENTION_NOTICE_DAYS);
    for (const row of soon) {
      const byDates = addMonths(row.ended_on!, months);
      // Never less than 30 days' notice, whatever the dates say (a shortened period, a first run).
      const erasureOn = byDates < earliest ? earliest : byDates;
      // The message names no one: the coach opens the file from the notification's subject.
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO user_notification (user_id, kind, subject_type, subject_id, message, due_on)
         VALUES ($1, 'retention_notice', 'beneficiary', $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [
          row.referent_user_id,
          row.id,
          `Un dossier de votre portefeuille sera anonymisé le ${erasureOn} (fin d’accompagnement + ${months} mois).`,
          erasureOn,
        ],
      );
      noticesSent += inserted.length;
    }
    let anonymised = 0;
    if (options.apply) {
      for (const row of due) {
        const photos = await this.dataSource.transaction(async (manager) => {
          const keys = await this.anonymise(manager, row.id);
          await this.audit.record(
            actor,
            'delete',
            [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
            { erasure: 'retention', retentionMonths: months },
            manager,
          );
          return keys;
        });
        await this.photos.remove(photos);
        anonymised += 1;
      }
    }
    return { apply: options.apply, due: due.map((row) => row.id), anonymised, noticesSent };
  }
}
