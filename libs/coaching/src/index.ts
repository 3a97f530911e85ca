export { RegisterBeneficiary } from './application/register-beneficiary.use-case.js';
export { UpdateBeneficiary } from './application/update-beneficiary.use-case.js';
export { AssignReferent } from './application/assign-referent.use-case.js';
export { CloseCoaching } from './application/close-coaching.use-case.js';
export { ReadPortfolio } from './application/read-portfolio.use-case.js';
export type { PortfolioEntry, PortfolioQuery } from './application/read-portfolio.use-case.js';
export { ReadBeneficiaryFile } from './application/read-beneficiary-file.use-case.js';
export type { BeneficiaryFile } from './application/beneficiary-file.js';
export { ReadCardSource } from './application/read-card-source.use-case.js';
export { SaveDiagnostic } from './application/save-diagnostic.use-case.js';
export { AddBarrier } from './application/add-barrier.use-case.js';
export { UpdateBarrier } from './application/update-barrier.use-case.js';
export { SignCer } from './application/sign-cer.use-case.js';
export { RecordCerOutcome } from './application/record-cer-outcome.use-case.js';
export { PrintCer } from './application/print-cer.use-case.js';
export type { CerForThePerson } from './application/print-cer.use-case.js';
export { RecordCoachingEvent } from './application/record-coaching-event.use-case.js';
export { DeleteCoachingEvent } from './application/delete-coaching-event.use-case.js';
export { DecideAid } from './application/decide-aid.use-case.js';
export { GrantConsent } from './application/grant-consent.use-case.js';
export { RevokeConsent } from './application/revoke-consent.use-case.js';
export { CheckConsent } from './application/check-consent.use-case.js';
export type { BeneficiarySummary } from './application/ports/beneficiary-store.js';
export type { BarrierView } from './application/ports/barrier-store.js';
export type { CerView } from './application/ports/cer-store.js';
export type { ConsentView } from './application/ports/consent-store.js';
export type { EventView } from './application/ports/journal-store.js';
export type { ProposalAnswer, ProposalView } from './application/ports/proposal-store.js';
export { PROPOSAL_ANSWERS } from './application/ports/proposal-store.js';
export type { BarrierInput } from './domain/barrier.js';
export type { BeneficiaryChanges, BeneficiaryIdentity, Closure, NewBeneficiary } from './domain/beneficiary.js';
export type { CerOutcomeInput, NewCer } from './domain/cer.js';
export type { NewEvent } from './domain/journal.js';
export { PORTFOLIO_SORTS } from './domain/portfolio.js';
export type { PortfolioSort } from './domain/portfolio.js';
export {
  CheckContactRhythm,
  ReadContactRhythms,
  RHYTHM_ALERT_KIND,
  SetContactRhythm,
} from './application/contact-rhythm.use-case.js';
export type { CoachRhythm, ContactRhythmsView, RhythmPerson } from './application/contact-rhythm.use-case.js';
export type { RhythmSettingRow } from './application/ports/contact-rhythm-store.js';
export { rhythmLabel, rhythmStatus, RHYTHM_MAX_CONTACTS, RHYTHM_MAX_PERIOD_DAYS } from './domain/contact-rhythm.js';
export type { ContactRhythm, RhythmStatus } from './domain/contact-rhythm.js';
export { AddObjective } from './application/add-objective.use-case.js';
export { UpdateObjective } from './application/update-objective.use-case.js';
export { ReadObjectives } from './application/read-objectives.use-case.js';
export type { ObjectiveView } from './application/ports/objective-store.js';
export { OBJECTIVE_MAX_STEPS, OBJECTIVE_STATUSES, OBJECTIVE_TEXT_MAX } from './domain/objective.js';
export type { ObjectiveInput, ObjectiveStatus, ObjectiveStep } from './domain/objective.js';
export { PreviewEntrantsImport } from './application/preview-entrants-import.use-case.js';
export { ImportEntrants } from './application/import-entrants.use-case.js';
export type { EntrantsImportResult } from './application/import-entrants.use-case.js';
export type { EntrantDuplicate, EntrantRefusal, EntrantsPlan, EntrantToCreate } from './application/entrants-import.js';
export { ENTRANTS_MAX_BYTES, ENTRANTS_MAX_ROWS } from './domain/entrants-csv.js';
export { ReadCoachLoads } from './application/coach-loads.use-case.js';
export type { CapOverrideView, CoachLoad, CoachLoads } from './application/coach-loads.use-case.js';
export { ReadBeneficiaryMatches } from './application/read-beneficiary-matches.use-case.js';
export type { BeneficiaryMatches } from './application/read-beneficiary-matches.use-case.js';
export { RankPeopleForOffer } from './application/rank-people-for-offer.use-case.js';
export type { PersonForOffer } from './application/rank-people-for-offer.use-case.js';
export { ProposeOffer } from './application/propose-offer.use-case.js';
export { RecordAgreedProposal } from './application/record-agreed-proposal.use-case.js';
export { RecordEmployerInterview } from './application/record-employer-interview.use-case.js';
export { ListNotifications } from './application/list-notifications.use-case.js';
export { CountUnreadNotifications } from './application/count-unread-notifications.use-case.js';
export { MarkNotificationRead } from './application/mark-notification-read.use-case.js';
export { RecordNotification } from './application/record-notification.use-case.js';
export type { NewNotification, NotificationView } from './application/ports/notification-store.js';
export { ExportPersonalData } from './application/export-personal-data.use-case.js';
export type { BeneficiaryExport } from './application/export-personal-data.use-case.js';
export { ErasePersonalData } from './application/erase-personal-data.use-case.js';
export { RunRetention } from './application/run-retention.use-case.js';
export { UploadPhoto } from './application/upload-photo.use-case.js';
export { ReadPhoto } from './application/read-photo.use-case.js';
export { ReadStoredPhoto } from './application/read-stored-photo.use-case.js';
export type { Photo } from './application/read-stored-photo.use-case.js';
export { RemovePhoto } from './application/remove-photo.use-case.js';
export { ORPHAN_GRACE_MS, SweepOrphanPhotos } from './application/sweep-orphan-photos.use-case.js';
export { ErasureHandlers } from './application/beneficiary-erased.js';
export type { BeneficiaryErased, BeneficiaryErasedHandler } from './application/beneficiary-erased.js';
export { ProcessErasures } from './application/process-erasures.use-case.js';
export type { ErasureReport } from './application/process-erasures.use-case.js';
export type { PhotoView } from './application/ports/photo-store.js';
export * from './domain/coaching.js';
export { PHOTO_MAX_BYTES, megabytes } from './domain/photo.js';
export { diagnosticProblems, matchingProfileOf } from './domain/diagnostic.js';
export type { Diagnostic, EvidencedSkill, Experience } from './domain/diagnostic.js';
export type { StoredDiagnostic } from './application/ports/diagnostic-store.js';
export { CoachingModule } from './coaching.module.js';
export { BeneficiaryAccess } from './application/ports/beneficiary-access.js';
export { PersonalDataJobs } from './infrastructure/personal-data-jobs.js';
export type { BeneficiaryRow } from './application/ports/beneficiary-access.js';
export { COACHING_ERRORS, coachingError } from './domain/coaching-errors.js';
export type { CoachingErrorCode } from './domain/coaching-errors.js';
export { PlanAppointment } from './application/plan-appointment.use-case.js';
export { ReadAgenda } from './application/read-agenda.use-case.js';
export { ReadBeneficiaryAppointments } from './application/read-beneficiary-appointments.use-case.js';
export { AddParticipant } from './application/add-participant.use-case.js';
export { RecordAttendance } from './application/record-attendance.use-case.js';
export { MoveAppointment } from './application/move-appointment.use-case.js';
export { CancelAppointment } from './application/cancel-appointment.use-case.js';
export type { AppointmentMove } from './application/move-appointment.use-case.js';
export type { AppointmentView, ParticipantView } from './application/ports/appointment-store.js';
export { APPOINTMENT_KINDS, ATTENDANCES, MAX_CAPACITY } from './domain/appointment.js';
export type { AppointmentKind, Attendance, NewAppointment } from './domain/appointment.js';
export { OpenSlot } from './application/open-slot.use-case.js';
export { ListSlots } from './application/list-slots.use-case.js';
export { WithdrawSlot } from './application/withdraw-slot.use-case.js';
export { InviteToBook } from './application/invite-to-book.use-case.js';
export { BookSlot } from './application/book-slot.use-case.js';
export { ReadMessageDeliveries } from './application/read-message-deliveries.use-case.js';
export type { Invitation } from './application/invite-to-book.use-case.js';
export type { BookingState } from './application/booking-page.js';
export type { DeliveryView, SlotView } from './application/ports/booking-store.js';
export type { Deliveries } from './application/person-messages.js';
export { MESSAGE_CHANNELS, MESSAGE_PURPOSES } from './domain/booking.js';
export type { DeliveryOutcome, MessageChannel, MessagePurpose } from './domain/booking.js';
export { BookingPages } from './application/booking-page.js';
export { SendDueReminders } from './application/send-due-reminders.use-case.js';
export { REMINDER_SWEEP_MS } from './infrastructure/personal-data-jobs.js';
export { CalendarFeeds } from './application/calendar-feeds.js';
export { FileShares } from './application/file-shares.js';
export type { ReceivedShare, ShareRecipient, ShareView } from './application/ports/share-store.js';
export type { SharedAccess } from './application/beneficiary-file.js';
export { SHARE_MAX_DAYS, SHARED_PARTS } from './domain/file-share.js';
export type { NewShare, SharedPart } from './domain/file-share.js';
export { SendSpaceLink } from './application/send-space-link.use-case.js';
export type { SentSpaceLink } from './application/send-space-link.use-case.js';
export { ListSpaceLinks, RevokeSpaceLinks } from './application/space-links.use-case.js';
export type { SpaceLinkView } from './application/ports/person-space-store.js';
export { EnterSpaceCode, OpenPersonSpace, SendSpaceCode } from './application/person-space-door.js';
export type { CodeEntry, CodeSending, SpaceEntry } from './application/person-space-door.js';
export {
  personAuditActor,
  personAuditDetails,
  SPACE_CODE_MAX_ATTEMPTS,
  SPACE_CODES_PER_HOUR,
  SPACE_DEVICE_COOKIE,
} from './domain/person-space.js';
export type { SpaceVisitor } from './domain/person-space.js';
export {
  AnswerAppointment,
  AnswerProposal,
  ReadPersonSpace,
  PrintOwnCer,
  WithdrawConsent,
} from './application/person-space.use-case.js';
export type { PersonSpaceView } from './application/person-space.use-case.js';
export type { PersonAppointment } from './application/ports/person-space-store.js';
