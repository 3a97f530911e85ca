import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess, MatchBeneficiary, RecordNotification, shortName } from '@passerelle/coaching';
import { DomainError, updateReturning } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import type { MatchedOffer } from '@passerelle/matching';
import { distanceBand } from '../domain/pseudonymous-candidate.js';
import { ProposeIntroduction } from './propose-introduction.use-case.js';
import { recordPeopleAccess } from './record-people-access.js';

export type CandidateRequestStatus = 'pending' | 'agreed' | 'declined';

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

interface RequestRow {
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
  in_scope: boolean;
}

const PSEUDONYM_KEY = 'mediation.pseudonym_key';

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
    private readonly people: MatchBeneficiary,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly introductions: ProposeIntroduction,
    private readonly audit: AuditLog,
    private readonly notifications: RecordNotification,
  ) {}

  async list(actor: Actor, offerId: string, limit: number): Promise<{ offer: OfferSummary; items: OfferCandidate[] }> {
    const offer = await this.openOffer(offerId);
    const people = await this.people.peopleForOffer(actor, offerId, limit);
    const requests: Array<{ id: string; beneficiary_id: string; status: CandidateRequestStatus; created_at: Date }> =
      await this.dataSource.query(
        'SELECT id, beneficiary_id, status, created_at FROM candidate_request WHERE offer_id = $1',
        [offerId],
      );
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
    const pool: Array<{ id: string; referent_user_id: string | null; structure_id: string }> =
      await this.dataSource.query(
        `SELECT b.id, b.referent_user_id, b.structure_id FROM beneficiary b
         WHERE b.erased_at IS NULL AND b.status IN ('oriented', 'in_coaching') AND (${condition.sql})`,
        condition.params,
      );
    const person = pool.find((row) => pseudonym(key, offerId, row.id) === ref);
    if (!person)
      throw new DomainError('not_found', 'candidate.not_found', 'no candidate with this reference for this offer');
    if (!person.referent_user_id)
      throw new DomainError('invalid', 'candidate.no_referent', 'this person has no referent coach to ask yet', [
        { field: 'ref', reason: 'no referent coach' },
      ]);
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO candidate_request (offer_id, beneficiary_id, requested_by, message) VALUES ($1, $2, $3, $4)
         ON CONFLICT (offer_id, beneficiary_id) DO NOTHING RETURNING id`,
        [offerId, person.id, actor.userId, message],
      );
      if (inserted.length === 0)
        throw new DomainError('conflict', 'candidate.already_requested', 'this person was already asked for', [
          { field: 'ref', reason: 'a request exists for this offer' },
        ]);
      // The coach's task names the offer, not the person: they open it from the notification.
      await this.notifications.execute(
        [
          {
            userId: person.referent_user_id!,
            kind: 'candidate_request',
            subjectType: 'candidate_request',
            subjectId: inserted[0].id,
            message: `Une personne de votre portefeuille correspond à l’offre « ${offer.title} » : acceptez-vous de la proposer ?`,
          },
        ],
        { manager },
      );
      return inserted[0].id;
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
      throw new DomainError('bad_request', 'candidate.reason_required', 'say why the person is not proposed', [
        { field: 'reason', reason: 'required when declining' },
      ]);
    const decided = await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ beneficiary_id: string; offer_id: string; status: string; requested_by: string }> =
        await manager.query(
          'SELECT beneficiary_id, offer_id, status, requested_by FROM candidate_request WHERE id = $1 FOR UPDATE',
          [id],
        );
      const row = rows.at(0);
      if (!row) throw new DomainError('not_found', 'candidate_request.not_found', 'no such request');
      const person = await this.beneficiaries.openForUpdate(actor, row.beneficiary_id, 'candidate_request', manager, {
        requestId: id,
        agree: input.agree,
      });
      if (person.referent_user_id !== actor.userId)
        throw new DomainError(
          'forbidden',
          'candidate_request.not_referent',
          'only the person’s referent coach decides',
        );
      if (row.status !== 'pending')
        throw new DomainError('conflict', 'candidate_request.decided', 'this request was already answered', [
          { field: 'status', reason: row.status },
        ]);
      await updateReturning(
        manager,
        `UPDATE candidate_request SET status = $2, decided_by = $3, decided_at = now(), decline_reason = $4
         WHERE id = $1 RETURNING id`,
        [id, input.agree ? 'agreed' : 'declined', actor.userId, input.agree ? null : input.reason!.trim()],
      );
      if (input.agree)
        await manager.query(
          `INSERT INTO offer_proposal (beneficiary_id, offer_id, proposed_by) VALUES ($1, $2, $3)
           ON CONFLICT (beneficiary_id, offer_id) DO NOTHING`,
          [row.beneficiary_id, row.offer_id, actor.userId],
        );
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
      const employer: unknown[] = await this.dataSource.query('SELECT 1 FROM job_analysis WHERE offer_id = $1', [
        decided.offer_id,
      ]);
      if (employer.length > 0) {
        try {
          const introduction = await this.introductions.execute(actor, {
            beneficiaryId: decided.beneficiary_id,
            offerId: decided.offer_id,
          });
          await this.dataSource.query('UPDATE candidate_request SET introduction_id = $2 WHERE id = $1', [
            id,
            introduction.id,
          ]);
          introductionId = introduction.id;
        } catch (error) {
          // One under way already is fine: the person is introduced.
          if (!(error instanceof DomainError && error.code === 'introduction.exists')) throw error;
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
    const rows: RequestRow[] = await this.dataSource.query(
      `${REQUEST_SELECT(condition.sql)} WHERE (r.requested_by = $1 OR (${condition.sql}))
         AND ($2::text IS NULL OR r.status = $2) AND b.erased_at IS NULL
       ORDER BY r.created_at DESC LIMIT 200`,
      [actor.userId, status ?? null, ...condition.params],
    );
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
    const rows: RequestRow[] = await this.dataSource.query(`${REQUEST_SELECT(condition.sql)} WHERE r.id = $1`, [
      id,
      ...condition.params,
    ]);
    return this.toView(await this.pseudonymKey(), rows[0]);
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
    const rows: OfferSummary[] = await this.dataSource.query(
      `SELECT id, title, source, status, COALESCE(commune_name, place_label) AS "communeName" FROM offer WHERE id = $1`,
      [offerId],
    );
    const offer = rows.at(0);
    if (!offer) throw new DomainError('not_found', 'offer.not_found', 'no offer with this id');
    if (offer.status !== 'open')
      throw new DomainError('invalid', 'offer.closed', 'this offer is closed', [
        { field: 'offerId', reason: 'the offer is no longer open' },
      ]);
    return offer;
  }

  /** A random key made once per installation and kept in the database (the pseudonyms stay stable). */
  private async pseudonymKey(): Promise<Buffer> {
    if (this.key) return this.key;
    await this.dataSource.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`,
      [PSEUDONYM_KEY, randomBytes(32).toString('base64')],
    );
    const rows: Array<{ value: string }> = await this.dataSource.query('SELECT value FROM app_setting WHERE key = $1', [
      PSEUDONYM_KEY,
    ]);
    this.key = Buffer.from(rows[0].value, 'base64');
    return this.key;
  }
}

export interface OfferSummary {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly status: string;
  readonly communeName: string;
}

const REQUEST_SELECT = (scope: string): string => `
  SELECT r.*, o.title AS offer_title, b.first_name, b.last_name, u.display_name AS requested_by_name,
    (${scope}) AS in_scope
  FROM candidate_request r JOIN offer o ON o.id = r.offer_id JOIN beneficiary b ON b.id = r.beneficiary_id
  JOIN app_user u ON u.id = r.requested_by`;

/** A reference to one person for one offer, unlinkable across offers. */
function pseudonym(key: Buffer, offerId: string, beneficiaryId: string): string {
  return createHmac('sha256', key).update(`${offerId}:${beneficiaryId}`).digest('base64url').slice(0, 16);
}
