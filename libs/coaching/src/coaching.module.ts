import { Module } from '@nestjs/common';
import { IdentityModule } from '@passerelle/identity';
import { MatchingModule } from '@passerelle/matching';
import { ReferentialModule } from '@passerelle/referential';
import { PlanAppointment } from './application/plan-appointment.use-case.js';
import { ReadAgenda } from './application/read-agenda.use-case.js';
import { ReadBeneficiaryAppointments } from './application/read-beneficiary-appointments.use-case.js';
import { AddParticipant } from './application/add-participant.use-case.js';
import { RecordAttendance } from './application/record-attendance.use-case.js';
import { MoveAppointment } from './application/move-appointment.use-case.js';
import { CancelAppointment } from './application/cancel-appointment.use-case.js';
import { AppointmentStore } from './application/ports/appointment-store.js';
import { SqlAppointmentStore } from './infrastructure/appointment-store.js';
import { OpenSlot } from './application/open-slot.use-case.js';
import { ListSlots } from './application/list-slots.use-case.js';
import { WithdrawSlot } from './application/withdraw-slot.use-case.js';
import { InviteToBook } from './application/invite-to-book.use-case.js';
import { BookSlot } from './application/book-slot.use-case.js';
import { ReadMessageDeliveries } from './application/read-message-deliveries.use-case.js';
import { BookingPages } from './application/booking-page.js';
import { PersonMessages } from './application/person-messages.js';
import { BookingStore } from './application/ports/booking-store.js';
import { SqlBookingStore } from './infrastructure/booking-store.js';
import { SendDueReminders } from './application/send-due-reminders.use-case.js';
import { FileShares } from './application/file-shares.js';
import { ShareStore } from './application/ports/share-store.js';
import { SqlShareStore } from './infrastructure/share-store.js';
import { CalendarFeeds } from './application/calendar-feeds.js';
import { CalendarFeedStore } from './application/ports/calendar-feed-store.js';
import { SqlCalendarFeedStore } from './infrastructure/calendar-feed-store.js';
import { AddBarrier } from './application/add-barrier.use-case.js';
import { Anonymisation } from './application/anonymisation.js';
import { AssignReferent } from './application/assign-referent.use-case.js';
import { BeneficiaryFiles } from './application/beneficiary-file.js';
import { CheckConsent } from './application/check-consent.use-case.js';
import { CloseCoaching } from './application/close-coaching.use-case.js';
import { CountUnreadNotifications } from './application/count-unread-notifications.use-case.js';
import { DecideAid } from './application/decide-aid.use-case.js';
import { DeleteCoachingEvent } from './application/delete-coaching-event.use-case.js';
import { ErasePersonalData } from './application/erase-personal-data.use-case.js';
import { ExportPersonalData } from './application/export-personal-data.use-case.js';
import { GrantConsent } from './application/grant-consent.use-case.js';
import { ListNotifications } from './application/list-notifications.use-case.js';
import { MarkNotificationRead } from './application/mark-notification-read.use-case.js';
import { ErasureHandlers } from './application/beneficiary-erased.js';
import { BarrierStore } from './application/ports/barrier-store.js';
import { BeneficiaryAccess } from './application/ports/beneficiary-access.js';
import { BeneficiaryStore } from './application/ports/beneficiary-store.js';
import { CandidatePoolStore } from './application/ports/candidate-pool-store.js';
import { CerStore } from './application/ports/cer-store.js';
import { CoachLoadStore } from './application/ports/coach-load-store.js';
import { ConsentStore } from './application/ports/consent-store.js';
import { DiagnosticStore } from './application/ports/diagnostic-store.js';
import { ErasureOutboxStore } from './application/ports/erasure-outbox-store.js';
import { JournalStore } from './application/ports/journal-store.js';
import { NotificationStore } from './application/ports/notification-store.js';
import { PersonalDataStore } from './application/ports/personal-data-store.js';
import { PhotoEncoder } from './application/ports/photo-encoder.js';
import { PhotoStore } from './application/ports/photo-store.js';
import { ProposalStore } from './application/ports/proposal-store.js';
import { ProcessErasures } from './application/process-erasures.use-case.js';
import { ProposeOffer } from './application/propose-offer.use-case.js';
import { RecordAgreedProposal } from './application/record-agreed-proposal.use-case.js';
import { RecordEmployerInterview } from './application/record-employer-interview.use-case.js';
import { RankPeopleForOffer } from './application/rank-people-for-offer.use-case.js';
import { CandidatePools } from './application/candidate-pools.js';
import { ReadBeneficiaryFile } from './application/read-beneficiary-file.use-case.js';
import { ReadBeneficiaryMatches } from './application/read-beneficiary-matches.use-case.js';
import { ReadCardSource } from './application/read-card-source.use-case.js';
import { ReadCoachLoads } from './application/coach-loads.use-case.js';
import { ReadPhoto } from './application/read-photo.use-case.js';
import { ReadPortfolio } from './application/read-portfolio.use-case.js';
import { ReadStoredPhoto } from './application/read-stored-photo.use-case.js';
import { PrintCer } from './application/print-cer.use-case.js';
import { RecordCerOutcome } from './application/record-cer-outcome.use-case.js';
import { RecordCoachingEvent } from './application/record-coaching-event.use-case.js';
import { RecordNotification } from './application/record-notification.use-case.js';
import { ReferentAssignment } from './application/referent-assignment.js';
import { RegisterBeneficiary } from './application/register-beneficiary.use-case.js';
import { RemovePhoto } from './application/remove-photo.use-case.js';
import { RevokeConsent } from './application/revoke-consent.use-case.js';
import { RunRetention } from './application/run-retention.use-case.js';
import { SaveDiagnostic } from './application/save-diagnostic.use-case.js';
import { SignCer } from './application/sign-cer.use-case.js';
import { SweepOrphanPhotos } from './application/sweep-orphan-photos.use-case.js';
import { UpdateBarrier } from './application/update-barrier.use-case.js';
import { UpdateBeneficiary } from './application/update-beneficiary.use-case.js';
import { UploadPhoto } from './application/upload-photo.use-case.js';
import { SqlBarrierStore } from './infrastructure/barrier-store.js';
import { SqlBeneficiaryAccess } from './infrastructure/beneficiary-access.js';
import { SqlBeneficiaryStore } from './infrastructure/beneficiary-store.js';
import { SqlCandidatePoolStore } from './infrastructure/candidate-pool-store.js';
import { SqlCerStore } from './infrastructure/cer-store.js';
import { SqlCoachLoadStore } from './infrastructure/coach-load-store.js';
import { SqlEntrantsStore } from './infrastructure/entrants-store.js';
import { EntrantsStore } from './application/ports/entrants-store.js';
import { EntrantsPlanner } from './application/entrants-import.js';
import { PreviewEntrantsImport } from './application/preview-entrants-import.use-case.js';
import { ImportEntrants } from './application/import-entrants.use-case.js';
import { SqlObjectiveStore } from './infrastructure/objective-store.js';
import { ObjectiveStore } from './application/ports/objective-store.js';
import { ObjectiveCheck } from './application/objective-links.js';
import { AddObjective } from './application/add-objective.use-case.js';
import { UpdateObjective } from './application/update-objective.use-case.js';
import { ReadObjectives } from './application/read-objectives.use-case.js';
import { SqlContactRhythmStore } from './infrastructure/contact-rhythm-store.js';
import { ContactRhythmStore } from './application/ports/contact-rhythm-store.js';
import { CheckContactRhythm, ReadContactRhythms, SetContactRhythm } from './application/contact-rhythm.use-case.js';
import { SqlConsentStore } from './infrastructure/consent-store.js';
import { SqlDiagnosticStore } from './infrastructure/diagnostic-store.js';
import { SqlErasureOutboxStore } from './infrastructure/erasure-outbox-store.js';
import { SqlJournalStore } from './infrastructure/journal-store.js';
import { SqlNotificationStore } from './infrastructure/notification-store.js';
import { PersonalDataJobs } from './infrastructure/personal-data-jobs.js';
import { SqlPersonalDataStore } from './infrastructure/personal-data-store.js';
import { SharpPhotoEncoder } from './infrastructure/photo-encoder.js';
import { FilePhotoStore } from './infrastructure/photo-store.js';
import { SqlProposalStore } from './infrastructure/proposal-store.js';

import { SendSpaceLink } from './application/send-space-link.use-case.js';
import {
  AnswerAppointment,
  AnswerProposal,
  ReadPersonSpace,
  PrintOwnCer,
  WithdrawConsent,
} from './application/person-space.use-case.js';
import { ListSpaceLinks, RevokeSpaceLinks } from './application/space-links.use-case.js';
import { EnterSpaceCode, OpenPersonSpace, SendSpaceCode } from './application/person-space-door.js';
import { PersonSpaceStore } from './application/ports/person-space-store.js';
import { SqlPersonSpaceStore } from './infrastructure/person-space-store.js';

const USE_CASES = [
  RegisterBeneficiary,
  UpdateBeneficiary,
  AssignReferent,
  CloseCoaching,
  ReadPortfolio,
  ReadCoachLoads,
  ReadBeneficiaryFile,
  ReadCardSource,
  SaveDiagnostic,
  AddBarrier,
  UpdateBarrier,
  SignCer,
  RecordCerOutcome,
  PrintCer,
  RecordCoachingEvent,
  DeleteCoachingEvent,
  DecideAid,
  GrantConsent,
  RevokeConsent,
  CheckConsent,
  ReadBeneficiaryMatches,
  RankPeopleForOffer,
  ProposeOffer,
  RecordAgreedProposal,
  RecordEmployerInterview,
  ExportPersonalData,
  ErasePersonalData,
  RunRetention,
  ListNotifications,
  CountUnreadNotifications,
  MarkNotificationRead,
  RecordNotification,
  UploadPhoto,
  ReadPhoto,
  ReadStoredPhoto,
  RemovePhoto,
  SweepOrphanPhotos,
  ProcessErasures,
  SetContactRhythm,
  ReadContactRhythms,
  CheckContactRhythm,
  PreviewEntrantsImport,
  ImportEntrants,
  AddObjective,
  UpdateObjective,
  ReadObjectives,
  PlanAppointment,
  ReadAgenda,
  ReadBeneficiaryAppointments,
  AddParticipant,
  RecordAttendance,
  MoveAppointment,
  CancelAppointment,
  OpenSlot,
  ListSlots,
  WithdrawSlot,
  InviteToBook,
  BookSlot,
  ReadMessageDeliveries,
  SendDueReminders,
  SendSpaceLink,
  ListSpaceLinks,
  RevokeSpaceLinks,
  OpenPersonSpace,
  SendSpaceCode,
  EnterSpaceCode,
  ReadPersonSpace,
  PrintOwnCer,
  AnswerProposal,
  AnswerAppointment,
  WithdrawConsent,
];

/** Each port the use cases depend on, with the adapter that serves it in production. */
const ADAPTERS = [
  { provide: AppointmentStore, useClass: SqlAppointmentStore },
  { provide: BookingStore, useClass: SqlBookingStore },
  { provide: CalendarFeedStore, useClass: SqlCalendarFeedStore },
  { provide: BeneficiaryAccess, useClass: SqlBeneficiaryAccess },
  { provide: BeneficiaryStore, useClass: SqlBeneficiaryStore },
  { provide: CandidatePoolStore, useClass: SqlCandidatePoolStore },
  { provide: CoachLoadStore, useClass: SqlCoachLoadStore },
  { provide: ContactRhythmStore, useClass: SqlContactRhythmStore },
  { provide: EntrantsStore, useClass: SqlEntrantsStore },
  { provide: ObjectiveStore, useClass: SqlObjectiveStore },
  { provide: ErasureOutboxStore, useClass: SqlErasureOutboxStore },
  { provide: NotificationStore, useClass: SqlNotificationStore },
  { provide: PersonalDataStore, useClass: SqlPersonalDataStore },
  { provide: DiagnosticStore, useClass: SqlDiagnosticStore },
  { provide: BarrierStore, useClass: SqlBarrierStore },
  { provide: CerStore, useClass: SqlCerStore },
  { provide: JournalStore, useClass: SqlJournalStore },
  { provide: ConsentStore, useClass: SqlConsentStore },
  { provide: ProposalStore, useClass: SqlProposalStore },
  { provide: ShareStore, useClass: SqlShareStore },
  { provide: PersonSpaceStore, useClass: SqlPersonSpaceStore },
  { provide: PhotoStore, useClass: FilePhotoStore },
  { provide: PhotoEncoder, useClass: SharpPhotoEncoder },
];

/** Beneficiaries' files: diagnostic, CER, journal, consents, matches and personal-data rights. */
@Module({
  imports: [IdentityModule, ReferentialModule, MatchingModule],
  providers: [
    BeneficiaryFiles,
    ReferentAssignment,
    Anonymisation,
    EntrantsPlanner,
    ObjectiveCheck,
    ErasureHandlers,
    PersonalDataJobs,
    BookingPages,
    CalendarFeeds,
    FileShares,
    PersonMessages,
    CandidatePools,
    ...ADAPTERS,
    ...USE_CASES,
  ],
  exports: [
    ...USE_CASES,
    BeneficiaryAccess,
    ErasureHandlers,
    PersonalDataJobs,
    BookingPages,
    CalendarFeeds,
    FileShares,
  ],
})
export class CoachingModule {}
