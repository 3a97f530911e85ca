import { ApiProperty } from '@nestjs/swagger';
import {
  type CandidateCard,
  CARD_DECISIONS,
  CARD_VALIDATION_STATES,
  type CardDecision,
  type CardValidationState,
  DECLINE_REASONS,
  type DeclineReason,
  type DueAction,
  EMPLOYER_ANSWERS,
  EMPLOYER_SIZE_BANDS,
  type EmployerAnswer,
  type EmployerDetail,
  type EmployerSizeBand,
  type EmployerView,
  EVENT_ACTOR_KINDS,
  type EventActorKind,
  INTERACTION_KINDS,
  type InteractionKind,
  INTRODUCTION_EVENT_KINDS,
  INTRODUCTION_STATUSES,
  type IntroductionEventKind,
  type IntroductionStatus,
  type IntroductionSummary,
  type IntroductionView,
  PMSMP_OBJECTIVES,
  PMSMP_STATUSES,
  type PmsmpConventionView,
  type PmsmpObjective,
  type PmsmpStatus,
} from '@passerelle/mediation';
import { iso } from '../offers/offers.response.dto.js';

/** An employer of the mediators' structure. */
export class EmployerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: '73282932000074' }) siret!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) sector!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: EMPLOYER_SIZE_BANDS, description: 'headcount' })
  sizeBand!: EmployerSizeBand | null;
  @ApiProperty() communeInsee!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty({ format: 'uuid' }) structureId!: string;

  static from(employer: EmployerView): EmployerResponse {
    return Object.assign(new EmployerResponse(), employer);
  }
}

export class EmployerListResponse {
  @ApiProperty({ type: [EmployerResponse], description: 'by name, 200 at most' }) items!: EmployerResponse[];
}

export class EmployerContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
}

/** An exchange with the employer, and the next action it called for (done or not). */
export class EmployerInteractionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INTERACTION_KINDS }) kind!: InteractionKind;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) nextAction!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextActionOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextActionDoneAt!: string | null;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
}

export class JobAnalysisSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) romeCode!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the offer it was published as' })
  offerId!: string | null;
  @ApiProperty({ format: 'date' }) analysedOn!: string;
  @ApiProperty({
    enum: ['draft', 'qualified'],
    description: 'a draft is an employer’s need in their words, for the mediator to qualify',
  })
  status!: 'draft' | 'qualified';
  @ApiProperty({ type: [String], description: 'what was first asked and dropped once the job was looked at' })
  negotiatedAway!: string[];
}

/** The employer's page: its contacts, the interactions (newest first), the job analyses (newest first). */
export class EmployerDetailResponse extends EmployerResponse {
  @ApiProperty({ type: [EmployerContactResponse] }) contacts!: EmployerContactResponse[];
  @ApiProperty({ type: [EmployerInteractionResponse] }) interactions!: EmployerInteractionResponse[];
  @ApiProperty({ type: [JobAnalysisSummaryResponse] }) analyses!: JobAnalysisSummaryResponse[];

  static override from(employer: EmployerDetail): EmployerDetailResponse {
    const response: EmployerDetailResponse = {
      ...employer,
      contacts: employer.contacts.map((contact) => ({ ...contact })),
      interactions: employer.interactions.map((interaction) => ({
        ...interaction,
        nextActionDoneAt: iso(interaction.nextActionDoneAt),
      })),
      analyses: employer.analyses.map((analysis) => ({ ...analysis })),
    };
    return Object.assign(new EmployerDetailResponse(), response);
  }
}

/** A next action of the mediator's, due by the date asked (today and overdue by default). */
export class DueActionResponse {
  @ApiProperty({ format: 'uuid', description: 'the interaction that called for it' }) id!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() nextAction!: string;
  @ApiProperty({ format: 'date' }) nextActionOn!: string;
}

export class DueActionListResponse {
  @ApiProperty({ type: [DueActionResponse], description: 'soonest first' }) items!: DueActionResponse[];

  static from(actions: DueAction[]): DueActionListResponse {
    return Object.assign(new DueActionListResponse(), { items: actions.map((action) => ({ ...action })) });
  }
}

/** What was just recorded (a contact, an interaction). */
export class CreatedIdResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class JobAnalysisCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the offer, when it was published' })
  offerId!: string | null;
}

export class CardExperienceResponse {
  @ApiProperty({ example: 'Agent de propreté' }) label!: string;
  @ApiProperty() months!: number;
}

export class CardMobilityResponse {
  @ApiProperty() drivingLicence!: boolean;
  @ApiProperty() vehicle!: boolean;
  @ApiProperty() maxDistanceKm!: number;
}

/**
 * The candidate card (visage pour l’emploi): what an employer sees of a person. Built only from these fields, so
 * welfare status, barriers, health, contact details and the last name cannot leak into it.
 */
export class CandidateCardResponse {
  @ApiProperty() firstName!: string;
  @ApiProperty({ example: 'Agent de propreté — 6 ans d’expérience' }) headline!: string;
  @ApiProperty({ type: [String], description: 'skills first, as labels' }) skills!: string[];
  @ApiProperty({ type: [String] }) qualities!: string[];
  @ApiProperty({ type: [CardExperienceResponse] }) experiences!: CardExperienceResponse[];
  @ApiProperty({ nullable: true, type: String, example: 'dès le 2 mars' }) availability!: string | null;
  @ApiProperty({ type: CardMobilityResponse }) mobility!: CardMobilityResponse;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'the coach’s own words' }) note!: string | null;

  static from(card: CandidateCard): CandidateCardResponse {
    const response: CandidateCardResponse = {
      ...card,
      skills: [...card.skills],
      qualities: [...card.qualities],
      experiences: card.experiences.map((experience) => ({ ...experience })),
      mobility: { ...card.mobility },
      languages: [...card.languages],
    };
    return Object.assign(new CandidateCardResponse(), response);
  }
}

/** A step of an introduction's trail: a transition, a link sent or revoked, the card viewed, the employer's answer. */
export class IntroductionEventResponse {
  @ApiProperty({ enum: INTRODUCTION_EVENT_KINDS }) kind!: IntroductionEventKind;
  @ApiProperty({ nullable: true, type: String, enum: INTRODUCTION_STATUSES }) fromStatus!: IntroductionStatus | null;
  @ApiProperty({ nullable: true, type: String, enum: INTRODUCTION_STATUSES }) toStatus!: IntroductionStatus | null;
  @ApiProperty({ enum: EVENT_ACTOR_KINDS }) actorKind!: EventActorKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null for the employer or the system' })
  actorUserId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what the step carried: the link’s expiry, the employer’s answer and message…',
  })
  details!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** An introduction (mise en relation): a person and an employer, from the proposal to a hire or a refusal. */
/** The person's validation of the card, from their space: what the sharing gate checks before a link leaves. */
export class CardValidationResponse {
  @ApiProperty({
    enum: CARD_VALIDATION_STATES,
    description:
      'validated: this very content may be sent; not_validated: no decision yet; change_requested: the person asked for a change; outdated: the card was edited since the person’s decision',
  })
  state!: CardValidationState['state'];
  @ApiProperty({ nullable: true, type: String, enum: CARD_DECISIONS, description: 'the person’s latest decision' })
  decision!: CardDecision | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'what the person wrote with their decision' })
  comment!: string | null;
  @ApiProperty({ description: 'the card was edited after the person’s latest decision' })
  editedSinceDecision!: boolean;

  static from(state: CardValidationState): CardValidationResponse {
    return Object.assign(new CardValidationResponse(), { ...state, decidedAt: iso(state.decidedAt) });
  }
}

export class IntroductionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: the employer directly' })
  offerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) offerTitle!: string | null;
  @ApiProperty({ enum: INTRODUCTION_STATUSES }) status!: IntroductionStatus;
  @ApiProperty({ enum: INTRODUCTION_STATUSES, isArray: true, description: 'the steps allowed from here' })
  next!: IntroductionStatus[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) interviewAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) interviewPlace!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'the PMSMP’s first day' })
  trialStart!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) trialEnd!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: DECLINE_REASONS }) declineReason!: DeclineReason | null;
  @ApiProperty({ nullable: true, type: CandidateCardResponse, description: 'built once the person accepted' })
  card!: CandidateCardResponse | null;
  @ApiProperty({
    nullable: true,
    type: CardValidationResponse,
    description: 'the person’s validation of the card in their space; null while there is no card',
  })
  cardValidation!: CardValidationResponse | null;
  @ApiProperty({ type: [IntroductionEventResponse], description: 'oldest first' })
  events!: IntroductionEventResponse[];

  static from(view: IntroductionView): IntroductionResponse {
    const response: IntroductionResponse = {
      ...view,
      next: [...view.next],
      interviewAt: iso(view.interviewAt),
      card: view.card && CandidateCardResponse.from(view.card),
      cardValidation: view.cardValidation && CardValidationResponse.from(view.cardValidation),
      events: view.events.map((event) => ({ ...event, at: event.at.toISOString() })),
    };
    return Object.assign(new IntroductionResponse(), response);
  }
}

export class EmployerAnswerResponse {
  @ApiProperty({ enum: EMPLOYER_ANSWERS }) answer!: EmployerAnswer;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the interview the employer proposes, as written' })
  proposedInterview!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** An introduction on the board: no card, the person by first name, the employer's last answer. */
export class IntroductionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ enum: INTRODUCTION_STATUSES }) status!: IntroductionStatus;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) offerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) offerTitle!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'from the card; null before it is built' })
  firstName!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) interviewAt!: string | null;
  @ApiProperty({ nullable: true, type: EmployerAnswerResponse }) lastAnswer!: EmployerAnswerResponse | null;

  static from(summary: IntroductionSummary): IntroductionSummaryResponse {
    const response: IntroductionSummaryResponse = {
      ...summary,
      updatedAt: summary.updatedAt.toISOString(),
      interviewAt: iso(summary.interviewAt),
      lastAnswer: summary.lastAnswer && { ...summary.lastAnswer, at: summary.lastAnswer.at.toISOString() },
    };
    return Object.assign(new IntroductionSummaryResponse(), response);
  }
}

export class IntroductionListResponse {
  @ApiProperty({ type: [IntroductionSummaryResponse], description: 'last changed first, 500 at most' })
  items!: IntroductionSummaryResponse[];
}

/** A signed, expiring link to the card, for the employer. */
export class CardLinkResponse {
  @ApiProperty({ description: 'the link itself: shown once, only its hash is stored' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the contact it was e-mailed to, if any' })
  emailedTo!: string | null;

  static from(link: { url: string; expiresAt: Date; emailedTo: string | null }): CardLinkResponse {
    return Object.assign(new CardLinkResponse(), { ...link, expiresAt: link.expiresAt.toISOString() });
  }
}

export class PmsmpPartiesResponse {
  @ApiProperty({ description: 'first and last names' }) personName!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ nullable: true, type: String }) employerSiret!: string | null;
  @ApiProperty() employerCommune!: string;
  @ApiProperty({ description: 'the prescribing structure' }) structureName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the offer’s or job analysis’s title' })
  jobTitle!: string | null;
}

export class PmsmpSignaturesResponse {
  @ApiProperty({ nullable: true, type: String, format: 'date' }) person!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) employer!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'the prescribing structure' })
  prescriber!: string | null;
}

/**
 * An introduction's PMSMP convention. Not saved yet (`saved` false): started from what the
 * introduction knows (trial dates, the job analysis's tasks and schedule, the employer's contact).
 */
export class PmsmpConventionResponse {
  @ApiProperty({ format: 'uuid' }) introductionId!: string;
  @ApiProperty() saved!: boolean;
  @ApiProperty({ enum: PMSMP_STATUSES, description: 'draft: nobody signed; signing: some did; signed: all three' })
  status!: PmsmpStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) startDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: Number }) weeklyHours!: number | null;
  @ApiProperty({ nullable: true, type: String }) schedule!: string | null;
  @ApiProperty({ nullable: true, type: String }) workplace!: string | null;
  @ApiProperty({ type: [String] }) tasks!: string[];
  @ApiProperty({ type: [String] }) skillsToObserve!: string[];
  @ApiProperty({ nullable: true, type: String, enum: PMSMP_OBJECTIVES }) objective!: PmsmpObjective | null;
  @ApiProperty({ nullable: true, type: String }) tutorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) tutorRole!: string | null;
  @ApiProperty({ nullable: true, type: String }) tutorPhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) tutorEmail!: string | null;
  @ApiProperty({ type: PmsmpSignaturesResponse }) signatures!: PmsmpSignaturesResponse;
  @ApiProperty({ type: PmsmpPartiesResponse }) parties!: PmsmpPartiesResponse;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;

  static from(view: PmsmpConventionView): PmsmpConventionResponse {
    const response: PmsmpConventionResponse = {
      ...view,
      tasks: [...view.tasks],
      skillsToObserve: [...view.skillsToObserve],
      signatures: { ...view.signatures },
      parties: { ...view.parties },
      updatedAt: iso(view.updatedAt),
    };
    return Object.assign(new PmsmpConventionResponse(), response);
  }
}
