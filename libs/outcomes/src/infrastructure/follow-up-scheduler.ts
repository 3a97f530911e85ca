import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { dueInstant, MILESTONES } from '../domain/outcomes.js';
import { FollowUpScheduler } from '../application/ports/follow-up-scheduler.js';
import { FollowUpJobs } from './follow-up-jobs.js';

/** The checkpoints as SQL rows: ('m1', 1), ('m3', 3), ('m6', 6). */
const MILESTONE_VALUES = Object.entries(MILESTONES)
  .map(([milestone, months]) => `('${milestone}', ${months})`)
  .join(', ');

/** Coaching-end checkpoints are created for files that ended within this many months. */
const COACHING_END_HORIZON_MONTHS = 7;
const BATCH = 500;

/**
 * PostgreSQL holds the checkpoints; Redis holds one delayed job per open checkpoint, due at the
 * start of its day (Paris). Redis is allowed to forget: `resync` (at start-up, then hourly)
 * creates missing checkpoints from the records and re-adds any missing job. Job ids are the
 * checkpoint's, so adding twice is harmless and a job that already fired finds its task made.
 */
@Injectable()
export class SqlFollowUpScheduler extends FollowUpScheduler {
  private readonly logger = new Logger(FollowUpScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: FollowUpJobs,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** Coaching-end checkpoints (M+1, M+3, M+6 after coaching ended), for the RSA-exit indicator. */
  async ensureCoachingEndCheckpoints(): Promise<number> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO follow_up (beneficiary_id, kind, milestone, due_on, assignee_user_id)
       SELECT b.id, 'coaching_end', m.milestone, (b.ended_on + make_interval(months => m.months))::date,
         b.referent_user_id
       FROM coaching_beneficiary_v b
       CROSS JOIN (VALUES ${MILESTONE_VALUES}) AS m (milestone, months)
       WHERE b.status IN ('ended', 'reoriented') AND b.erased_at IS NULL
         AND b.ended_on >= (now() AT TIME ZONE 'Europe/Paris')::date - make_interval(months => $1)
       ON CONFLICT (beneficiary_id, milestone) WHERE kind = 'coaching_end' DO NOTHING
       RETURNING id`,
      [COACHING_END_HORIZON_MONTHS],
    );
    return inserted.length;
  }

  /** Adds the jobs of a placement's open checkpoints. */
  async scheduleForPlacement(placementId: string): Promise<number> {
    const rows: Array<{ id: string; due_on: string }> = await this.dataSource.query(
      `SELECT id, due_on FROM follow_up WHERE answered_at IS NULL AND task_created_at IS NULL AND placement_id = $1`,
      [placementId],
    );
    await this.add(rows);
    return rows.length;
  }

  /** Recreates what Redis may have lost: missing checkpoints, then the job of every open one. */
  async resync(): Promise<{ checkpointsCreated: number; jobsEnsured: number }> {
    const checkpointsCreated = await this.ensureCoachingEndCheckpoints();
    let jobsEnsured = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ id: string; due_on: string }> = await this.dataSource.query(
        `SELECT id, due_on FROM follow_up WHERE answered_at IS NULL AND task_created_at IS NULL AND id > $1
         ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) break;
      await this.add(rows);
      jobsEnsured += rows.length;
      after = rows[rows.length - 1].id;
    }
    this.logger.log(`follow-up resync: ${checkpointsCreated} checkpoints created, ${jobsEnsured} jobs ensured`);
    return { checkpointsCreated, jobsEnsured };
  }

  private async add(rows: ReadonlyArray<{ id: string; due_on: string }>): Promise<void> {
    const now = this.clock.now().getTime();
    await this.jobs.checkpointsDue(
      rows.map((row) => ({ followUpId: row.id, delayMs: Math.max(0, dueInstant(row.due_on).getTime() - now) })),
    );
  }
}
