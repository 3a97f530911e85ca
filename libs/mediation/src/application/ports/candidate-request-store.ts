import type { EntityManager } from 'typeorm';

export type CandidateRequestStatus = 'pending' | 'agreed' | 'declined';

/** A request as its views read it, with the offer, the person and the requester. */
export interface RequestRow {
  id: string;
  offer_id: string;
  offer_title: string;
  beneficiary_id: string;
  first_name: string | null;
  last_name: string | null;
  status: CandidateRequestStatus;
  requested_by: string;
  requested_by_name: string;
  message: string | null;
  created_at: Date;
  decided_at: Date | null;
  decline_reason: string | null;
  introduction_id: string | null;
  /** The reader reaches the person (their coach, their manager): the person is named to them. */
  in_scope: boolean;
}

export interface OfferSummary {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly status: string;
  readonly communeName: string;
}

/** SQL condition (on alias `b`) of the people a reader reaches, with its parameters (coaching's scope). */
export interface PeopleScope {
  readonly sql: string;
  readonly params: unknown[];
}

/** A person the requester may ask about. */
export interface AskablePerson {
  id: string;
  referent_user_id: string | null;
  structure_id: string;
}

/** A request as its decision reads it. */
export interface RequestToDecide {
  beneficiary_id: string;
  offer_id: string;
  status: string;
  requested_by: string;
}

/** Requests asking a coach to propose one of their people for an offer. */
export abstract class CandidateRequestStore {
  abstract ofOffer(
    manager: EntityManager,
    offerId: string,
  ): Promise<Array<{ id: string; beneficiary_id: string; status: CandidateRequestStatus; created_at: Date }>>;

  /** The people in coaching the requester may ask about (`scope`, placeholders from 1). */
  abstract askable(manager: EntityManager, scope: PeopleScope): Promise<AskablePerson[]>;

  /** The new request's id; null when this person was already asked for this offer. */
  abstract insert(
    manager: EntityManager,
    request: { offerId: string; beneficiaryId: string; requestedBy: string; message: string | null },
  ): Promise<string | null>;

  abstract lock(manager: EntityManager, id: string): Promise<RequestToDecide | null>;

  abstract decide(
    manager: EntityManager,
    id: string,
    decision: { agree: boolean; decidedBy: string; declineReason: string | null },
  ): Promise<void>;

  abstract linkIntroduction(manager: EntityManager, id: string, introductionId: string): Promise<void>;

  /**
   * Requests made by `userId` or about the people of `scope` (placeholders from 3), newest first,
   * people not erased.
   */
  abstract mineOrAbout(
    manager: EntityManager,
    userId: string,
    status: CandidateRequestStatus | null,
    scope: PeopleScope,
  ): Promise<RequestRow[]>;

  /** One request, `in_scope` from `scope` (placeholders from 2). */
  abstract one(manager: EntityManager, id: string, scope: PeopleScope): Promise<RequestRow>;

  abstract offer(manager: EntityManager, offerId: string): Promise<OfferSummary | null>;

  /** A random key made once per installation and kept in the database (the pseudonyms stay stable). */
  abstract pseudonymKey(manager: EntityManager): Promise<Buffer>;
}
