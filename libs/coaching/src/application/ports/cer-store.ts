import type { EntityManager } from 'typeorm';
import type { NewCer } from '../../domain/cer.js';
import type { CerOutcome } from '../../domain/coaching.js';

export interface CerView {
  readonly id: string;
  readonly signedOn: string;
  readonly startDate: string;
  readonly durationMonths: number;
  readonly endDate: string;
  readonly beneficiaryCommitments: string[];
  readonly serviceCommitments: string[];
  readonly outcome: CerOutcome | null;
  readonly outcomeOn: string | null;
}

/** The CERs of a person, oldest first. */
export abstract class CerStore {
  abstract list(manager: EntityManager, beneficiaryId: string): Promise<CerView[]>;

  /** The id of the CER running now (no outcome yet), if any. */
  abstract running(manager: EntityManager, beneficiaryId: string): Promise<string | null>;

  /** One CER of the person, locked until the transaction ends; dates as `YYYY-MM-DD`. */
  abstract lock(
    manager: EntityManager,
    beneficiaryId: string,
    cerId: string,
  ): Promise<{ startDate: string; endDate: string; outcome: string | null } | null>;

  abstract insert(
    manager: EntityManager,
    beneficiaryId: string,
    input: NewCer & { readonly durationMonths: number; readonly endDate: string },
    userId: string,
  ): Promise<CerView>;

  abstract recordOutcome(manager: EntityManager, cerId: string, outcome: CerOutcome, on: string): Promise<void>;

  /** Closes the running CER, if any, with the outcome the closure of the coaching gives it. */
  abstract closeRunning(manager: EntityManager, beneficiaryId: string, outcome: CerOutcome, on: string): Promise<void>;
}
