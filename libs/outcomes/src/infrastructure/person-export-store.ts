import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Difficulty, FollowUpKind, Milestone, PlacementContract, PlacementEndReason } from '../domain/outcomes.js';
import {
  type ExportedEmployerFollowUpAnswer,
  type ExportedFollowUp,
  type ExportedJob,
  PersonExportStore,
} from '../application/ports/person-export-store.js';

const num = (value: string | null): number | null => (value === null ? null : Number(value));

/** What outcomes hold on one person, for their export. */
@Injectable()
export class SqlPersonExportStore extends PersonExportStore {
  /** Their jobs, oldest first. */
  async jobs(manager: EntityManager, beneficiaryId: string): Promise<ExportedJob[]> {
    const jobs: Array<{
      id: string;
      employer_name: string;
      contract_type: PlacementContract;
      contract_months: string | null;
      weekly_hours: string | null;
      start_date: string;
      durable: boolean;
      end_date: string | null;
      end_reason: PlacementEndReason | null;
    }> = await manager.query(
      `SELECT id, employer_name, contract_type, contract_months, weekly_hours, to_char(start_date, 'YYYY-MM-DD') AS start_date,
         durable, to_char(end_date, 'YYYY-MM-DD') AS end_date, end_reason
       FROM placement WHERE beneficiary_id = $1 ORDER BY start_date, id`,
      [beneficiaryId],
    );
    return jobs.map((row) => ({
      id: row.id,
      employerName: row.employer_name,
      contractType: row.contract_type,
      contractMonths: num(row.contract_months),
      weeklyHours: num(row.weekly_hours),
      startDate: row.start_date,
      durable: row.durable,
      endDate: row.end_date,
      endReason: row.end_reason,
    }));
  }

  /** Their follow-up checkpoints with the answers, in date order. */
  async followUps(manager: EntityManager, beneficiaryId: string): Promise<ExportedFollowUp[]> {
    const followUps: Array<{
      kind: FollowUpKind;
      milestone: Milestone;
      due_on: string;
      employer_name: string | null;
      answered_at: Date | null;
      in_job: boolean | null;
      rsa_exit: boolean | null;
      difficulties: Difficulty[] | null;
      employer_view: string | null;
      note: string | null;
    }> = await manager.query(
      `SELECT f.kind, f.milestone, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, p.employer_name, f.answered_at, f.in_job,
         f.rsa_exit, f.difficulties, f.employer_view, f.note
       FROM follow_up f LEFT JOIN placement p ON p.id = f.placement_id
       WHERE f.beneficiary_id = $1 ORDER BY f.due_on, f.id`,
      [beneficiaryId],
    );
    return followUps.map((row) => ({
      kind: row.kind,
      milestone: row.milestone,
      dueOn: row.due_on,
      employerName: row.employer_name,
      answeredAt: row.answered_at,
      inJob: row.in_job,
      rsaExit: row.rsa_exit,
      difficulties: row.difficulties ?? [],
      employerView: row.employer_view,
      note: row.note,
    }));
  }

  /** The employers' answers to follow-up forms, oldest first (the contact who answered left out). */
  async employerFollowUpAnswers(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<ExportedEmployerFollowUpAnswer[]> {
    const rows: Array<{
      milestone: Milestone;
      employer_name: string | null;
      job_label: string;
      answered_at: Date;
      in_job: boolean;
      end_date: string | null;
      end_reason: PlacementEndReason | null;
      remark: string | null;
    }> = await manager.query(
      `SELECT f.milestone, p.employer_name, l.job_label, l.answered_at, l.in_job,
         to_char(l.end_date, 'YYYY-MM-DD') AS end_date, l.end_reason, l.remark
       FROM follow_up_employer_link l JOIN follow_up f ON f.id = l.follow_up_id
       LEFT JOIN placement p ON p.id = f.placement_id
       WHERE f.beneficiary_id = $1 AND l.answered_at IS NOT NULL
       ORDER BY l.answered_at, l.id`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      milestone: row.milestone,
      employerName: row.employer_name,
      job: row.job_label,
      answeredAt: row.answered_at,
      inJob: row.in_job,
      endDate: row.end_date,
      endReason: row.end_reason,
      remark: row.remark,
    }));
  }

  /** The staff's names, by user id (the readable export names who read the file). */
  async staffNames(manager: EntityManager, userIds: readonly string[]): Promise<Record<string, string>> {
    const users: Array<{ id: string; display_name: string }> = await manager.query(
      'SELECT id, display_name FROM identity_user_v WHERE id = ANY($1::uuid[])',
      [[...userIds]],
    );
    return Object.fromEntries(users.map((user) => [user.id, user.display_name]));
  }
}
