/**
 * The typed contract of every queue: queue names, job names and payloads in one place. Producers
 * add jobs through a `TypedQueue` (typed-queue.ts), so a payload that does not match its job does
 * not compile; each worker processor names one handler per job of its queue.
 */
export const QUEUES = {
  /** Operational jobs: `ping` proves a worker is consuming end to end (used by `cli worker-check`). */
  system: 'system',
  /** One run of one ingestion source; repeatable per source schedule. Job id: `<trigger>:<source>`. */
  ingestSource: 'ingest-source',
  /** Takes offer changes from the outbox to Meilisearch; a scheduler ticks every second. */
  indexOffers: 'index-offers',
  /**
   * Personal-data housekeeping: the erasure outbox (a tick every two seconds), the orphan-photo sweep
   * (hourly), the daily retention pass (notices, then anonymisation) and the appointments' reminders
   * (a sweep every five minutes).
   */
  coaching: 'coaching',
  /**
   * IOD mediation: a reminder when an employer has not answered a card (delayed jobs), and the sweep
   * of shortlists left unanswered (every fifteen minutes).
   */
  mediation: 'mediation',
  /** Follow-up checkpoints (M+1, M+3, M+6): one delayed job each, recreated from PostgreSQL if lost. */
  outcomes: 'outcomes',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobContracts {
  system: {
    ping: { requestedAt: string; durationMs: number };
  };
  'index-offers': {
    sync: Record<string, never>;
  };
  coaching: {
    /** `apply` false: a dry run that only reports. Payloads carry no personal data. */
    retention: { apply: boolean };
    /** Hands the pending `BeneficiaryErased` events to every context's handler. */
    erasures: Record<string, never>;
    /** Removes photo files no row names (a crash between a commit and a file's removal). */
    'photo-sweep': Record<string, never>;
    /** Alerts the referent coaches of the people behind their structure's contact rhythm. */
    'contact-rhythm': Record<string, never>;
    /** Sends the reminders of the appointments of the next day that fell due (every five minutes). */
    'appointment-reminders': Record<string, never>;
  };
  mediation: {
    /** Carries ids only. */
    'employer-reminder': { introductionId: string; linkId: string };
    /** Reminds once the shortlists whose delay (working days, by the app clock) has passed. */
    'shortlist-reminders': Record<string, never>;
  };
  outcomes: {
    /** A checkpoint falls due: it becomes a task. Carries the follow-up id only. */
    'checkpoint-due': { followUpId: string };
    /** Creates the missing checkpoints and their jobs from PostgreSQL (start-up and hourly). */
    resync: Record<string, never>;
  };
  'ingest-source': {
    run: { source: string; trigger: 'schedule' | 'manual' | 'cli' | 'demo' };
  };
}

export type JobName<Q extends QueueName> = keyof JobContracts[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = JobContracts[Q][J];
