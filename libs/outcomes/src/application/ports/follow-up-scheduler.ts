/**
 * The delayed jobs of the checkpoints: one per open checkpoint, due at the start of its day
 * (Paris). Whatever the queue forgets, `resync` rebuilds from the records.
 */
export abstract class FollowUpScheduler {
  /** Coaching-end checkpoints (M+1, M+3, M+6 after coaching ended), for the RSA-exit indicator; how many were made. */
  abstract ensureCoachingEndCheckpoints(): Promise<number>;

  /** Adds the jobs of a placement's open checkpoints; how many. */
  abstract scheduleForPlacement(placementId: string): Promise<number>;

  /** Recreates what the queue may have lost: missing checkpoints, then the job of every open one. */
  abstract resync(): Promise<{ checkpointsCreated: number; jobsEnsured: number }>;
}
