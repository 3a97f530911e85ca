import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, StructureTree } from '@passerelle/identity';
import { ReferentialIndex } from '@passerelle/referential';
import { identityDateProblems } from '../domain/beneficiary.js';
import { coachingError } from '../domain/coaching-errors.js';
import {
  columnsOf,
  decodeEntrantsFile,
  entrantOf,
  ENTRANTS_MAX_BYTES,
  ENTRANTS_MAX_ROWS,
  EntrantsFileError,
  type LineProblem,
  nameKey,
  parseCsv,
  structureKey,
} from '../domain/entrants-csv.js';
import type { MessageChannel } from '../domain/booking.js';
import type { Commune } from './ports/beneficiary-store.js';
import { EntrantsStore } from './ports/entrants-store.js';

/** A line the import will create (or created) as an `oriented` file. */
export interface EntrantToCreate {
  readonly line: number;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: string;
  readonly address: string | null;
  readonly commune: Commune;
  readonly orientationDate: string;
  readonly structureId: string;
  readonly structureName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly consentEmail: boolean;
  readonly consentSms: boolean;
  /**
   * The channels the invitation to a first appointment will leave by: those the person consented to
   * and has an address for (empty: not invited; the manager or coach arranges it).
   */
  readonly invitedBy: MessageChannel[];
}

/** A line that is a person already known: an existing file, or an earlier line of the file (`existingId` null). */
export interface EntrantDuplicate {
  readonly line: number;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: string;
  readonly existingId: string | null;
  readonly duplicateOfLine: number | null;
}

export interface EntrantRefusal {
  readonly line: number;
  readonly problems: LineProblem[];
}

export interface EntrantsPlan {
  /** SHA-256 of the file: the confirmation names the file it confirms. */
  readonly digest: string;
  readonly separator: ';' | ',';
  readonly lines: number;
  readonly toCreate: EntrantToCreate[];
  readonly duplicates: EntrantDuplicate[];
  readonly refused: EntrantRefusal[];
}

/** Reads and checks a file of new entrants against the referential, the manager's structures and their files. */
@Injectable()
export class EntrantsPlanner {
  constructor(
    private readonly tree: StructureTree,
    private readonly referential: ReferentialIndex,
    private readonly store: EntrantsStore,
  ) {}

  async plan(manager: EntityManager, actor: Actor, bytes: Uint8Array, today: string): Promise<EntrantsPlan> {
    if (bytes.byteLength > ENTRANTS_MAX_BYTES) throw tooLarge();
    if (bytes.byteLength === 0)
      throw coachingError('import.empty', 'the file is empty', [{ field: 'file', reason: 'le fichier est vide' }]);
    const { structureIds } = await this.tree.reach(actor, 'beneficiaries.assign', manager);
    let parsed: ReturnType<typeof parseCsv>;
    let columns: ReturnType<typeof columnsOf>;
    try {
      parsed = parseCsv(decodeEntrantsFile(bytes), ENTRANTS_MAX_ROWS);
      if (parsed.records.length < 2)
        throw new EntrantsFileError('import.empty', 'file', 'aucune personne après la ligne d’en-tête');
      columns = columnsOf(parsed.records[0].cells);
    } catch (error) {
      if (error instanceof EntrantsFileError)
        throw coachingError(error.code, 'the file cannot be imported', [{ field: error.field, reason: error.reason }]);
      throw error;
    }
    const structures = await this.store.structures(manager, structureIds);
    const byName = new Map<string, Array<{ id: string; name: string }>>();
    for (const structure of structures)
      byName.set(structureKey(structure.name), [...(byName.get(structureKey(structure.name)) ?? []), structure]);
    await this.referential.load();

    const refused: EntrantRefusal[] = [];
    const candidates: EntrantToCreate[] = [];
    for (const record of parsed.records.slice(1)) {
      const read = entrantOf(record, columns);
      if ('problems' in read) {
        refused.push({ line: record.line, problems: read.problems });
        continue;
      }
      const draft = read.draft;
      const problems: LineProblem[] = [];
      const matches = byName.get(structureKey(draft.structure)) ?? [];
      if (matches.length !== 1)
        problems.push({
          field: 'structure',
          reason:
            matches.length === 0
              ? `structure inconnue ou hors de votre périmètre : « ${draft.structure} »`
              : `plusieurs de vos structures s’appellent « ${draft.structure} »`,
        });
      const commune = draft.place ? this.referential.resolveCommune({ name: draft.place }) : null;
      if (!commune)
        problems.push({
          field: 'address',
          reason: draft.place
            ? `commune introuvable : « ${draft.place} »`
            : 'commune introuvable : l’adresse doit finir par le code postal et la commune (59000 Lille)',
        });
      for (const problem of identityDateProblems(draft.birthDate, draft.orientationDate, today))
        problems.push({
          field: problem.field as LineProblem['field'],
          reason:
            problem.field === 'orientationDate'
              ? 'date d’orientation dans le futur'
              : 'date de naissance postérieure à la date d’orientation',
        });
      if (problems.length > 0 || !commune) {
        refused.push({ line: record.line, problems });
        continue;
      }
      candidates.push({
        line: draft.line,
        lastName: draft.lastName,
        firstName: draft.firstName,
        birthDate: draft.birthDate,
        address: draft.address,
        commune,
        orientationDate: draft.orientationDate,
        structureId: matches[0].id,
        structureName: matches[0].name,
        email: draft.email,
        phone: draft.phone,
        consentEmail: draft.consentEmail,
        consentSms: draft.consentSms,
        invitedBy: [
          ...(draft.consentEmail && draft.email ? (['email'] as const) : []),
          ...(draft.consentSms && draft.phone ? (['sms'] as const) : []),
        ],
      });
    }

    // Duplicates: the same name and birth date as a file of the manager's structures, or an earlier line.
    const existing = new Map<string, string>();
    for (const person of await this.store.bornOn(
      manager,
      candidates.map((candidate) => candidate.birthDate),
      structureIds,
    ))
      existing.set(nameKey(person.lastName ?? '', person.firstName ?? '', person.birthDate), person.id);
    const seen = new Map<string, number>();
    const toCreate: EntrantToCreate[] = [];
    const duplicates: EntrantDuplicate[] = [];
    for (const candidate of candidates) {
      const key = nameKey(candidate.lastName, candidate.firstName, candidate.birthDate);
      const known = existing.get(key) ?? null;
      const earlier = seen.get(key) ?? null;
      if (known || earlier !== null) {
        duplicates.push({
          line: candidate.line,
          lastName: candidate.lastName,
          firstName: candidate.firstName,
          birthDate: candidate.birthDate,
          existingId: known,
          duplicateOfLine: known ? null : earlier,
        });
        continue;
      }
      seen.set(key, candidate.line);
      toCreate.push(candidate);
    }
    return {
      digest: createHash('sha256').update(bytes).digest('hex'),
      separator: parsed.separator,
      lines: parsed.records.length - 1,
      toCreate,
      duplicates,
      refused: refused.sort((a, b) => a.line - b.line),
    };
  }
}

export const tooLarge = () =>
  coachingError('import.too_large', 'the file is over 1 MiB', [{ field: 'file', reason: 'le fichier dépasse 1 Mo' }]);
