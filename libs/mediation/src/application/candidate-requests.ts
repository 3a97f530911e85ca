import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess, shortName } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import { offersError } from '@passerelle/offers';
import {
  CandidateRequestStore,
  type CandidateRequestStatus,
  type OfferSummary,
  type RequestRow,
} from './ports/candidate-request-store.js';

export interface CandidateRequestView {
  readonly id: string;
  readonly offerId: string;
  readonly offerTitle: string;
  readonly status: CandidateRequestStatus;
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly message: string | null;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  readonly declineReason: string | null;
  readonly introductionId: string | null;
  /** The person: named for their coaches and, once agreed, for the requester; else a pseudonym. */
  readonly beneficiaryId: string | null;
  readonly label: string;
}

export const named = (first: string | null, last: string | null): string =>
  shortName(first, last) || 'Personne anonymisée';
/** How a candidate is named until their coach agrees: by the start of their pseudonym. */
export const pseudonymous = (ref: string): string => `Candidat·e ${ref.slice(0, 6).toUpperCase()}`;

/** A reference to one person for one offer, unlinkable across offers. */
export function pseudonym(key: Buffer, offerId: string, beneficiaryId: string): string {
  return createHmac('sha256', key).update(`${offerId}:${beneficiaryId}`).digest('base64url').slice(0, 16);
}

/**
 * What the candidate use cases share: the open offer they are about, the installation's pseudonym
 * key, and a request as its reader may see it (the person named or a pseudonym).
 */
@Injectable()
export class CandidateRequests {
  private key: Buffer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly requestStore: CandidateRequestStore,
  ) {}

  async openOffer(offerId: string): Promise<OfferSummary> {
    const offer = await this.requestStore.offer(this.dataSource.manager, offerId);
    if (!offer) throw offersError('offer.not_found', 'no offer with this id');
    // 422, not the 409 of editing a closed offer: asking candidates for it breaks mediation's rule.
    if (offer.status !== 'open')
      throw offersError(
        'offer.closed',
        'this offer is closed',
        [{ field: 'offerId', reason: 'the offer is no longer open' }],
        'invalid',
      );
    return offer;
  }

  /** A random key made once per installation and kept in the database (the pseudonyms stay stable). */
  async pseudonymKey(): Promise<Buffer> {
    this.key ??= await this.requestStore.pseudonymKey(this.dataSource.manager);
    return this.key;
  }

  async view(actor: Actor, id: string): Promise<CandidateRequestView> {
    const condition = await this.beneficiaries.scope(actor, 'beneficiaries.read', 2);
    const row = await this.requestStore.one(this.dataSource.manager, id, condition);
    return this.toView(await this.pseudonymKey(), row);
  }

  toView(key: Buffer, row: RequestRow): CandidateRequestView {
    const revealed = row.in_scope || row.status === 'agreed';
    return {
      id: row.id,
      offerId: row.offer_id,
      offerTitle: row.offer_title,
      status: row.status,
      requestedBy: row.requested_by,
      requestedByName: row.requested_by_name,
      message: row.message,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
      declineReason: row.decline_reason,
      introductionId: row.introduction_id,
      beneficiaryId: revealed ? row.beneficiary_id : null,
      label: revealed
        ? named(row.first_name, row.last_name)
        : pseudonymous(pseudonym(key, row.offer_id, row.beneficiary_id)),
    };
  }
}
