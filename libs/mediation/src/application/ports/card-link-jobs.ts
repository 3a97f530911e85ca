/** The delayed work a card link calls for: the employer's reminder; and the shortlists' reminder sweep. */
export abstract class CardLinkJobs {
  /** A reminder for this link after `delayMs`; one per link, so adding it twice is a no-op. */
  abstract remindEmployer(introductionId: string, linkId: string, delayMs: number): Promise<void>;

  /** The sweep that reminds the shortlists left unanswered, on its schedule (idempotent). */
  abstract scheduleShortlistReminders(): Promise<void>;
}
