import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import { AuditLog } from '@passerelle/identity';
import type { ConsentPurpose } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { personAuditActor, personAuditDetails, type SpaceVisitor } from '../domain/person-space.js';
import { CerStore, type CerView } from './ports/cer-store.js';
import { ConsentStore, type ConsentView } from './ports/consent-store.js';
import { ObjectiveStore, type ObjectiveView } from './ports/objective-store.js';
import { type PersonAppointment, PersonSpaceStore } from './ports/person-space-store.js';
import { PhotoStore } from './ports/photo-store.js';
import { type ProposalAnswer, ProposalStore, type ProposalView } from './ports/proposal-store.js';
import { RecordNotification } from './record-notification.use-case.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { PrintCer } from './print-cer.use-case.js';

export interface PersonSpaceView {
  readonly firstName: string | null;
  readonly proposals: readonly ProposalView[];
  readonly appointments: readonly PersonAppointment[];
  /** The CER running now, if any. */
  readonly cer: CerView | null;
  readonly objectives: readonly ObjectiveView[];
  /** Consents in force. */
  readonly consents: readonly ConsentView[];
}

/** Writes the audit row of the person's own view or act in their space, under their structure. */
async function auditPerson(
  audit: AuditLog,
  manager: EntityManager,
  visitor: SpaceVisitor,
  action: 'read' | 'update' | 'export',
  part: string,
  more: Record<string, unknown> = {},
): Promise<void> {
  await audit.record(
    personAuditActor(visitor),
    action,
    [{ type: 'beneficiary', id: visitor.beneficiaryId, structureId: visitor.structureId }],
    personAuditDetails(visitor, part, more),
    manager,
  );
}

const who = (visitor: SpaceVisitor): string => visitor.firstName ?? 'La personne';

/**
 * What the person's space shows them of their file: the offers their coach proposed (why each
 * fits, their answer), their coming appointments, their CER's commitments and their objectives,
 * and the consents in force. Their own access, audited as such.
 */
@Injectable()
export class ReadPersonSpace {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalStore,
    private readonly spaces: PersonSpaceStore,
    private readonly cers: CerStore,
    private readonly objectives: ObjectiveStore,
    private readonly consents: ConsentStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(visitor: SpaceVisitor): Promise<PersonSpaceView> {
    const manager = this.dataSource.manager;
    const id = visitor.beneficiaryId;
    const view: PersonSpaceView = {
      firstName: visitor.firstName,
      proposals: await this.proposals.list(manager, id),
      appointments: await this.spaces.appointments(manager, id, this.clock.now()),
      cer: (await this.cers.list(manager, id)).filter((cer) => cer.outcome === null).at(-1) ?? null,
      objectives: (await this.objectives.list(manager, id)).filter((objective) => objective.status !== 'abandoned'),
      consents: (await this.consents.list(manager, id)).filter((consent) => consent.revokedAt === null),
    };
    await auditPerson(this.audit, manager, visitor, 'read', 'space');
    return view;
  }
}

/**
 * The person downloads their running CER as the PDF the coach prints for them (`PrintCer.forThePerson`:
 * commitments, objectives, signatures; no barrier, health note or journal). Their own access,
 * audited as an export by the person; null when no CER runs (the page offers no link then).
 */
@Injectable()
export class PrintOwnCer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: PersonSpaceStore,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly cers: CerStore,
    private readonly objectives: ObjectiveStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(visitor: SpaceVisitor): Promise<{ fileName: string; pdf: Buffer } | null> {
    const manager = this.dataSource.manager;
    const id = visitor.beneficiaryId;
    const cer = (await this.cers.list(manager, id)).filter((candidate) => candidate.outcome === null).at(-1);
    if (!cer) return null;
    const objectives = (await this.objectives.list(manager, id)).filter((objective) => objective.cerId === cer.id);
    const pdf = await PrintCer.forThePerson({
      personName: await this.spaces.personName(manager, id),
      referentName: await this.beneficiaries.referentName(manager, visitor.referentUserId),
      cer,
      objectives,
    });
    await auditPerson(this.audit, manager, visitor, 'export', 'cer_pdf', { cerId: cer.id });
    return { fileName: `contrat-engagements-${cer.startDate}.pdf`, pdf };
  }
}

const ANSWER_WORDS: Record<ProposalAnswer, string> = { interested: 'intéressé·e par', not_for_me: 'pas pour moi :' };

/**
 * The person answers an offer their coach proposed: interested, or not for them with a reason. The
 * answer is the proposal's outcome on the file; the coach who proposed it and the referent are
 * notified (one notification per person, listing their answers of the last two weeks).
 */
@Injectable()
export class AnswerProposal {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalStore,
    private readonly notifications: RecordNotification,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    visitor: SpaceVisitor,
    offerId: string,
    input: { answer: ProposalAnswer; reason?: string | null },
  ): Promise<void> {
    const reason = input.answer === 'not_for_me' ? input.reason?.trim() || null : null;
    if (input.answer === 'not_for_me' && !reason)
      throw coachingError('space.reason_required', 'say why this offer is not for you', [
        { field: 'reason', reason: 'required when the offer is not for the person' },
      ]);
    await this.dataSource.transaction(async (manager) => {
      const answered = await this.proposals.answer(manager, visitor.beneficiaryId, offerId, input.answer, reason);
      if (!answered) throw coachingError('space.not_found', 'this offer was not proposed to this person');
      const since = this.clock.now().getTime() - 14 * 86_400_000;
      const recent = (await this.proposals.list(manager, visitor.beneficiaryId)).filter(
        (proposal) => proposal.answer && proposal.answeredAt && proposal.answeredAt.getTime() >= since,
      );
      const summary = recent
        .map(
          (proposal) =>
            `${ANSWER_WORDS[proposal.answer!]} « ${proposal.title} »${proposal.answerReason ? ` (${proposal.answerReason})` : ''}`,
        )
        .join(' ; ');
      const recipients = [...new Set([answered.proposedBy, visitor.referentUserId].filter((id) => id !== null))];
      await this.notifications.execute(
        recipients.map((userId) => ({
          userId,
          kind: 'proposal_answer',
          subjectType: 'beneficiary',
          subjectId: visitor.beneficiaryId,
          message: `${who(visitor)} a répondu aux offres proposées : ${summary}.`.slice(0, 1000),
        })),
        { mode: 'refresh', manager },
      );
      await auditPerson(this.audit, manager, visitor, 'update', 'proposal_answer', { offerId, answer: input.answer });
    });
  }
}

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** The person confirms a coming appointment, or asks to move it with a message; the coach of the appointment is told. */
@Injectable()
export class AnswerAppointment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: PersonSpaceStore,
    private readonly notifications: RecordNotification,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    visitor: SpaceVisitor,
    appointmentId: string,
    input: { answer: 'confirm' | 'move'; message?: string | null },
  ): Promise<void> {
    const message = input.message?.trim() || null;
    if (input.answer === 'move' && !message)
      throw coachingError('space.message_required', 'say when you could come instead', [
        { field: 'message', reason: 'required to ask to move an appointment' },
      ]);
    await this.dataSource.transaction(async (manager) => {
      const appointment = await this.spaces.answerAppointment(
        manager,
        visitor.beneficiaryId,
        appointmentId,
        input.answer === 'confirm' ? { confirm: true } : { moveRequest: message! },
        this.clock.now(),
      );
      if (!appointment) throw coachingError('space.not_found', 'no such coming appointment for this person');
      const when = PARIS.format(appointment.startsAt);
      await this.notifications.execute(
        [
          {
            userId: appointment.coachUserId,
            kind: 'appointment_answer',
            subjectType: 'beneficiary',
            subjectId: visitor.beneficiaryId,
            message:
              input.answer === 'confirm'
                ? `${who(visitor)} confirme le rendez-vous du ${when}.`
                : `${who(visitor)} demande à déplacer le rendez-vous du ${when} : « ${message} ».`,
          },
        ],
        { mode: 'refresh', manager },
      );
      await auditPerson(this.audit, manager, visitor, 'update', 'appointment_answer', {
        appointmentId,
        answer: input.answer,
      });
    });
  }
}

const CONSENT_WORDS: Record<ConsentPurpose, string> = {
  share_profile_with_employers: 'le partage de son profil avec les employeurs',
  photo: 'l’usage de sa photo',
  contact_by_email: 'les messages par e-mail',
  contact_by_sms: 'les messages par SMS',
  share_file_with_professionals: 'le partage de son dossier avec d’autres professionnels',
};

/**
 * The person withdraws a consent themselves: effective at once everywhere (nothing caches consents:
 * a card link stops, messages stop), the photo deleted with its consent, as when the coach records
 * it. The referent is told.
 */
@Injectable()
export class WithdrawConsent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentStore,
    private readonly photos: PhotoStore,
    private readonly notifications: RecordNotification,
    private readonly audit: AuditLog,
  ) {}

  async execute(visitor: SpaceVisitor, purpose: ConsentPurpose): Promise<void> {
    const removed: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.consents.revoke(manager, visitor.beneficiaryId, purpose, null)))
        throw coachingError('consent.not_found', 'no current consent for this purpose');
      if (purpose === 'photo') removed.push(...(await this.photos.forget(manager, visitor.beneficiaryId)));
      if (visitor.referentUserId)
        await this.notifications.execute(
          [
            {
              userId: visitor.referentUserId,
              kind: `consent_withdrawn_${purpose}`,
              subjectType: 'beneficiary',
              subjectId: visitor.beneficiaryId,
              message: `${who(visitor)} a retiré son accord pour ${CONSENT_WORDS[purpose]}.`,
            },
          ],
          { mode: 'refresh', manager },
        );
      await auditPerson(this.audit, manager, visitor, 'update', 'consent', { consent: purpose, granted: false });
    });
    await this.photos.remove(removed);
  }
}
