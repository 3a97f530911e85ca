import type { DatasetName, ReferentialRows } from '../../domain/referential-rows.js';

export type Source = 'rome' | 'communes';

export const DATASET_SOURCE: Readonly<Record<DatasetName, Source>> = {
  occupations: 'rome',
  appellations: 'rome',
  skills: 'rome',
  occupationSkills: 'rome',
  mobilities: 'rome',
  communes: 'communes',
  communePostalCodes: 'communes',
  communeAliases: 'communes',
};

export interface BundledReferential {
  readonly rows: ReferentialRows;
  readonly versions: Readonly<Record<Source, string>>;
  /** SHA-256 over the source files, to tell later which data a database was loaded from. */
  readonly digests: Readonly<Record<Source, string>>;
  /** Rows of the files left out because they point at something the files do not define. */
  readonly skipped: Readonly<Record<DatasetName, number>>;
}

/** The open data shipped with Passerelle (ROME, communes), read into rows. */
export abstract class BundledReferentialSource {
  abstract read(): Promise<BundledReferential>;
}
