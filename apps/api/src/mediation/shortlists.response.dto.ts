import { ApiProperty } from '@nestjs/swagger';
import {
  EMPLOYER_ANSWERS,
  type EmployerAnswer,
  INTRODUCTION_STATUSES,
  type IntroductionStatus,
  type OfferedSlot,
  REFUSAL_REASON_LABELS,
  REFUSAL_REASONS,
  type RefusalReason,
  type RefusalReasonCounts,
  type ShortlistDetail,
  type ShortlistEntry,
  type ShortlistReminder,
  type ShortlistSummary,
} from '@passerelle/mediation';
import { CandidateCardResponse } from './mediation.response.dto.js';

export class ShortlistLinkResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'the link itself: shown once, only its hash is stored' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the contact it was e-mailed to, if any' })
  emailedTo!: string | null;

  static from(link: { id: string; url: string; expiresAt: Date; emailedTo: string | null }): ShortlistLinkResponse {
    return Object.assign(new ShortlistLinkResponse(), { ...link, expiresAt: link.expiresAt.toISOString() });
  }
}

/** The one follow-up of a shortlist left unanswered. */
export class ShortlistReminderResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    enum: ['email', 'call'],
    description: 'email: the contact was e-mailed the link again; call: no address, the mediator was asked to call',
  })
  channel!: 'email' | 'call';

  static from(reminder: ShortlistReminder | null): ShortlistReminderResponse | null {
    return reminder
      ? Object.assign(new ShortlistReminderResponse(), { at: reminder.at.toISOString(), channel: reminder.channel })
      : null;
  }
}

export class OfferedSlotResponse {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;

  static from(slot: OfferedSlot): OfferedSlotResponse {
    return Object.assign(new OfferedSlotResponse(), {
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      place: slot.place,
    });
  }
}

export class ShortlistMessageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['employer', 'user'] }) authorKind!: 'employer' | 'user';
  @ApiProperty({ nullable: true, type: String, description: 'the mediator who replied (null for the employer)' })
  authorName!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ShortlistEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) introductionId!: string;
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: INTRODUCTION_STATUSES }) status!: IntroductionStatus;
  @ApiProperty({ type: CandidateCardResponse, nullable: true, description: 'null once the person is erased' })
  card!: CandidateCardResponse | null;
  @ApiProperty({ nullable: true, type: String, enum: EMPLOYER_ANSWERS }) answer!: EmployerAnswer | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'the offered slot picked' })
  slotStartsAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'a slot the employer proposed in words' })
  proposedSlot!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: REFUSAL_REASONS }) refusalReason!: RefusalReason | null;
  @ApiProperty({ nullable: true, type: String }) freeText!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the interview on the agendas' })
  appointmentId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ type: [ShortlistMessageResponse] }) messages!: ShortlistMessageResponse[];

  static from(entry: ShortlistEntry): ShortlistEntryResponse {
    return Object.assign(new ShortlistEntryResponse(), {
      id: entry.id,
      introductionId: entry.introductionId,
      beneficiaryId: entry.beneficiaryId,
      position: entry.position,
      status: entry.status,
      card: entry.card ? CandidateCardResponse.from(entry.card) : null,
      answer: entry.answer,
      slotStartsAt: entry.slotStartsAt?.toISOString() ?? null,
      proposedSlot: entry.proposedSlot,
      refusalReason: entry.refusalReason,
      freeText: entry.freeText,
      appointmentId: entry.appointmentId,
      answeredAt: entry.answeredAt?.toISOString() ?? null,
      messages: entry.messages.map((message) =>
        Object.assign(new ShortlistMessageResponse(), { ...message, at: message.at.toISOString() }),
      ),
    });
  }
}

export class ShortlistResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: [OfferedSlotResponse] }) slots!: OfferedSlotResponse[];
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() senderName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the contact the link was sent to, if any' })
  contactName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the address that hears of replies and the reminder (null: the link was not e-mailed)',
  })
  contactEmail!: string | null;
  @ApiProperty({ type: ShortlistReminderResponse, nullable: true, description: 'the one reminder, once made' })
  reminder!: ShortlistReminderResponse | null;
  @ApiProperty({ type: [ShortlistEntryResponse] }) entries!: ShortlistEntryResponse[];

  static from(detail: ShortlistDetail): ShortlistResponse {
    return Object.assign(new ShortlistResponse(), {
      id: detail.id,
      offerId: detail.offerId,
      offerTitle: detail.offerTitle,
      employerId: detail.employerId,
      employerName: detail.employerName,
      expiresAt: detail.expiresAt.toISOString(),
      revokedAt: detail.revokedAt?.toISOString() ?? null,
      slots: detail.slots.map((slot) => OfferedSlotResponse.from(slot)),
      createdBy: detail.createdBy,
      senderName: detail.senderName,
      createdAt: detail.createdAt.toISOString(),
      contactName: detail.contactName,
      contactEmail: detail.contactEmail,
      reminder: ShortlistReminderResponse.from(detail.reminder),
      entries: detail.entries.map((entry) => ShortlistEntryResponse.from(entry)),
    });
  }
}

export class ShortlistSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty() cards!: number;
  @ApiProperty() answered!: number;
  @ApiProperty({ description: 'questions of the employer awaiting a reply' }) openQuestions!: number;
  @ApiProperty({ type: ShortlistReminderResponse, nullable: true, description: 'the one reminder, once made' })
  reminder!: ShortlistReminderResponse | null;

  static from(summary: ShortlistSummary): ShortlistSummaryResponse {
    return Object.assign(new ShortlistSummaryResponse(), {
      ...summary,
      reminder: ShortlistReminderResponse.from(summary.reminder),
      createdAt: summary.createdAt.toISOString(),
      expiresAt: summary.expiresAt.toISOString(),
      revokedAt: summary.revokedAt?.toISOString() ?? null,
    });
  }
}

export class ShortlistListResponse {
  @ApiProperty({ type: [ShortlistSummaryResponse] }) items!: ShortlistSummaryResponse[];
}

export class RefusalReasonByOfferResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty({ enum: REFUSAL_REASONS }) reason!: RefusalReason;
  @ApiProperty({ description: 'the reason in French' }) label!: string;
  @ApiProperty() count!: number;
}

export class RefusalReasonByStructureResponse {
  @ApiProperty({ format: 'uuid' }) structureId!: string;
  @ApiProperty() structureName!: string;
  @ApiProperty({ enum: REFUSAL_REASONS }) reason!: RefusalReason;
  @ApiProperty({ description: 'the reason in French' }) label!: string;
  @ApiProperty() count!: number;
}

export class RefusalReasonsResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [RefusalReasonByOfferResponse] }) byOffer!: RefusalReasonByOfferResponse[];
  @ApiProperty({ type: [RefusalReasonByStructureResponse] }) byStructure!: RefusalReasonByStructureResponse[];

  static from(counts: RefusalReasonCounts & { from: string; to: string }): RefusalReasonsResponse {
    return Object.assign(new RefusalReasonsResponse(), {
      from: counts.from,
      to: counts.to,
      byOffer: counts.byOffer.map((row) => ({ ...row, label: REFUSAL_REASON_LABELS[row.reason] })),
      byStructure: counts.byStructure.map((row) => ({ ...row, label: REFUSAL_REASON_LABELS[row.reason] })),
    });
  }
}
