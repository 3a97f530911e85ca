import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisToday, RecordNotification } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import { MILESTONES } from '../domain/outcomes.js';
import { FollowUpStore } from './ports/follow-up-store.js';

/**
 * The checkpoint's job fired: it becomes a task for its assignee (or the referent coach), who is
 * notified. Runs at most once in effect, whatever the number of deliveries.
 */
@Injectable()
export class MarkFollowUpDue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly notifications: RecordNotification,
    private readonly followUps: FollowUpStore,
  ) {}

  async execute(followUpId: string): Promise<'task_created' | 'already' | 'answered' | 'gone' | 'early'> {
    const row = await this.followUps.forTask(this.dataSource.manager, followUpId);
    if (!row) return 'gone';
    if (row.answered_at) return 'answered';
    if (row.task_created_at) return 'already';
    // A job delivered before its day (a clock moved back) does nothing; the resync re-adds it.
    if (row.due_on > parisToday(this.clock.now())) return 'early';
    // The task mark and its notification commit together: whoever sees the one sees the other.
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.followUps.markTaskCreated(manager, followUpId))) return 'already';
      const assignee = row.assignee_user_id ?? row.referent_user_id;
      if (assignee) {
        const label = `M+${MILESTONES[row.milestone]}`;
        // The message names no one: the task opens the person's checkpoint.
        await this.notifications.execute(
          [
            {
              userId: assignee,
              kind: 'follow_up_due',
              subjectType: 'follow_up',
              subjectId: followUpId,
              message:
                row.kind === 'placement'
                  ? `Suivi ${label} dans l’emploi à faire (${row.employer_name ?? 'employeur'}).`
                  : `Suivi ${label} après la fin de l’accompagnement à faire.`,
              dueOn: row.due_on,
            },
          ],
          { manager },
        );
      }
      return 'task_created';
    });
  }
}
