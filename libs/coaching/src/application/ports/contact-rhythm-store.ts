import type { EntityManager } from 'typeorm';
import type { ContactRhythm } from '../../domain/contact-rhythm.js';
import type { ScopeCondition } from './beneficiary-access.js';

/** A structure with its own rhythm (null: none) and the one it follows (its own, else its nearest parent's). */
export interface RhythmSettingRow {
  readonly structureId: string;
  readonly structureName: string;
  readonly parentId: string | null;
  readonly own: ContactRhythm | null;
  readonly effective: ContactRhythm | null;
  readonly updatedAt: Date | null;
}

/** A person followed now under a rhythm, with the days of their recent contacts. */
export interface RhythmFact {
  readonly beneficiaryId: string;
  readonly structureId: string;
  readonly referentUserId: string | null;
  readonly referentName: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly followedSince: string;
  readonly rhythm: ContactRhythm;
  /** Days of the live contacts of the longest window a rhythm may have, up to `today`. */
  readonly contactDates: readonly string[];
}

/** Which people: those of a scope (the condition's parameters start at $5; `true`: everyone), or one person. */
export type RhythmFactFilter = { readonly scope: ScopeCondition } | { readonly beneficiaryId: string };

/** The contact rhythms (`contact_rhythm`) and the facts to compare with them. */
export abstract class ContactRhythmStore {
  /** The structures with these ids (null: all), by name. */
  abstract settings(manager: EntityManager, structureIds: readonly string[] | null): Promise<RhythmSettingRow[]>;

  abstract set(manager: EntityManager, structureId: string, rhythm: ContactRhythm, userId: string): Promise<void>;

  /** False when the structure had no rhythm of its own. */
  abstract clear(manager: EntityManager, structureId: string): Promise<boolean>;

  /** The people followed now (oriented or in coaching) to whom a rhythm applies. */
  abstract facts(manager: EntityManager, filter: RhythmFactFilter, today: string): Promise<RhythmFact[]>;
}
