import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { introductionView } from '../application/ports/introduction-store.js';
import { updateReturning } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import type { CandidateCard } from '../domain/candidate-card.js';
import type { CardDecision } from '../domain/card-validation.js';
import type { EmployerAnswer } from '../domain/employer.js';
import type { RefusalReason } from '../domain/shortlist.js';
import {
  type EventActorKind,
  type IntroductionEventKind,
  type IntroductionStatus,
  type TransitionInput,
} from '../domain/introduction.js';
import {
  type IntroductionRow,
  IntroductionStore,
  type IntroductionSummary,
  type IntroductionView,
  type OfferForIntroduction,
} from '../application/ports/introduction-store.js';

const SELECT = `SELECT n.*, e.name AS employer_name, o.title AS offer_title FROM introduction n
  JOIN employer e ON e.id = n.employer_id LEFT JOIN offers_offer_v o ON o.id = n.offer_id`;

/** Introductions (`introduction`) and their trail (`introduction_event`). */
@Injectable()
export class SqlIntroductionStore extends IntroductionStore {
  /** The introduction, locked until the transaction ends (outside one, read as it is). */
  async lock(manager: EntityManager, id: string): Promise<IntroductionRow | null> {
    const rows: IntroductionRow[] = await manager.query(`${SELECT} WHERE n.id = $1 FOR UPDATE OF n`, [id]);
    return rows.at(0) ?? null;
  }

  /** Is `userId` the referent coach of this person (not erased)? */
  async isReferentOf(manager: EntityManager, beneficiaryId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM coaching_beneficiary_v WHERE id = $1 AND referent_user_id = $2 AND erased_at IS NULL',
      [beneficiaryId, userId],
    );
    return rows.length > 0;
  }

  async offer(manager: EntityManager, offerId: string): Promise<OfferForIntroduction | null> {
    const rows: Array<{
      analysis_employer_id: string | null;
      status: string;
      employer_name: string | null;
      employer_siret: string | null;
      commune_insee: string | null;
      commune_name: string | null;
    }> = await manager.query(
      `SELECT (SELECT j.employer_id FROM job_analysis j WHERE j.offer_id = o.id LIMIT 1) AS analysis_employer_id,
         o.status, o.employer_name, o.employer_siret, o.commune_insee, o.commune_name
       FROM offers_offer_v o WHERE o.id = $1`,
      [offerId],
    );
    const row = rows.at(0);
    return row
      ? {
          analysisEmployerId: row.analysis_employer_id,
          status: row.status,
          employerName: row.employer_name,
          employerSiret: row.employer_siret,
          communeInsee: row.commune_insee,
          communeName: row.commune_name,
        }
      : null;
  }

  /** A new proposal; null when one is already under way for this person and offer. */
  async insert(
    manager: EntityManager,
    introduction: {
      beneficiaryId: string;
      employerId: string;
      offerId: string | null;
      structureId: string;
      createdBy: string;
    },
  ): Promise<string | null> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO introduction (beneficiary_id, employer_id, offer_id, structure_id, status, created_by)
       VALUES ($1, $2, $3, $4, 'proposed', $5)
       ON CONFLICT (beneficiary_id, offer_id) WHERE status NOT IN ('declined', 'withdrawn') DO NOTHING RETURNING id`,
      [
        introduction.beneficiaryId,
        introduction.employerId,
        introduction.offerId,
        introduction.structureId,
        introduction.createdBy,
      ],
    );
    return inserted.at(0)?.id ?? null;
  }

  /** One step: the new status, the card (built at acceptance) and what the step records (interview, trial, reason). */
  async move(manager: EntityManager, id: string, input: TransitionInput, card: CandidateCard | null): Promise<void> {
    await manager.query(
      `UPDATE introduction SET status = $2, card = $3,
         interview_at = coalesce($4::timestamptz, interview_at), interview_place = coalesce($5, interview_place),
         trial_start = coalesce($6::date, trial_start), trial_end = coalesce($7::date, trial_end),
         decline_reason = coalesce($8, decline_reason), updated_at = now()
       WHERE id = $1`,
      [
        id,
        input.to,
        card ? JSON.stringify(card) : null,
        input.interviewAt ?? null,
        input.interviewPlace ?? null,
        input.trialStart ?? null,
        input.trialEnd ?? null,
        input.declineReason ?? null,
      ],
    );
  }

  /** A step that records nothing else (the link sent, the employer interested). */
  async setStatus(manager: EntityManager, id: string, status: IntroductionStatus): Promise<void> {
    await manager.query('UPDATE introduction SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }

  async saveCard(manager: EntityManager, id: string, card: CandidateCard): Promise<void> {
    await manager.query('UPDATE introduction SET card = $2, updated_at = now() WHERE id = $1', [
      id,
      JSON.stringify(card),
    ]);
  }

  /** A line of the trail; `actor` null: the employer, through their link. */
  async record(
    manager: EntityManager,
    id: string,
    kind: IntroductionEventKind,
    from: IntroductionStatus | null,
    to: IntroductionStatus | null,
    actor: Actor | null,
    details: Record<string, unknown> = {},
    refusalReason: RefusalReason | null = null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO introduction_event (introduction_id, kind, from_status, to_status, actor_user_id, actor_kind, details, refusal_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, kind, from, to, actor?.userId ?? null, actor ? 'user' : 'employer', JSON.stringify(details), refusalReason],
    );
  }

  async view(manager: EntityManager, id: string): Promise<IntroductionView> {
    const rows: IntroductionRow[] = await manager.query(`${SELECT} WHERE n.id = $1`, [id]);
    const row = rows[0];
    const events: Array<{
      kind: IntroductionEventKind;
      from_status: IntroductionStatus | null;
      to_status: IntroductionStatus | null;
      actor_kind: EventActorKind;
      actor_user_id: string | null;
      details: Record<string, unknown>;
      at: Date;
    }> = await manager.query('SELECT * FROM introduction_event WHERE introduction_id = $1 ORDER BY at, id', [id]);
    const validations: Array<{
      decision: CardDecision;
      card_version: string;
      comment: string | null;
      decided_at: Date;
    }> = await manager.query(
      `SELECT decision, card_version, comment, decided_at FROM card_validation
         WHERE introduction_id = $1 ORDER BY decided_at DESC, id LIMIT 1`,
      [id],
    );
    const latest = validations.at(0);
    return introductionView(
      row,
      events.map((event) => ({
        kind: event.kind,
        fromStatus: event.from_status,
        toStatus: event.to_status,
        actorKind: event.actor_kind,
        actorUserId: event.actor_user_id,
        details: event.details,
        at: event.at,
      })),
      latest
        ? {
            decision: latest.decision,
            cardVersion: latest.card_version,
            comment: latest.comment,
            decidedAt: latest.decided_at,
          }
        : null,
    );
  }

  /**
   * The board: introductions of `structures` (null: all) and of the people `referentUserId`
   * follows, newest first, each with the employer's last answer.
   */
  async list(
    manager: EntityManager,
    structures: readonly string[] | null,
    referentUserId: string,
    filter: { status?: IntroductionStatus; offerId?: string },
  ): Promise<IntroductionSummary[]> {
    const rows: Array<{
      id: string;
      beneficiary_id: string;
      status: IntroductionStatus;
      employer_id: string;
      employer_name: string;
      offer_id: string | null;
      offer_title: string | null;
      first_name: string | null;
      updated_at: Date;
      last_answer: { answer: EmployerAnswer; message: string | null; proposedInterview: string | null } | null;
      last_answer_at: Date | null;
      interview_at: Date | null;
    }> = await manager.query(
      `SELECT n.id, n.beneficiary_id, n.status, n.employer_id, e.name AS employer_name, n.offer_id, o.title AS offer_title,
         n.card ->> 'firstName' AS first_name, n.updated_at, n.interview_at, a.details AS last_answer, a.at AS last_answer_at
       FROM introduction n JOIN employer e ON e.id = n.employer_id LEFT JOIN offers_offer_v o ON o.id = n.offer_id
       JOIN coaching_beneficiary_v b ON b.id = n.beneficiary_id
       LEFT JOIN LATERAL (SELECT details, at FROM introduction_event WHERE introduction_id = n.id AND kind = 'answered'
         ORDER BY at DESC LIMIT 1) a ON true
       WHERE b.erased_at IS NULL AND ($1::uuid[] IS NULL OR n.structure_id = ANY($1::uuid[]) OR b.referent_user_id = $2)
         AND ($3::text IS NULL OR n.status = $3) AND ($4::uuid IS NULL OR n.offer_id = $4)
       ORDER BY n.updated_at DESC LIMIT 500`,
      [structures, referentUserId, filter.status ?? null, filter.offerId ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      beneficiaryId: row.beneficiary_id,
      status: row.status,
      employerId: row.employer_id,
      employerName: row.employer_name,
      offerId: row.offer_id,
      offerTitle: row.offer_title,
      firstName: row.first_name,
      updatedAt: row.updated_at,
      interviewAt: row.interview_at,
      lastAnswer: row.last_answer ? { ...row.last_answer, at: row.last_answer_at! } : null,
    }));
  }

  /**
   * The people who follow an introduction and hear of the employer's answers: whoever proposed it,
   * whoever sent the employer a link (a card's or a shortlist's), and the person's referent coach.
   */
  async owners(manager: EntityManager, id: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT n.created_by AS user_id FROM introduction n WHERE n.id = $1
       UNION SELECT l.created_by FROM card_link l WHERE l.introduction_id = $1
       UNION SELECT s.created_by FROM shortlist_entry se JOIN shortlist s ON s.id = se.shortlist_id
         WHERE se.introduction_id = $1
       UNION SELECT b.referent_user_id FROM introduction n JOIN coaching_beneficiary_v b ON b.id = n.beneficiary_id
         WHERE n.id = $1 AND b.referent_user_id IS NOT NULL`,
      [id],
    );
    return rows.map((row) => row.user_id);
  }

  /** Has the employer answered since `since`? */
  async answeredSince(manager: EntityManager, id: string, since: Date): Promise<boolean> {
    const answers: unknown[] = await manager.query(
      `SELECT 1 FROM introduction_event WHERE introduction_id = $1 AND kind = 'answered' AND at >= $2`,
      [id, since],
    );
    return answers.length > 0;
  }

  /** Drops the viewer's address from views older than `days` before `now`; returns how many. */
  async forgetViewerAddresses(manager: EntityManager, now: Date, days: number): Promise<number> {
    const rows = await updateReturning(
      manager,
      `UPDATE introduction_event SET details = details - 'ip'
       WHERE kind = 'viewed' AND details ? 'ip' AND at < $1::timestamptz - make_interval(days => $2)
       RETURNING id`,
      [now.toISOString(), days],
    );
    return rows.length;
  }
}
