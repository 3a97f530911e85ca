import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';

/**
 * The development set of real France Travail offers (../shared/data/francetravail-dev, see its
 * README): third-party content kept OUT of the repository. Evaluations read it from there and skip
 * with a message when it is absent.
 */
export const DEV_SET = path.join(process.cwd(), '..', 'shared', 'data', 'francetravail-dev', 'offers.jsonl.gz');

/** The bundled ROME 4 occupations: `code_rome`, label, …, `code_rome_parent` (last column). */
const ROME_OCCUPATIONS = path.join(
  process.cwd(),
  'libs',
  'referential',
  'data',
  'rome4',
  'unix_referentiel_code_rome_v460_utf8.csv.gz',
);

/** A raw "Offres d'emploi v2" record, as France Travail returned it. */
export interface DevRecord {
  readonly id: string;
  readonly romeCode?: string;
  readonly [field: string]: unknown;
}

export function devSetPresent(): boolean {
  return existsSync(DEV_SET);
}

export async function readDevSet(): Promise<DevRecord[]> {
  const records: DevRecord[] = [];
  const lines = readline.createInterface({ input: createReadStream(DEV_SET).pipe(createGunzip()) });
  for await (const line of lines) if (line.trim()) records.push(JSON.parse(line) as DevRecord);
  return records;
}

/**
 * `code_rome` → `code_rome_parent` of every occupation of the bundled ROME 4 (the parent is the
 * ROME 3 occupation it was cut out of; most are their own parent). Its keys are the codes ROME 4
 * knows.
 */
export async function romeParents(): Promise<Map<string, string>> {
  const parents = new Map<string, string>();
  const lines = readline.createInterface({ input: createReadStream(ROME_OCCUPATIONS).pipe(createGunzip()) });
  for await (const line of lines) {
    const fields = line.split(',').map((field) => field.replace(/^"|"$/g, ''));
    const [code, parent] = [fields[0], fields[fields.length - 1]];
    if (/^[A-Z]\d{4}$/.test(code) && /^[A-Z]\d{4}$/.test(parent)) parents.set(code, parent);
  }
  return parents;
}

export interface SampleOptions {
  readonly size: number;
  /** At most this many offers of one ROME code: one occupation does not fill the sample. */
  readonly perCode: number;
  /** At most this many offers of one ROME family (letter): the set is 63 % IT (M). */
  readonly perFamily: number;
}

/**
 * A deterministic sample: offers whose ROME code ROME 4 knows, taken in the order of a hash of
 * their id, each kept while its code and its family are under their caps, until `size`.
 */
export function sampleOffers(
  records: readonly DevRecord[],
  known: (romeCode: string) => boolean,
  options: SampleOptions,
): DevRecord[] {
  const hash = (id: string): string => createHash('sha256').update(id).digest('hex');
  const ordered = records
    .filter((record) => record.romeCode !== undefined && known(record.romeCode))
    .map((record) => ({ record, key: hash(record.id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const perCode = new Map<string, number>();
  const perFamily = new Map<string, number>();
  const sample: DevRecord[] = [];
  for (const { record } of ordered) {
    if (sample.length >= options.size) break;
    const code = record.romeCode!;
    const family = code.charAt(0);
    if ((perCode.get(code) ?? 0) >= options.perCode || (perFamily.get(family) ?? 0) >= options.perFamily) continue;
    perCode.set(code, (perCode.get(code) ?? 0) + 1);
    perFamily.set(family, (perFamily.get(family) ?? 0) + 1);
    sample.push(record);
  }
  return sample;
}

/**
 * The fields France Travail adds to an offer that an HTML board does not show and that the
 * France Travail mapper (libs/ingestion france-travail.parser.ts) reads as a short cut: the ROME
 * code (and its label), the job title picked from the ROME (appellation) and the listed ROME
 * skills. Without them the occupation is read from the title and description, the skills from the
 * description, as for any board. (`qualitesProfessionnelles` stay: the mapper keeps them as
 * qualities, which the matcher does not read.)
 */
export const TAG_FIELDS = ['romeCode', 'romeLibelle', 'appellationlibelle', 'competences'] as const;

export function untagged(record: DevRecord): DevRecord {
  const copy: Record<string, unknown> = { ...record };
  for (const field of TAG_FIELDS) delete copy[field];
  return copy as DevRecord;
}

/** The record moved to one place (France Travail's `lieuTravail` shape), so only skills rank. */
export function movedTo(record: DevRecord, lieuTravail: Readonly<Record<string, unknown>>): DevRecord {
  return { ...record, lieuTravail: { ...lieuTravail } };
}
