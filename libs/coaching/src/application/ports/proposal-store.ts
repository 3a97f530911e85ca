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
}

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
    proposal: { beneficiaryId: string; offerId: string; score: number | null; proposedBy: string },
  ): Promise<boolean>;
}
