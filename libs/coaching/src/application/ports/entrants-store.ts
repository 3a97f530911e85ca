import type { EntityManager } from 'typeorm';

/** An existing file that may be the same person as a line of an import. */
export interface ExistingPerson {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly birthDate: string;
  readonly structureId: string;
}

/** What an import of new entrants reads besides the files it creates (BeneficiaryStore). */
export abstract class EntrantsStore {
  /** The structures with these ids (null: all): the file names them. */
  abstract structures(
    manager: EntityManager,
    structureIds: readonly string[] | null,
  ): Promise<Array<{ id: string; name: string }>>;

  /** Live files of these structures (null: all) born on one of these days. */
  abstract bornOn(
    manager: EntityManager,
    birthDates: readonly string[],
    structureIds: readonly string[] | null,
  ): Promise<ExistingPerson[]>;

  /** One import at a time, until the transaction ends: two confirmations of a file create its people once. */
  abstract lock(manager: EntityManager): Promise<void>;
}
