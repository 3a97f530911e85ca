import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AID_DECISIONS,
  AID_KINDS,
  APPOINTMENT_KINDS,
  ATTENDANCES,
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  type AidDecision,
  type AidKind,
  BARRIER_KINDS,
  BARRIER_STATUSES,
  type BarrierKind,
  type BarrierStatus,
  type BarrierView,
  type BeneficiaryFile,
  type BeneficiaryMatches,
  type BeneficiarySummary,
  CER_OUTCOMES,
  type CerOutcome,
  type CerView,
  COACHING_STATUSES,
  type CoachingStatus,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type ConsentView,
  DIGITAL_AUTONOMY,
  EVENT_KINDS,
  type EventKind,
  type EventView,
  EXIT_REASONS,
  type ExitReason,
  PORTFOLIO_ALERTS,
  type PortfolioAlert,
  type PortfolioEntry,
  PROPOSAL_ANSWERS,
  type ProposalAnswer,
  type ProposalView,
  REGIONAL_PLATFORMS,
  type RegionalPlatform,
  SHARED_PARTS,
  type SharedPart,
  type StoredDiagnostic,
} from '@passerelle/coaching';
import {
  MATCH_CONTRACT_TYPES,
  type MatchContractType,
  SCHEDULE_CONSTRAINT_NAMES,
  type ScheduleConstraint,
} from '@passerelle/matching';
import {
  DIFFICULTIES,
  type Difficulty,
  FOLLOW_UP_KINDS,
  type FollowUpKind,
  type Milestone,
  MILESTONES,
  PLACEMENT_CONTRACTS,
  PLACEMENT_END_REASONS,
  type PersonExport,
  type PlacementContract,
  type PlacementEndReason,
} from '@passerelle/outcomes';
import { EMPLOYER_ANSWERS, type EmployerAnswer, REFUSAL_REASONS, type RefusalReason } from '@passerelle/mediation';
import { ProfileDto } from '../matching/matching.dto.js';
import { GeoPointResponse, MatchedOfferResponse } from '../matching/matching.response.dto.js';
import { iso } from '../offers/offers.response.dto.js';
import { DiagnosticExperienceDto, EvidencedSkillDto, LanguageDto } from './coaching.dto.js';
import { ObjectiveResponse } from './objectives.controller.js';
import { ShareResponse } from './file-shares.controller.js';

const MILESTONE_NAMES = Object.keys(MILESTONES) as Milestone[];

/** A person as the lists and the writes on their file answer: who, where, their coaching's state. */
export class BeneficiarySummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once erased' }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null once erased' }) lastName!: string | null;
  @ApiProperty({ nullable: true, type: String }) communeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ format: 'uuid' }) structureId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the referent coach; null: nobody yet' })
  referentUserId!: string | null;
  @ApiProperty({ enum: COACHING_STATUSES }) status!: CoachingStatus;
  @ApiProperty({ nullable: true, type: String, enum: EXIT_REASONS }) exitReason!: ExitReason | null;
  @ApiProperty({ format: 'date' }) orientationDate!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) cvDepositedOn!: string | null;

  static from(summary: BeneficiarySummary): BeneficiarySummaryResponse {
    return Object.assign(new BeneficiarySummaryResponse(), summary);
  }
}

/** Where a person stands against their structure's contact rhythm. */
export class RhythmStatusResponse {
  @ApiProperty({ description: 'the target: contacts...' }) contacts!: number;
  @ApiProperty({ description: '...every so many days' }) periodDays!: number;
  @ApiProperty({ description: 'contacts held over the last periodDays days' }) held!: number;
  @ApiProperty({ description: 'contacts the rhythm asks for by today (in proportion over the first days)' })
  expected!: number;
  @ApiProperty() behind!: boolean;
}

/** A portfolio line: the person and what the coach watches (last contact, CER end, stage, alerts). */
export class PortfolioEntryResponse extends BeneficiarySummaryResponse {
  @ApiProperty({ nullable: true, type: String, description: 'the referent coach’s name; null: nobody yet' })
  referentName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastContactOn!: string | null;
  @ApiProperty({ nullable: true, type: Number }) daysSinceLastContact!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'the open CER’s end' })
  cerEndDate!: string | null;
  @ApiProperty({ example: 'CER mois 3/6', description: 'in French' }) stage!: string;
  @ApiProperty() openBarriers!: number;
  @ApiProperty() proposedOffers!: number;
  @ApiProperty({ enum: PORTFOLIO_ALERTS, isArray: true }) alerts!: PortfolioAlert[];
  @ApiProperty({
    type: RhythmStatusResponse,
    nullable: true,
    description: 'against the structure’s contact rhythm; null: no rhythm applies',
  })
  rhythm!: RhythmStatusResponse | null;

  static override from(entry: PortfolioEntry): PortfolioEntryResponse {
    return Object.assign(new PortfolioEntryResponse(), entry);
  }
}

export class PortfolioResponse {
  @ApiProperty({ type: [PortfolioEntryResponse] }) items!: PortfolioEntryResponse[];
}

/** One referent coach of the person, who gave them the person and, above the cap, why. */
export class ReferentResponse {
  @ApiProperty({ format: 'uuid' }) coachUserId!: string;
  @ApiProperty({ nullable: true, type: String }) coachName!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt!: string | null;
  @ApiProperty({ description: 'assigned above the portfolio cap' }) capOverride!: boolean;
  @ApiProperty({ format: 'uuid' }) assignedByUserId!: string;
  @ApiProperty({ nullable: true, type: String }) assignedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;

  static from(referent: BeneficiaryFile['referents'][number]): ReferentResponse {
    const response: ReferentResponse = {
      ...referent,
      startedAt: referent.startedAt.toISOString(),
      endedAt: iso(referent.endedAt),
    };
    return Object.assign(new ReferentResponse(), response);
  }
}

/** The diagnostic as stored, with when it was last written. */
export class DiagnosticResponse {
  @ApiProperty({ type: [DiagnosticExperienceDto] }) experiences!: DiagnosticExperienceDto[];
  @ApiProperty({ type: [EvidencedSkillDto] }) skills!: EvidencedSkillDto[];
  @ApiProperty({ type: [String], description: 'ROME codes' }) desiredOccupations!: string[];
  @ApiProperty() drivingLicence!: boolean;
  @ApiProperty() vehicle!: boolean;
  @ApiProperty() maxDistanceKm!: number;
  @ApiProperty({ enum: MATCH_CONTRACT_TYPES, isArray: true }) contractTypes!: MatchContractType[];
  @ApiProperty({ enum: ['full_time', 'part_time', 'any'] }) workingTime!: 'full_time' | 'part_time' | 'any';
  @ApiProperty({ enum: SCHEDULE_CONSTRAINT_NAMES, isArray: true }) constraints!: ScheduleConstraint[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) availabilityDate!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: DIGITAL_AUTONOMY })
  digitalAutonomy!: (typeof DIGITAL_AUTONOMY)[number] | null;
  @ApiProperty({ type: [LanguageDto] }) languages!: LanguageDto[];
  @ApiProperty({ type: [String] }) certificates!: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(diagnostic: StoredDiagnostic): DiagnosticResponse {
    const response: DiagnosticResponse = {
      ...diagnostic,
      experiences: diagnostic.experiences.map((experience) => ({ ...experience })),
      skills: diagnostic.skills.map((skill) => ({ ...skill })),
      desiredOccupations: [...diagnostic.desiredOccupations],
      contractTypes: [...diagnostic.contractTypes],
      constraints: [...diagnostic.constraints],
      languages: diagnostic.languages.map((language) => ({ ...language })),
      certificates: [...diagnostic.certificates],
      updatedAt: diagnostic.updatedAt.toISOString(),
    };
    return Object.assign(new DiagnosticResponse(), response);
  }
}

export class BarrierResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: BARRIER_KINDS }) kind!: BarrierKind;
  @ApiProperty({ enum: BARRIER_STATUSES }) status!: BarrierStatus;
  @ApiProperty({ nullable: true, type: String, description: 'none for a health barrier' })
  description!: string | null;
  @ApiProperty({ nullable: true, type: String }) actions!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'health barriers only: the note, for the referent coach; null for anyone else',
  })
  healthNote?: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;

  static from(barrier: BarrierView): BarrierResponse {
    const response: BarrierResponse = {
      ...barrier,
      createdAt: barrier.createdAt.toISOString(),
      resolvedAt: iso(barrier.resolvedAt),
    };
    return Object.assign(new BarrierResponse(), response);
  }
}

/** A CER (contrat d’engagement réciproque): its dates, both sides’ commitments and its outcome. */
export class CerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty() durationMonths!: number;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty({ type: [String] }) beneficiaryCommitments!: string[];
  @ApiProperty({ type: [String] }) serviceCommitments!: string[];
  @ApiProperty({ nullable: true, type: String, enum: CER_OUTCOMES }) outcome!: CerOutcome | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) outcomeOn!: string | null;

  static from(cer: CerView): CerResponse {
    return Object.assign(new CerResponse(), cer);
  }
}

export class AidResponse {
  @ApiProperty({ enum: AID_KINDS }) kind!: AidKind;
  @ApiProperty({ nullable: true, type: Number, description: 'in euros' }) amount!: number | null;
  @ApiProperty({ enum: AID_DECISIONS }) decision!: AidDecision;
}

/** A journal entry: a contact (meeting, call, e-mail, workshop) or an action, an aid request with its aid. */
export class EventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind!: EventKind;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() collective!: boolean;
  @ApiProperty({ nullable: true, type: AidResponse }) aid!: AidResponse | null;
  @ApiProperty({ format: 'uuid' }) authorId!: string;

  static from(event: EventView): EventResponse {
    return Object.assign(new EventResponse(), { ...event, aid: event.aid && { ...event.aid } });
  }
}

export class DeletedEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) deletedAt!: string;

  static from(deleted: { id: string; deletedAt: Date }): DeletedEventResponse {
    return Object.assign(new DeletedEventResponse(), { ...deleted, deletedAt: deleted.deletedAt.toISOString() });
  }
}

/** A consent given by the person (and, when revoked, when and by whom). */
export class ConsentResponse {
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose!: ConsentPurpose;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'the user who recorded it' }) recordedBy!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) revokedBy!: string | null;

  static from(consent: ConsentView): ConsentResponse {
    const response: ConsentResponse = {
      ...consent,
      grantedAt: consent.grantedAt.toISOString(),
      revokedAt: iso(consent.revokedAt),
    };
    return Object.assign(new ConsentResponse(), response);
  }
}

/** An offer proposed to the person, with what the offer says now. */
export class ProposalResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty({ description: 'its commune, or the area it names' }) communeName!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) offerStatus!: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 100 }) score!: number | null;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: [String], description: 'why it fits, in plain words, as the person reads it' })
  explanation!: string[];
  @ApiProperty({
    nullable: true,
    enum: PROPOSAL_ANSWERS,
    type: String,
    description: 'the person’s answer in their space',
  })
  answer!: ProposalAnswer | null;
  @ApiProperty({ nullable: true, type: String, description: 'why it is not for them' }) answerReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;

  static from(proposal: ProposalView): ProposalResponse {
    return Object.assign(new ProposalResponse(), {
      ...proposal,
      explanation: [...proposal.explanation],
      proposedAt: proposal.proposedAt.toISOString(),
      answeredAt: proposal.answeredAt?.toISOString() ?? null,
    });
  }
}

/** The person’s whole file (health notes for the referent coach only). */
/** How a file shared with the reader reached them: what the share shows, until when. */
export class SharedAccessResponse {
  @ApiProperty({ format: 'uuid' }) shareId!: string;
  @ApiProperty({ description: 'the referent coach who shared the file' }) grantedByName!: string;
  @ApiProperty({ enum: SHARED_PARTS, isArray: true }) parts!: SharedPart[];
  @ApiProperty() healthNoteVisible!: boolean;
  @ApiProperty({ format: 'date', description: 'last day in force' }) endsOn!: string;
}

export class BeneficiaryFileResponse extends BeneficiarySummaryResponse {
  @ApiProperty({ nullable: true, type: String, format: 'date' }) birthDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) communeInsee!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the home commune’s département' })
  homeDepartement!: string | null;
  @ApiProperty({ nullable: true, type: String }) reorientedTo!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: REGIONAL_PLATFORMS, description: 'where the CV was deposited' })
  cvPlatform!: RegionalPlatform | null;
  @ApiProperty({ nullable: true, type: String, description: 'the referent coach’s name; null: nobody yet' })
  referentName!: string | null;
  @ApiProperty({ type: [ReferentResponse], description: 'who followed the person, oldest first' })
  referents!: ReferentResponse[];
  @ApiProperty({ nullable: true, type: DiagnosticResponse }) diagnostic!: DiagnosticResponse | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'French labels of the ROME and skill codes the diagnostic names (code → label)',
  })
  labels!: Record<string, string>;
  @ApiProperty({ type: [BarrierResponse] }) barriers!: BarrierResponse[];
  @ApiProperty({ type: [CerResponse] }) cers!: CerResponse[];
  @ApiProperty({ type: [ObjectiveResponse], description: 'the action plan' }) objectives!: ObjectiveResponse[];
  @ApiProperty({
    type: RhythmStatusResponse,
    nullable: true,
    description: 'against the structure’s contact rhythm today; null: no rhythm applies, or not followed',
  })
  rhythm!: RhythmStatusResponse | null;
  @ApiProperty({ type: [EventResponse], description: 'newest first' }) events!: EventResponse[];
  @ApiProperty({ type: [ProposalResponse], description: 'newest first' }) proposals!: ProposalResponse[];
  @ApiProperty({ type: [ConsentResponse] }) consents!: ConsentResponse[];
  @ApiProperty({
    type: SharedAccessResponse,
    nullable: true,
    description: 'set when the reader opens the file through a share: only the parts it names are filled',
  })
  sharedAccess!: SharedAccessResponse | null;

  static override from(file: BeneficiaryFile): BeneficiaryFileResponse {
    const response: BeneficiaryFileResponse = {
      ...file,
      referents: file.referents.map((referent) => ReferentResponse.from(referent)),
      diagnostic: file.diagnostic && DiagnosticResponse.from(file.diagnostic),
      barriers: file.barriers.map((barrier) => BarrierResponse.from(barrier)),
      cers: file.cers.map((cer) => CerResponse.from(cer)),
      objectives: file.objectives.map((objective) => ObjectiveResponse.from(objective)),
      events: file.events.map((event) => EventResponse.from(event)),
      proposals: file.proposals.map((proposal) => ProposalResponse.from(proposal)),
      consents: file.consents.map((consent) => ConsentResponse.from(consent)),
      sharedAccess: file.sharedAccess && { ...file.sharedAccess },
    };
    return Object.assign(new BeneficiaryFileResponse(), response);
  }
}

/** An offer ranked for the person, and whether it is proposed to them already. */
export class BeneficiaryMatchResponse extends MatchedOfferResponse {
  @ApiProperty({ description: 'the offer is proposed to the person already' }) proposed!: boolean;
}

/** The offers ranked for the person from their diagnostic. */
export class BeneficiaryMatchesResponse {
  @ApiProperty({
    type: ProfileDto,
    description: 'the profile the diagnostic gave: the same body sent to POST /matching/search ranks the same',
  })
  profile!: ProfileDto;
  @ApiProperty({ type: GeoPointResponse, description: 'the person’s home commune, the centre of the search' })
  origin!: GeoPointResponse;
  @ApiProperty({ type: [BeneficiaryMatchResponse] }) items!: BeneficiaryMatchResponse[];
  @ApiProperty({ description: 'offers within the hard constraints that were scored (the ranking’s window)' })
  candidates!: number;

  static from(matches: BeneficiaryMatches): BeneficiaryMatchesResponse {
    const { profile } = matches;
    const response: BeneficiaryMatchesResponse = {
      ...matches,
      profile: {
        ...profile,
        experiences: profile.experiences.map((experience) => ({ ...experience })),
        skills: [...profile.skills],
        certificates: profile.certificates && [...profile.certificates],
        targetOccupations: profile.targetOccupations && [...profile.targetOccupations],
        commune: { ...profile.commune },
        contractTypes: [...profile.contractTypes],
        constraints: profile.constraints && [...profile.constraints],
      },
    };
    return Object.assign(new BeneficiaryMatchesResponse(), response);
  }
}

export class ErasureResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
}

/** One access to the file (the audit log rows about the person). */
export class AccessLogEntryResponse {
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'uuid' }) actorUserId!: string;
  @ApiProperty({ example: 'beneficiary.read' }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the action was about' })
  details!: Record<string, unknown>;
}

export class ExportedNotificationResponse {
  @ApiProperty() kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ExportedJobResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: PLACEMENT_CONTRACTS }) contractType!: PlacementContract;
  @ApiProperty({ nullable: true, type: Number }) contractMonths!: number | null;
  @ApiProperty({ nullable: true, type: Number }) weeklyHours!: number | null;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty() durable!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: PLACEMENT_END_REASONS }) endReason!: PlacementEndReason | null;
}

export class ExportedFollowUpResponse {
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind!: FollowUpKind;
  @ApiProperty({ enum: MILESTONE_NAMES }) milestone!: Milestone;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) inJob!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) rsaExit!: boolean | null;
  @ApiProperty({ enum: DIFFICULTIES, isArray: true }) difficulties!: Difficulty[];
  @ApiProperty({ nullable: true, type: String }) employerView!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

/** An employer's answer about the person, through a card link or a shortlist. */
export class ExportedEmployerAnswerResponse {
  @ApiProperty({ enum: ['card_link', 'shortlist'] }) via!: 'card_link' | 'shortlist';
  @ApiProperty() employerName!: string;
  @ApiProperty({ nullable: true, type: String }) offerTitle!: string | null;
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty({ enum: EMPLOYER_ANSWERS }) answer!: EmployerAnswer;
  @ApiProperty({ nullable: true, type: String, enum: REFUSAL_REASONS }) refusalReason!: RefusalReason | null;
  @ApiProperty({ nullable: true, type: String, description: 'the interview picked or proposed' })
  proposedInterview!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'what the employer wrote with the answer' })
  message!: string | null;
}

/** A message of an employer's exchange about the person on a shortlist. */
export class ExportedEmployerExchangeResponse {
  @ApiProperty() employerName!: string;
  @ApiProperty({ nullable: true, type: String }) offerTitle!: string | null;
  @ApiProperty({ enum: ['employer', 'service'] }) from!: 'employer' | 'service';
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** An employer's answer to a follow-up form about the person (the contact who answered left out). */
export class ExportedEmployerFollowUpAnswerResponse {
  @ApiProperty({ enum: MILESTONE_NAMES }) milestone!: Milestone;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty() job!: string;
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty() inJob!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: PLACEMENT_END_REASONS }) endReason!: PlacementEndReason | null;
  @ApiProperty({ nullable: true, type: String }) remark!: string | null;
}

export class ExportedAppointmentResponse {
  @ApiProperty({ enum: APPOINTMENT_KINDS }) kind!: (typeof APPOINTMENT_KINDS)[number];
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() cancelled!: boolean;
  @ApiProperty({ nullable: true, type: String, enum: ATTENDANCES, description: 'this person’s attendance' })
  attendance!: (typeof ATTENDANCES)[number] | null;
}

export class ExportedMessageResponse {
  @ApiProperty({ enum: MESSAGE_CHANNELS }) channel!: (typeof MESSAGE_CHANNELS)[number];
  @ApiProperty({ enum: MESSAGE_PURPOSES }) purpose!: (typeof MESSAGE_PURPOSES)[number];
  @ApiProperty({ enum: ['sent', 'failed'] }) status!: 'sent' | 'failed';
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/**
 * Everything held on the person (right of access): the file (its action plan included), who read it, their
 * appointments, the messages sent to them, their jobs and follow-ups.
 */
export class PersonExportResponse {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ enum: ['passerelle.beneficiary-export.v2'] }) format!: 'passerelle.beneficiary-export.v2';
  @ApiProperty({ type: BeneficiaryFileResponse }) file!: BeneficiaryFileResponse;
  @ApiProperty({ type: [AccessLogEntryResponse] }) accessLog!: AccessLogEntryResponse[];
  @ApiProperty({ type: [ExportedNotificationResponse] }) notifications!: ExportedNotificationResponse[];
  @ApiProperty({ type: [ExportedAppointmentResponse] }) appointments!: ExportedAppointmentResponse[];
  @ApiProperty({ type: [ExportedMessageResponse] }) messages!: ExportedMessageResponse[];
  @ApiProperty({ type: [ExportedJobResponse] }) jobs!: ExportedJobResponse[];
  @ApiProperty({ type: [ExportedFollowUpResponse] }) followUps!: ExportedFollowUpResponse[];
  @ApiProperty({ type: [ExportedEmployerAnswerResponse], description: 'employers’ answers to cards and shortlists' })
  employerAnswers!: ExportedEmployerAnswerResponse[];
  @ApiProperty({
    type: [ExportedEmployerExchangeResponse],
    description: 'employers’ questions on shortlists and the replies sent to them',
  })
  employerExchanges!: ExportedEmployerExchangeResponse[];
  @ApiProperty({ type: [ExportedEmployerFollowUpAnswerResponse], description: 'employers’ answers to follow-up forms' })
  employerFollowUpAnswers!: ExportedEmployerFollowUpAnswerResponse[];
  @ApiProperty({ type: [ShareResponse], description: 'whom the file was shared with, revoked shares included' })
  shares!: ShareResponse[];

  static from(exported: PersonExport): PersonExportResponse {
    const response: PersonExportResponse = {
      ...exported,
      file: BeneficiaryFileResponse.from(exported.file),
      accessLog: exported.accessLog.map((entry) => ({
        ...entry,
        occurredAt: entry.occurredAt.toISOString(),
      })),
      notifications: exported.notifications.map((notification) => ({
        ...notification,
        createdAt: notification.createdAt.toISOString(),
      })),
      appointments: exported.appointments.map((appointment) => ({
        ...appointment,
        startsAt: appointment.startsAt.toISOString(),
        endsAt: appointment.endsAt.toISOString(),
      })),
      messages: exported.messages.map((message) => ({ ...message, at: message.at.toISOString() })),
      jobs: exported.jobs.map((job) => ({ ...job })),
      followUps: exported.followUps.map((followUp) => ({ ...followUp, answeredAt: iso(followUp.answeredAt) })),
      employerAnswers: exported.employerAnswers.map((answer) => ({
        ...answer,
        answeredAt: answer.answeredAt.toISOString(),
      })),
      employerExchanges: exported.employerExchanges.map((message) => ({ ...message, at: message.at.toISOString() })),
      employerFollowUpAnswers: exported.employerFollowUpAnswers.map((answer) => ({
        ...answer,
        answeredAt: answer.answeredAt.toISOString(),
      })),
      shares: exported.shares.map((share) => ShareResponse.from(share)),
    };
    return Object.assign(new PersonExportResponse(), response);
  }
}
