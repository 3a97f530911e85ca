import { MIGRATIONS as FIRST_WAVE } from './migrations/index.js';
import { SessionLifetime1764000010000 } from './migrations/1764000010000-session-lifetime.js';
import { AuditChain1764000012000 } from './migrations/1764000012000-audit-chain.js';
import { ErasureOutbox1764000013000 } from './migrations/1764000013000-erasure-outbox.js';
import { OfferPlacePrecision1764000016000 } from './migrations/1764000016000-offer-place-precision.js';
import { OfferFilled1764000019000 } from './migrations/1764000019000-offer-filled.js';
import { NotificationInbox1764000020000 } from './migrations/1764000020000-notification-inbox.js';
import { JournalDeletion1764000021000 } from './migrations/1764000021000-journal-deletion.js';
import { MigrationChecksums1764000022000 } from './migrations/1764000022000-migration-checksums.js';
import { OccupationParent1764000023000 } from './migrations/1764000023000-occupation-parent.js';
import { OfferOccupationReadings1764000024000 } from './migrations/1764000024000-offer-occupation-readings.js';
import { PublishedReadModels1764000025000 } from './migrations/1764000025000-published-read-models.js';
import { OfferTextSkills1764000026000 } from './migrations/1764000026000-offer-text-skills.js';
import { DiagnosticCertificates1764000027000 } from './migrations/1764000027000-diagnostic-certificates.js';
import { Appointments1764000030000 } from './migrations/1764000030000-appointments.js';
import { BookingInvitations1764000031000 } from './migrations/1764000031000-booking-invitations.js';
import { CalendarFeeds1764000032000 } from './migrations/1764000032000-calendar-feeds.js';
import { ContactRhythm1764000035000 } from './migrations/1764000035000-contact-rhythm.js';
import { Objectives1764000036000 } from './migrations/1764000036000-objectives.js';
import { FileShares1764000040000 } from './migrations/1764000040000-file-shares.js';
import { AttendanceView1764000050000 } from './migrations/1764000050000-attendance-view.js';
import { StructureInvitations1764000051000 } from './migrations/1764000051000-structure-invitations.js';
import { PersonSpace1764000060000 } from './migrations/1764000060000-person-space.js';
import { PmsmpConvention1764000065000 } from './migrations/1764000065000-pmsmp-convention.js';
import { Shortlists1764000070000 } from './migrations/1764000070000-shortlists.js';
import { EmployerNeeds1764000075000 } from './migrations/1764000075000-employer-needs.js';
import { EmployerFollowUpLinks1764000076000 } from './migrations/1764000076000-employer-follow-up-links.js';
import { ShortlistReminders1764000080000 } from './migrations/1764000080000-shortlist-reminders.js';
import { StructureViewKind1764000085000 } from './migrations/1764000085000-structure-view-kind.js';
import { OfferOccupationSource1764000090000 } from './migrations/1764000090000-offer-occupation-source.js';
import { AuditSealPerStatement1764000100000 } from './migrations/1764000100000-audit-seal-per-statement.js';
import { CandidatePoolVersion1764000120000 } from './migrations/1764000120000-candidate-pool-version.js';

/**
 * Every migration, in order: the first wave's list (migrations/index.ts, landed and so never edited
 * again, like the migrations themselves), then each later one appended here. Listed explicitly
 * rather than globbed so the build, the tests and the container image all run exactly the same set.
 */
export const MIGRATIONS = [
  ...FIRST_WAVE,
  SessionLifetime1764000010000,
  AuditChain1764000012000,
  ErasureOutbox1764000013000,
  OfferPlacePrecision1764000016000,
  OfferFilled1764000019000,
  NotificationInbox1764000020000,
  JournalDeletion1764000021000,
  MigrationChecksums1764000022000,
  OccupationParent1764000023000,
  OfferOccupationReadings1764000024000,
  PublishedReadModels1764000025000,
  OfferTextSkills1764000026000,
  DiagnosticCertificates1764000027000,
  Appointments1764000030000,
  BookingInvitations1764000031000,
  CalendarFeeds1764000032000,
  ContactRhythm1764000035000,
  Objectives1764000036000,
  FileShares1764000040000,
  AttendanceView1764000050000,
  StructureInvitations1764000051000,
  PersonSpace1764000060000,
  PmsmpConvention1764000065000,
  Shortlists1764000070000,
  EmployerNeeds1764000075000,
  EmployerFollowUpLinks1764000076000,
  ShortlistReminders1764000080000,
  StructureViewKind1764000085000,
  OfferOccupationSource1764000090000,
  AuditSealPerStatement1764000100000,
  CandidatePoolVersion1764000120000,
];
