import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CerStore, type CerView } from '../application/ports/cer-store.js';
import type { NewCer } from '../domain/cer.js';
import type { CerOutcome } from '../domain/coaching.js';

interface StoredCer extends CerView {
  readonly beneficiaryId: string;
  readonly createdBy: string;
  outcome: CerOutcome | null;
  outcomeOn: string | null;
}

/** People's CERs in memory, listed oldest first (by start date, then as signed). */
export class InMemoryCerStore extends CerStore {
  readonly cers: StoredCer[] = [];

  override list(_manager: EntityManager, beneficiaryId: string): Promise<CerView[]> {
    return Promise.resolve(
      this.cers
        .filter((cer) => cer.beneficiaryId === beneficiaryId)
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map(({ beneficiaryId: _beneficiaryId, createdBy: _createdBy, ...view }) => ({ ...view })),
    );
  }

  override running(_manager: EntityManager, beneficiaryId: string): Promise<string | null> {
    return Promise.resolve(
      this.cers.find((cer) => cer.beneficiaryId === beneficiaryId && cer.outcome === null)?.id ?? null,
    );
  }

  override lock(
    _manager: EntityManager,
    beneficiaryId: string,
    cerId: string,
  ): Promise<{ startDate: string; endDate: string; outcome: string | null } | null> {
    const cer = this.cers.find((stored) => stored.id === cerId && stored.beneficiaryId === beneficiaryId);
    return Promise.resolve(cer ? { startDate: cer.startDate, endDate: cer.endDate, outcome: cer.outcome } : null);
  }

  override insert(
    _manager: EntityManager,
    beneficiaryId: string,
    input: NewCer & { readonly durationMonths: number; readonly endDate: string },
    userId: string,
  ): Promise<CerView> {
    const cer: StoredCer = {
      id: randomUUID(),
      beneficiaryId,
      createdBy: userId,
      signedOn: input.signedOn,
      startDate: input.startDate,
      durationMonths: input.durationMonths,
      endDate: input.endDate,
      beneficiaryCommitments: [...input.beneficiaryCommitments],
      serviceCommitments: [...input.serviceCommitments],
      outcome: null,
      outcomeOn: null,
    };
    this.cers.push(cer);
    const { beneficiaryId: _beneficiaryId, createdBy: _createdBy, ...view } = cer;
    return Promise.resolve(view);
  }

  override recordOutcome(_manager: EntityManager, cerId: string, outcome: CerOutcome, on: string): Promise<void> {
    for (const cer of this.cers.filter((stored) => stored.id === cerId)) {
      cer.outcome = outcome;
      cer.outcomeOn = on;
    }
    return Promise.resolve();
  }

  override closeRunning(
    _manager: EntityManager,
    beneficiaryId: string,
    outcome: CerOutcome,
    on: string,
  ): Promise<void> {
    for (const cer of this.cers.filter((stored) => stored.beneficiaryId === beneficiaryId && stored.outcome === null)) {
      cer.outcome = outcome;
      cer.outcomeOn = on;
    }
    return Promise.resolve();
  }
}
