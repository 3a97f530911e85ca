import { fixedSettings, inMemoryStructureTree, recordingAuditLog, referentialOf } from './fakes.js';
import { InMemoryBeneficiaryAccess } from './in-memory-beneficiary-access.js';
import { InMemoryBeneficiaryStore } from './in-memory-beneficiary-store.js';
import { InMemoryCerStore } from './in-memory-cer-store.js';
import { InMemoryConsentStore } from './in-memory-consent-store.js';
import { InMemoryDiagnosticStore } from './in-memory-diagnostic-store.js';
import { InMemoryErasureOutboxStore } from './in-memory-erasure-outbox-store.js';
import { InMemoryJournalStore } from './in-memory-journal-store.js';
import { InMemoryNotificationStore } from './in-memory-notification-store.js';
import { InMemoryPersonalDataStore } from './in-memory-personal-data-store.js';
import { InMemoryPhotoStore } from './in-memory-photo-store.js';

/**
 * Coaching's in-memory stores wired to one another and to stand-ins for the other contexts, for a
 * use-case test to build its use case with `new` (the DataSource comes from core's testing door).
 * `structures` maps a structure to its parent, for managers' reach.
 */
export function inMemoryCoaching(
  options: {
    settings?: Parameters<typeof fixedSettings>[0];
    structures?: Parameters<typeof inMemoryStructureTree>[0];
  } = {},
) {
  const audit = recordingAuditLog();
  const tree = inMemoryStructureTree(options.structures);
  const settings = fixedSettings(options.settings);
  const beneficiaries = new InMemoryBeneficiaryStore();
  const cers = new InMemoryCerStore();
  const consents = new InMemoryConsentStore(beneficiaries);
  const diagnostics = new InMemoryDiagnosticStore();
  const journal = new InMemoryJournalStore();
  const notifications = new InMemoryNotificationStore();
  return {
    audit,
    tree,
    settings,
    referential: referentialOf(),
    beneficiaries,
    access: new InMemoryBeneficiaryAccess(beneficiaries, tree, audit),
    cers,
    consents,
    diagnostics,
    journal,
    photos: new InMemoryPhotoStore(),
    outbox: new InMemoryErasureOutboxStore(),
    notifications,
    personalData: new InMemoryPersonalDataStore({
      beneficiaries,
      cers,
      consents,
      diagnostics,
      journal,
      notifications,
      audit: audit.records,
    }),
  };
}
