import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { personAuditActor, personAuditDetails, RecordNotification, type SpaceVisitor } from '@passerelle/coaching';
import { AuditLog } from '@passerelle/identity';
import type { CandidateCard } from '../domain/candidate-card.js';
import { type CardDecision, cardVersion, validationProblem } from '../domain/card-validation.js';
import { mediationError } from '../domain/mediation-errors.js';
import { CardValidationStore, type PersonCardRow } from './ports/card-validation-store.js';
import { IntroductionStore } from './ports/introduction-store.js';

export interface PersonCard {
  readonly introductionId: string;
  readonly card: CandidateCard;
  readonly employerName: string;
  readonly offerTitle: string | null;
  /** Where the person stands on this very content: null until they decide (or after the card changed). */
  readonly decision: CardDecision | null;
  readonly comment: string | null;
  /** The card changed since the person's last decision. */
  readonly changedSince: boolean;
}

function personCard(row: PersonCardRow): PersonCard {
  const problem = validationProblem(row.card, row.latest);
  const current = problem !== 'outdated' && problem !== 'not_validated';
  return {
    introductionId: row.introductionId,
    card: row.card,
    employerName: row.employerName,
    offerTitle: row.offerTitle,
    decision: current ? row.latest!.decision : null,
    comment: current ? row.latest!.comment : null,
    changedSince: problem === 'outdated',
  };
}

/** The person's cards, as the employers will see them, in their space (their own access, audited). */
@Injectable()
export class ReadPersonCards {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly validations: CardValidationStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(visitor: SpaceVisitor): Promise<PersonCard[]> {
    const manager = this.dataSource.manager;
    const rows = await this.validations.personCards(manager, visitor.beneficiaryId);
    await this.audit.record(
      personAuditActor(visitor),
      'read',
      [{ type: 'beneficiary', id: visitor.beneficiaryId, structureId: visitor.structureId }],
      personAuditDetails(visitor, 'cards', { introductionIds: rows.map((row) => row.introductionId) }),
      manager,
    );
    return rows.map(personCard);
  }
}

/**
 * The person validates their card as the employer will see it, or asks for a change (with what to
 * change), for the content they were shown: `version` must still be the card's, or the card changed
 * under their eyes and they must look again (409). The coach and whoever proposed the introduction
 * are notified. Audited as the person's own act.
 */
@Injectable()
export class DecideOnCard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly validations: CardValidationStore,
    private readonly introductions: IntroductionStore,
    private readonly notifications: RecordNotification,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    visitor: SpaceVisitor,
    introductionId: string,
    input: { decision: CardDecision; version: string; comment?: string | null },
  ): Promise<PersonCard> {
    const comment = input.comment?.trim() || null;
    if (input.decision === 'change_requested' && !comment)
      throw mediationError('card.comment_required', 'say what to change on the card', [
        { field: 'comment', reason: 'required to ask for a change' },
      ]);
    return this.dataSource.transaction(async (manager) => {
      const row = (await this.validations.personCards(manager, visitor.beneficiaryId, introductionId)).at(0);
      if (!row) throw mediationError('card.not_found', 'no such card for this person');
      if (cardVersion(row.card) !== input.version)
        throw mediationError('card.changed', 'the card changed since it was shown', [
          { field: 'version', reason: 'not the current content of the card' },
        ]);
      const latest = await this.validations.insert(manager, introductionId, {
        decision: input.decision,
        cardVersion: input.version,
        comment: input.decision === 'validated' ? null : comment,
      });
      const who = visitor.firstName ?? 'La personne';
      const what = row.offerTitle ? `pour « ${row.offerTitle} »` : `pour ${row.employerName}`;
      await this.notifications.execute(
        (await this.introductions.owners(manager, introductionId)).map((userId) => ({
          userId,
          kind: 'card_validation',
          subjectType: 'introduction',
          subjectId: introductionId,
          message:
            input.decision === 'validated'
              ? `${who} a validé sa fiche ${what} : elle peut être envoyée.`
              : `${who} demande une modification de sa fiche ${what} : « ${comment} ».`,
        })),
        { mode: 'refresh', manager },
      );
      await this.audit.record(
        personAuditActor(visitor),
        'update',
        [{ type: 'beneficiary', id: visitor.beneficiaryId, structureId: visitor.structureId }],
        personAuditDetails(visitor, 'card_validation', { introductionId, decision: input.decision }),
        manager,
      );
      return personCard({ ...row, latest });
    });
  }
}
