import { Module } from '@nestjs/common';
import { IdentityModule } from '@passerelle/identity';
import { MatchingModule } from '@passerelle/matching';
import { ReferentialModule } from '@passerelle/referential';
import { ManageBeneficiaries, ReadPortfolio } from './application/beneficiaries.use-case.js';
import {
  CoachingRecords,
  ManageCer,
  ManageConsents,
  ManageDiagnostic,
  ReadBeneficiaryFile,
  RecordCoachingEvent,
} from './application/coaching-file.use-case.js';
import { MatchBeneficiary } from './application/matches.use-case.js';
import { ReadNotifications, RecordNotification } from './application/notifications.use-case.js';
import { PersonalData } from './application/personal-data.use-case.js';
import { ManagePhoto } from './application/photo.use-case.js';
import { ErasureHandlers } from './application/beneficiary-erased.js';
import { ProcessErasures } from './application/process-erasures.use-case.js';
import { ReadCoachLoads } from './application/coach-loads.use-case.js';
import { BeneficiaryAccess } from './infrastructure/beneficiary-access.js';
import { PhotoEncoder } from './infrastructure/photo-encoder.js';
import { PhotoStore } from './infrastructure/photo-store.js';

const USE_CASES = [
  ManageBeneficiaries,
  ReadPortfolio,
  ReadCoachLoads,
  ReadBeneficiaryFile,
  ManageDiagnostic,
  ManageCer,
  RecordCoachingEvent,
  ManageConsents,
  MatchBeneficiary,
  PersonalData,
  ReadNotifications,
  RecordNotification,
  ManagePhoto,
  ProcessErasures,
];

/** Beneficiaries' files: diagnostic, CER, journal, consents, matches and personal-data rights. */
@Module({
  imports: [IdentityModule, ReferentialModule, MatchingModule],
  providers: [BeneficiaryAccess, CoachingRecords, PhotoEncoder, PhotoStore, ErasureHandlers, ...USE_CASES],
  exports: [...USE_CASES, BeneficiaryAccess, ErasureHandlers],
})
export class CoachingModule {}
