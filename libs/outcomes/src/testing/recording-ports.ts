import { FollowUpScheduler } from '../application/ports/follow-up-scheduler.js';

/** The placements whose checkpoints were scheduled, in order (nothing is queued). */
export class RecordingFollowUpScheduler extends FollowUpScheduler {
  readonly placements: string[] = [];

  ensureCoachingEndCheckpoints(): Promise<number> {
    return Promise.resolve(0);
  }

  scheduleForPlacement(placementId: string): Promise<number> {
    this.placements.push(placementId);
    return Promise.resolve(3);
  }

  resync(): Promise<{ checkpointsCreated: number; jobsEnsured: number }> {
    return Promise.resolve({ checkpointsCreated: 0, jobsEnsured: 0 });
  }
}
