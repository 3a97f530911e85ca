import { Module } from '@nestjs/common';
import { IdentityModule } from '@passerelle/identity';
import { MatchingModule } from '@passerelle/matching';
import { ReferentialModule } from '@passerelle/referential';
import { AddBarrier } from './application/add-barrier.use-case.js';
import { AssignReferent } from './application/assign-referent.use-case.js';
import { BeneficiaryFiles } from './application/beneficiary-file.js';
import { CheckConsent } from './application/check-consent.use-case.js';
import { CloseCoaching } from './application/close-coaching.use-case.js';
import { DecideAid } from './application/decide-aid.use-case.js';
import { DeleteCoachingEvent } from './application/delete-coaching-event.use-case.js';
import { GrantConsent } from './application/grant-consent.use-case.js';
import { MatchBeneficiary } from './application/matches.use-case.js';
import { ReadNotifications, RecordNotification } from './application/notifications.use-case.js';
import { PersonalData } from './application/personal-data.use-case.js';
import { ManagePhoto } from './application/photo.use-case.js';
import { ErasureHandlers } from './application/beneficiary-erased.js';
import { ProcessErasures } from './application/process-erasures.use-case.js';
import { ReadBeneficiaryFile } from './application/read-beneficiary-file.use-case.js';
import { ReadCardSource } from './application/read-card-source.use-case.js';
import { ReadCoachLoads } from './application/coach-loads.use-case.js';
import { ReadPortfolio } from './application/read-portfolio.use-case.js';
import { RecordCerOutcome } from './application/record-cer-outcome.use-case.js';
import { RecordCoachingEvent } from './application/record-coaching-event.use-case.js';
import { ReferentAssignment } from './application/referent-assignment.js';
import { RegisterBeneficiary } from './application/register-beneficiary.use-case.js';
import { RevokeConsent } from './application/revoke-consent.use-case.js';
import { SaveDiagnostic } from './application/save-diagnostic.use-case.js';
import { SignCer } from './application/sign-cer.use-case.js';
import { UpdateBarrier } from './application/update-barrier.use-case.js';
import { UpdateBeneficiary } from './application/update-beneficiary.use-case.js';
import { BarrierStore } from './infrastructure/barrier-store.js';
import { BeneficiaryAccess } from './infrastructure/beneficiary-access.js';
import { BeneficiaryStore } from './infrastructure/beneficiary-store.js';
import { CandidatePoolStore } from './infrastructure/candidate-pool-store.js';
import { CerStore } from './infrastructure/cer-store.js';
import { CoachLoadStore } from './infrastructure/coach-load-store.js';
import { ErasureOutboxStore } from './infrastructure/erasure-outbox-store.js';
import { NotificationStore } from './infrastructure/notification-store.js';
import { PersonalDataStore } from './infrastructure/personal-data-store.js';
import { ConsentStore } from './infrastructure/consent-store.js';
import { DiagnosticStore } from './infrastructure/diagnostic-store.js';
import { JournalStore } from './infrastructure/journal-store.js';
import { PhotoEncoder } from './infrastructure/photo-encoder.js';
import { PersonalDataJobs } from './infrastructure/personal-data-jobs.js';
import { PhotoStore } from './infrastructure/photo-store.js';
import { ProposalStore } from './infrastructure/proposal-store.js';

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
  RecordCoachingEvent,
  DeleteCoachingEvent,
  DecideAid,
  GrantConsent,
  RevokeConsent,
  CheckConsent,
  MatchBeneficiary,
  PersonalData,
  ReadNotifications,
  RecordNotification,
  ManagePhoto,
  ProcessErasures,
];

const STORES = [
  BeneficiaryStore,
  CandidatePoolStore,
  CoachLoadStore,
  ErasureOutboxStore,
  NotificationStore,
  PersonalDataStore,
  DiagnosticStore,
  BarrierStore,
  CerStore,
  JournalStore,
  ConsentStore,
  ProposalStore,
  PhotoStore,
];

/** Beneficiaries' files: diagnostic, CER, journal, consents, matches and personal-data rights. */
@Module({
  imports: [IdentityModule, ReferentialModule, MatchingModule],
  providers: [
    BeneficiaryAccess,
    BeneficiaryFiles,
    ReferentAssignment,
    PhotoEncoder,
    ErasureHandlers,
    PersonalDataJobs,
    ...STORES,
    ...USE_CASES,
  ],
  exports: [...USE_CASES, BeneficiaryAccess, ErasureHandlers, PersonalDataJobs],
})
export class CoachingModule {}
