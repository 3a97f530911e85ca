import type { EntityManager } from 'typeorm';
import { PersonalDataStore, type RetentionCandidate } from '../application/ports/personal-data-store.js';
import type { AuditRecord } from './fakes.js';
import type { InMemoryBeneficiaryStore } from './in-memory-beneficiary-store.js';
import type { InMemoryCerStore } from './in-memory-cer-store.js';
import type { InMemoryConsentStore } from './in-memory-consent-store.js';
import type { InMemoryDiagnosticStore } from './in-memory-diagnostic-store.js';
import type { InMemoryJournalStore } from './in-memory-journal-store.js';
import type { InMemoryNotificationStore } from './in-memory-notification-store.js';

/**
 * Personal-data rights over the in-memory stores. Erasure clears what the SQL statements clear in
 * the stores modelled here: the file's identity (marked erased), referents' reasons, the
 * diagnostic, CER commitments, journal notes, consents and the notifications about the person. The retention clock (the last activity across every
 * table) is SQL: a test states the candidates in `retention`.
 */
export class InMemoryPersonalDataStore extends PersonalDataStore {
  retention: RetentionCandidate[] = [];

  constructor(
    private readonly stores: {
      readonly beneficiaries: InMemoryBeneficiaryStore;
      readonly cers: InMemoryCerStore;
      readonly consents: InMemoryConsentStore;
      readonly diagnostics: InMemoryDiagnosticStore;
      readonly journal: InMemoryJournalStore;
      readonly notifications: InMemoryNotificationStore;
      /** The audit log's records: the access log of an export. */
      readonly audit: readonly AuditRecord[];
    },
  ) {
    super();
  }

  override accessLog(
    _manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ occurredAt: Date; actorUserId: string; action: string; details: Record<string, unknown> }>> {
    return Promise.resolve(
      this.stores.audit
        .filter((record) => record.subject.type === 'beneficiary' && record.subject.id === beneficiaryId)
        .map((record) => ({
          occurredAt: new Date(0),
          actorUserId: record.actorUserId ?? '',
          action: record.action,
          details: record.details,
        })),
    );
  }

  override erase(_manager: EntityManager, beneficiaryId: string): Promise<void> {
    const { beneficiaries, cers, consents, diagnostics, journal, notifications } = this.stores;
    const row = beneficiaries.get(beneficiaryId);
    beneficiaries.rows.set(beneficiaryId, {
      ...row,
      first_name: null,
      last_name: null,
      birth_date: null,
      email: null,
      phone: null,
      address: null,
      commune_insee: null,
      commune_name: null,
      postal_code: null,
      reoriented_to: null,
      erased_at: new Date(),
      updated_at: new Date(),
    });
    for (const [index, assignment] of beneficiaries.assignments.entries())
      if (assignment.beneficiaryId === beneficiaryId)
        beneficiaries.assignments[index] = { ...assignment, reason: null };
    for (const [index, cer] of cers.cers.entries())
      if (cer.beneficiaryId === beneficiaryId)
        cers.cers[index] = { ...cer, beneficiaryCommitments: [], serviceCommitments: [] };
    diagnostics.diagnostics.delete(beneficiaryId);
    for (const event of journal.events) if (event.beneficiaryId === beneficiaryId) event.note = null;
    consents.consents.splice(
      0,
      consents.consents.length,
      ...consents.consents.filter((consent) => consent.beneficiaryId !== beneficiaryId),
    );
    notifications.notifications = notifications.notifications.filter(
      (notification) => !(notification.subjectType === 'beneficiary' && notification.subjectId === beneficiaryId),
    );
    return Promise.resolve();
  }

  override retentionCandidates(
    _manager: EntityManager,
    noticeCutoff: string,
    _today: string,
  ): Promise<RetentionCandidate[]> {
    return Promise.resolve(this.retention.filter((candidate) => candidate.since <= noticeCutoff));
  }

  override lockIfStillDue(_manager: EntityManager, beneficiaryId: string, cutoff: string): Promise<boolean> {
    return Promise.resolve(
      this.retention.some((candidate) => candidate.id === beneficiaryId && candidate.since <= cutoff),
    );
  }
}
