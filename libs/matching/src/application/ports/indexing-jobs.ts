/** The producer of the `index-offers` queue: the tick that drains the offer outbox. */
export abstract class IndexingJobs {
  abstract scheduleSync(everyMs: number): Promise<void>;
}
