import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess, RankPeopleForOffer, RecordNotification, shortName } from '@passerelle/coaching';
import { type Actor, AuditLog } from '@passerelle/identity';
import { DomainError } from '@passerelle/core';
import type { MatchedOffer } from '@passerelle/matching';
import { offersError } from '@passerelle/offers';
import { distanceBand } from '../domain/pseudonymous-candidate.js';
import {
  CandidateRequestStore,
  type CandidateRequestStatus,
  type OfferSummary,
  type RequestRow,
} from '../infrastructure/candidate-request-store.js';
import { EmployerStore } from '../infrastructure/employer-store.js';
import { ProposeIntroduction } from './propose-introduction.use-case.js';
import { recordPeopleAccess } from '../infrastructure/record-people-access.js';
import { mediationError, type MediationErrorCode } from '../domain/mediation-errors.js';

export type { CandidateRequestStatus, OfferSummary } from '../infrastructure/candidate-request-store.js';

/** Why the person ranks where they do; coarse while they are a pseudonym (pseudonymous-candidate.ts). */
export interface CandidateExplanation {
  readonly matchingSkills: string[];
  readonly missingCoreSkills: string[];
  readonly occupationPath: string | null;
  /** To 0.1 km once revealed; null while pseudonymised. */
  readonly distanceKm: number | null;
  /** Always given, e.g. "de 5 à 10 km". */
  readonly distanceBand: string;
  /** The score's parts once revealed; null while pseudonymised (with the score, they give back the distance). */
  readonly parts: MatchedOffer['explanation']['parts'] | null;
}

/**
 * One person ranked for an offer. Until their coach agrees (or for anyone but that coach), the
 * person is a pseudonym: `ref` is stable for this offer only, so lists of two offers cannot be
 * joined, and no name, id, commune, exact distance or referent's name is given.
 */
export interface OfferCandidate {
  readonly ref: string;
  readonly label: string;
  readonly revealed: boolean;
  readonly beneficiaryId: string | null;
  readonly score: number;
  readonly explanation: CandidateExplanation;
  readonly availabilityDate: string | null;
  readonly offersProposed: number;
  readonly openIntroductions: number;
  /** Whether a coach follows the person (a request needs one to answer). */
  readonly hasReferent: boolean;
  /** Named once revealed; null while pseudonymised, or when there is no referent. */
  readonly referentName: string | null;
  /** The coach is the one asking: they propose directly. */
  readonly ownPortfolio: boolean;
  readonly proposed: boolean;
  readonly request: { readonly id: string; readonly status: CandidateRequestStatus; readonly at: Date } | null;
}

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

const named = (first: string | null, last: string | null): string => shortName(first, last) || 'Personne anonymisée';
/** How a candidate is named until their coach agrees: by the start of their pseudonym. */
const pseudonymous = (ref: string): string => `Candidat·e ${ref.slice(0, 6).toUpperCase()}`;

/**
 * Candidates for an offer (reverse matching) and the requests that ask a coach to propose one of
 * their people: the mediator sees pseudonymised people ranked by the matcher, asks, and the
 * person's coach agrees (the offer is then proposed to the person and, for an offer with an
 * employer on file, an introduction opens) or declines with a reason.
 */
@Injectable()
export class OfferCandidates {
  private key: Buffer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: RankPeopleForOffer,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly introductions: ProposeIntroduction,
    private readonly audit: AuditLog,
    private readonly notifications: RecordNotification,
    private readonly requestStore: CandidateRequestStore,
    private readonly employers: EmployerStore,
  ) {}

  async list(actor: Actor, offerId: string, limit: number): Promise<{ offer: OfferSummary; items: OfferCandidate[] }> {
    const offer = await this.openOffer(offerId);
    const people = await this.people.execute(actor, offerId, limit);
    const requests = await this.requestStore.ofOffer(this.dataSource.manager, offerId);
    const byPerson = new Map(requests.map((request) => [request.beneficiary_id, request]));
    const key = await this.pseudonymKey();
    return {
      offer,
      items: people.map((person) => {
        const request = byPerson.get(person.beneficiaryId);
        const ownPortfolio = person.referentUserId === actor.userId;
        const revealed = ownPortfolio || request?.status === 'agreed';
        const ref = pseudonym(key, offerId, person.beneficiaryId);
        const { distanceKm, parts, place, ...explanation } = person.match.explanation;
        // An offer placed only by its area has no distance to band: its area says no more of the person.
        const band = distanceKm === null ? place : distanceBand(distanceKm);
        return {
          ref,
          label: revealed ? named(person.firstName, person.lastName) : pseudonymous(ref),
          revealed,
          beneficiaryId: revealed ? person.beneficiaryId : null,
          score: person.match.score,
          explanation: {
            ...explanation,
            distanceKm: revealed ? distanceKm : null,
            // `à 12,4 km` would give the distance back.
            place: revealed ? place : band,
            distanceBand: band,
            parts: revealed ? parts : null,
          },
          availabilityDate: person.availabilityDate,
          offersProposed: person.offersProposed,
          openIntroductions: person.openIntroductions,
          hasReferent: person.referentUserId !== null,
          referentName: revealed ? person.referentName : null,
          ownPortfolio,
          proposed: person.proposed,
          request: request ? { id: request.id, status: request.status, at: request.created_at } : null,
        };
      }),
    };
  }

  /** Asks the coach of the person behind `ref` to propose them for the offer. */
  async request(actor: Actor, offerId: string, ref: string, message: string | null): Promise<CandidateRequestView> {
    const offer = await this.openOffer(offerId);
    const key = await this.pseudonymKey();
    const condition = await this.beneficiaries.scope(actor, 'candidates.search', 1);
    const pool = await this.requestStore.askable(this.dataSource.manager, condition);
    const person = pool.find((row) => pseudonym(key, offerId, row.id) === ref);
    if (!person) throw mediationError('candidate.not_found', 'no candidate with this reference for this offer');
    if (!person.referent_user_id)
      throw mediationError('candidate.no_referent', 'this person has no referent coach to ask yet', [
        { field: 'ref', reason: 'no referent coach' },
      ]);
    const id = await this.dataSource.transaction(async (manager) => {
      const requestId = await this.requestStore.insert(manager, {
        offerId,
        beneficiaryId: person.id,
        requestedBy: actor.userId,
        message,
      });
      if (!requestId)
        throw mediationError('candidate.already_requested', 'this person was already asked for', [
          { field: 'ref', reason: 'a request exists for this offer' },
        ]);
      // The coach's task names the offer, not the person: they open it from the notification.
      await this.notifications.execute(
        [
          {
            userId: person.referent_user_id!,
            kind: 'candidate_request',
            subjectType: 'candidate_request',
            subjectId: requestId,
            message: `Une personne de votre portefeuille correspond à l’offre « ${offer.title} » : acceptez-vous de la proposer ?`,
          },
        ],
        { manager },
      );
      return requestId;
    });
    return this.view(actor, id);
  }

  /**
   * The person's referent coach answers. Agreeing proposes the offer to the person and, when the
   * offer names its employer (captured by mediation), opens the introduction.
   */
  async decide(
    actor: Actor,
    id: string,
    input: { agree: boolean; reason?: string | null },
  ): Promise<CandidateRequestView> {
    if (!input.agree && !input.reason?.trim())
      throw mediationError('candidate.reason_required', 'say why the person is not proposed', [
        { field: 'reason', reason: 'required when declining' },
      ]);
    const decided = await this.dataSource.transaction(async (manager) => {
      const row = await this.requestStore.lock(manager, id);
      if (!row) throw mediationError('candidate_request.not_found', 'no such request');
      const person = await this.beneficiaries.openForUpdate(actor, row.beneficiary_id, 'candidate_request', manager, {
        requestId: id,
        agree: input.agree,
      });
      if (person.referent_user_id !== actor.userId)
        throw mediationError('candidate_request.not_referent', 'only the person’s referent coach decides');
      if (row.status !== 'pending')
        throw mediationError('candidate_request.decided', 'this request was already answered', [
          { field: 'status', reason: row.status },
        ]);
      await this.requestStore.decide(manager, id, {
        agree: input.agree,
        decidedBy: actor.userId,
        declineReason: input.agree ? null : input.reason!.trim(),
      });
      if (input.agree) await this.requestStore.propose(manager, row.beneficiary_id, row.offer_id, actor.userId);
      if (!input.agree)
        await this.notifications.execute(
          [
            {
              userId: row.requested_by,
              kind: 'candidate_request_answered',
              subjectType: 'candidate_request',
              subjectId: id,
              message: 'Le référent ne propose pas la personne demandée pour cette offre.',
            },
          ],
          { manager },
        );
      return row;
    });
    if (input.agree) {
      let introductionId: string | null = null;
      if (await this.employers.hasJobAnalysis(this.dataSource.manager, decided.offer_id)) {
        try {
          const introduction = await this.introductions.execute(actor, {
            beneficiaryId: decided.beneficiary_id,
            offerId: decided.offer_id,
          });
          await this.requestStore.linkIntroduction(this.dataSource.manager, id, introduction.id);
          introductionId = introduction.id;
        } catch (error) {
          // One under way already is fine: the person is introduced.
          if (!(error instanceof DomainError && error.code === ('introduction.exists' satisfies MediationErrorCode)))
            throw error;
        }
      }
      // The requester opens the introduction the agreement opened (else the request, on the mediation page).
      await this.notifications.execute([
        {
          userId: decided.requested_by,
          kind: 'candidate_request_answered',
          subjectType: introductionId ? 'introduction' : 'candidate_request',
          subjectId: introductionId ?? id,
          message: introductionId
            ? 'Le référent accepte de proposer la personne demandée : la mise en relation est ouverte.'
            : 'Le référent accepte de proposer la personne demandée : la mise en relation peut commencer.',
        },
      ]);
    }
    return this.view(actor, id);
  }

  /**
   * Requests about the actor's people (to answer) and those the actor made (to follow). Audited:
   * one row per person concerned, named to the reader or not.
   */
  async requests(actor: Actor, status?: CandidateRequestStatus): Promise<CandidateRequestView[]> {
    const condition = await this.beneficiaries.scope(actor, 'beneficiaries.read', 3);
    const rows = await this.requestStore.mineOrAbout(this.dataSource.manager, actor.userId, status ?? null, condition);
    await recordPeopleAccess(
      this.audit,
      this.dataSource.manager,
      actor,
      'list',
      rows.map((row) => row.beneficiary_id),
      { part: 'candidate_requests', status: status ?? null },
    );
    const key = await this.pseudonymKey();
    return rows.map((row) => this.toView(key, row));
  }

  private async view(actor: Actor, id: string): Promise<CandidateRequestView> {
    const condition = await this.beneficiaries.scope(actor, 'beneficiaries.read', 2);
    const row = await this.requestStore.one(this.dataSource.manager, id, condition);
    return this.toView(await this.pseudonymKey(), row);
  }

  private toView(key: Buffer, row: RequestRow): CandidateRequestView {
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

  private async openOffer(offerId: string): Promise<OfferSummary> {
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
  private async pseudonymKey(): Promise<Buffer> {
    this.key ??= await this.requestStore.pseudonymKey(this.dataSource.manager);
    return this.key;
  }
}

/** A reference to one person for one offer, unlinkable across offers. */
function pseudonym(key: Buffer, offerId: string, beneficiaryId: string): string {
  return createHmac('sha256', key).update(`${offerId}:${beneficiaryId}`).digest('base64url').slice(0, 16);
}
