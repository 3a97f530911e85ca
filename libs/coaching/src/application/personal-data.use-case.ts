import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, RuntimeSettings } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { addDays, addMonths, parisToday, RETENTION_NOTICE_DAYS } from '../domain/coaching.js';
import { BeneficiaryAccess } from '../infrastructure/beneficiary-access.js';
import { PhotoStore } from '../infrastructure/photo-store.js';
import { type BeneficiaryFile, BeneficiaryFiles } from './beneficiary-file.js';
import { RecordNotification } from './notifications.use-case.js';

export interface BeneficiaryExport {
  readonly exportedAt: string;
  readonly format: 'passerelle.beneficiary-export.v1';
  readonly file: BeneficiaryFile;
  /** Who accessed the file, when and how (the audit log rows about this person). */
  readonly accessLog: Array<{ occurredAt: Date; actorUserId: string; action: string; details: unknown }>;
  readonly notifications: Array<{ kind: string; message: string; createdAt: Date }>;
}

/**
 * Coaching's own tables; the anonymous facts stay (the indicators count them). The other contexts
 * erase theirs from the `BeneficiaryErased` event recorded with these statements.
 */
const ERASE_STATEMENTS = [
  `UPDATE beneficiary SET first_name = NULL, last_name = NULL, birth_date = NULL, email = NULL, phone = NULL,
     address = NULL, commune_insee = NULL, commune_name = NULL, postal_code = NULL, reoriented_to = NULL,
     erased_at = now(), updated_at = now() WHERE id = $1`,
  'UPDATE beneficiary_assignment SET reason = NULL WHERE beneficiary_id = $1',
  'DELETE FROM diagnostic WHERE beneficiary_id = $1',
  'DELETE FROM health_note WHERE beneficiary_id = $1',
  'UPDATE barrier SET description = NULL, actions = NULL WHERE beneficiary_id = $1',
  `UPDATE cer SET beneficiary_commitments = '{}', service_commitments = '{}' WHERE beneficiary_id = $1`,
  'UPDATE coaching_event SET note = NULL WHERE beneficiary_id = $1',
  'DELETE FROM consent WHERE beneficiary_id = $1',
  `DELETE FROM user_notification WHERE subject_type = 'beneficiary' AND subject_id = $1`,
];

/**
 * The date a file's retention period runs from: the end of coaching, or for a file never closed
 * its last sign of activity in coaching's own records (reads are not activity). Dates in Paris.
 */
const RETENTION_CLOCK = `
  SELECT b.id, b.structure_id, b.referent_user_id, b.ended_on IS NULL AS inactive,
    coalesce(b.ended_on, greatest(
      b.orientation_date,
      (b.updated_at AT TIME ZONE 'Europe/Paris')::date,
      (SELECT max(e.occurred_on) FROM coaching_event e WHERE e.beneficiary_id = b.id),
      (SELECT max(greatest(c.signed_on, c.outcome_on)) FROM cer c WHERE c.beneficiary_id = b.id),
      (SELECT max((x.updated_at AT TIME ZONE 'Europe/Paris')::date) FROM barrier x WHERE x.beneficiary_id = b.id),
      (SELECT (d.updated_at AT TIME ZONE 'Europe/Paris')::date FROM diagnostic d WHERE d.beneficiary_id = b.id),
      (SELECT max((p.proposed_at AT TIME ZONE 'Europe/Paris')::date) FROM offer_proposal p WHERE p.beneficiary_id = b.id),
      (SELECT max((greatest(k.granted_at, k.revoked_at) AT TIME ZONE 'Europe/Paris')::date)
         FROM consent k WHERE k.beneficiary_id = b.id)
    )) AS since
  FROM beneficiary b WHERE b.erased_at IS NULL`;

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
      file: await this.files.file(manager, row, true),
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
    for (const statement of ERASE_STATEMENTS) await manager.query(statement, [id]);
    await manager.query('INSERT INTO beneficiary_erased_event (beneficiary_id, cause) VALUES ($1, $2)', [id, cause]);
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
    const files: Array<{
      id: string;
      structure_id: string;
      referent_user_id: string | null;
      since: string;
      inactive: boolean;
      noticed: boolean;
    }> = await this.dataSource.query(
      `WITH clock AS (${RETENTION_CLOCK})
       SELECT c.id, c.structure_id, c.referent_user_id, c.inactive, to_char(c.since, 'YYYY-MM-DD') AS since,
         EXISTS (SELECT 1 FROM user_notification n WHERE n.kind = 'retention_notice' AND n.subject_id = c.id
           AND n.user_id = c.referent_user_id AND n.due_on <= $2) AS noticed
       FROM clock c WHERE c.since <= $1 ORDER BY c.since, c.id`,
      [noticeCutoff, today],
    );
    const due = files.filter((file) => file.since <= cutoff && (file.referent_user_id === null || file.noticed));
    await this.dataSource.query(
      `DELETE FROM user_notification WHERE kind = 'retention_notice' AND subject_type = 'beneficiary'
         AND NOT (subject_id = ANY($1::uuid[]))`,
      [files.map((file) => file.id)],
    );
    let noticesSent = 0;
    const earliest = addDays(today, RETENTION_NOTICE_DAYS);
    for (const row of files) {
      if (!row.referent_user_id) continue;
      const byDates = addMonths(row.since, months);
      // Never less than 30 days' notice, whatever the dates say (a shortened period, a first run).
      const erasureOn = byDates < earliest ? earliest : byDates;
      // The message names no one: the coach opens the file from the notification's subject.
      const inserted = await this.notifications.execute([
        {
          userId: row.referent_user_id,
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
          await manager.query('SELECT 1 FROM beneficiary WHERE id = $1 FOR UPDATE', [row.id]);
          const still: unknown[] = await manager.query(
            `WITH clock AS (${RETENTION_CLOCK}) SELECT 1 FROM clock WHERE id = $1 AND since <= $2`,
            [row.id, cutoff],
          );
          if (still.length === 0) return null;
          const keys = await this.anonymise(manager, row.id, 'retention');
          await this.audit.record(
            actor,
            'delete',
            [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
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
