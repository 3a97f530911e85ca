import type { EntityManager } from 'typeorm';

export interface ProposalView {
  readonly offerId: string;
  readonly title: string;
  readonly employerName: string | null;
  readonly communeName: string;
  readonly offerStatus: string;
  readonly score: number | null;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  /** Why it fits, in plain words, as the coach saw the match (shown to the person). */
  readonly explanation: readonly string[];
  /** The person's answer in their space, with their reason when it is not for them. */
  readonly answer: ProposalAnswer | null;
  readonly answerReason: string | null;
  readonly answeredAt: Date | null;
}

export const PROPOSAL_ANSWERS = ['interested', 'not_for_me'] as const;
export type ProposalAnswer = (typeof PROPOSAL_ANSWERS)[number];

/** Offers proposed to a person, newest first, with what the offer says now. */
export abstract class ProposalStore {
  abstract list(manager: EntityManager, beneficiaryId: string): Promise<ProposalView[]>;

  /** The offers proposed to the person so far. */
  abstract offerIds(manager: EntityManager, beneficiaryId: string): Promise<Set<string>>;

  /** The status of the offer to propose, or null when there is no such offer. */
  abstract offerStatus(manager: EntityManager, offerId: string): Promise<string | null>;

  /** Records the proposal; false when this offer was already proposed to the person. */
  abstract insert(
    manager: EntityManager,
    proposal: {
      beneficiaryId: string;
      offerId: string;
      score: number | null;
      proposedBy: string;
      explanation?: readonly string[];
    },
  ): Promise<boolean>;

  /**
   * Records the person's answer (replacing an earlier one); returns the offer's title and who
   * proposed it, or null when this offer was not proposed to the person.
   */
  abstract answer(
    manager: EntityManager,
    beneficiaryId: string,
    offerId: string,
    answer: ProposalAnswer,
    reason: string | null,
  ): Promise<{ title: string; proposedBy: string } | null>;
}
