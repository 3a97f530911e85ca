import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import { ReferentialIndex } from '@passerelle/referential';
import { parisToday, type RegionalPlatform } from '../domain/coaching.js';
import { type RhythmStatus, rhythmStatus } from '../domain/contact-rhythm.js';
import { ContactRhythmStore } from './ports/contact-rhythm-store.js';
import { type Diagnostic, diagnosticLabels } from '../domain/diagnostic.js';
import type { BeneficiaryRow } from './ports/beneficiary-access.js';
import {
  type BeneficiarySummary,
  BeneficiaryStore,
  type ReferentHistoryEntry,
  toSummary,
} from './ports/beneficiary-store.js';
import { type BarrierView, BarrierStore } from './ports/barrier-store.js';
import { type CerView, CerStore } from './ports/cer-store.js';
import { type ConsentView, ConsentStore } from './ports/consent-store.js';
import { DiagnosticStore } from './ports/diagnostic-store.js';
import { type EventView, JournalStore } from './ports/journal-store.js';
import { type ObjectiveView, ObjectiveStore } from './ports/objective-store.js';
import { type ProposalView, ProposalStore } from './ports/proposal-store.js';
import type { ReceivedShare } from './ports/share-store.js';
import type { SharedPart } from '../domain/file-share.js';

export interface BeneficiaryFile extends BeneficiarySummary {
  readonly birthDate: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly communeInsee: string | null;
  /** The département of the home commune (the indicators' territory). */
  readonly homeDepartement: string | null;
  readonly reorientedTo: string | null;
  readonly cvPlatform: RegionalPlatform | null;
  /** The referent coach's name (null: nobody yet). */
  readonly referentName: string | null;
  /** Who followed the person, oldest first: each referent, who gave them the person and, above the cap, why. */
  readonly referents: ReferentHistoryEntry[];
  readonly diagnostic: (Diagnostic & { updatedAt: Date }) | null;
  /** French labels of the ROME and skill codes the diagnostic names, for readers (code → label). */
  readonly labels: Record<string, string>;
  readonly barriers: BarrierView[];
  readonly cers: CerView[];
  /** The action plan: objectives with their steps, tied to barriers and CER commitments. */
  readonly objectives: ObjectiveView[];
  /** Where the person stands against their structure's contact rhythm today (null: none applies). */
  readonly rhythm: RhythmStatus | null;
  readonly events: EventView[];
  readonly proposals: ProposalView[];
  readonly consents: ConsentView[];
  /** Set when the reader opened the file through a share given to them: what it lets them see, until when. */
  readonly sharedAccess: SharedAccess | null;
}

export interface SharedAccess {
  readonly shareId: string;
  readonly grantedByName: string;
  readonly parts: SharedPart[];
  readonly healthNoteVisible: boolean;
  readonly endsOn: string;
}

/**
 * The file as a share shows it: the parts it names, nothing else. The person's names, commune,
 * stage and referent stay (who the file is about); contact details, the diagnostic, barriers, CERs,
 * action plan and journal only when shared; consents, referents' history and offers proposed never.
 * (Health notes are left out before, by the barriers' read: see ReadBeneficiaryFile; a health
 * barrier itself, and the objectives tied to it, only with the person's agreement.)
 */
export function onlySharedParts(file: BeneficiaryFile, share: ReceivedShare): BeneficiaryFile {
  const has = (part: SharedPart) => share.parts.includes(part);
  // Without the person's agreement to share health information, a health barrier does not exist for
  // the recipient: not its note, not even its category, nor an objective tied to it.
  const hidden = new Set(
    share.healthNoteVisible
      ? []
      : file.barriers.filter((barrier) => barrier.kind === 'health').map((barrier) => barrier.id),
  );
  return {
    ...file,
    birthDate: has('contact') ? file.birthDate : null,
    email: has('contact') ? file.email : null,
    phone: has('contact') ? file.phone : null,
    address: has('contact') ? file.address : null,
    referents: [],
    diagnostic: has('diagnostic') ? file.diagnostic : null,
    labels: has('diagnostic') ? file.labels : {},
    barriers: has('barriers') ? file.barriers.filter((barrier) => !hidden.has(barrier.id)) : [],
    cers: has('cers') ? file.cers : [],
    objectives: has('objectives')
      ? file.objectives.filter((objective) => objective.barrierId === null || !hidden.has(objective.barrierId))
      : [],
    rhythm: has('journal') ? file.rhythm : null,
    events: has('journal') ? file.events : [],
    proposals: [],
    consents: [],
    sharedAccess: {
      shareId: share.id,
      grantedByName: share.grantedByName,
      parts: share.parts,
      healthNoteVisible: share.healthNoteVisible,
      endsOn: share.endsOn,
    },
  };
}

/** The person's whole file put together from its parts: what the file view and the export show. */
@Injectable()
export class BeneficiaryFiles {
  constructor(
    private readonly referential: ReferentialIndex,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly diagnostics: DiagnosticStore,
    private readonly barriers: BarrierStore,
    private readonly cers: CerStore,
    private readonly journal: JournalStore,
    private readonly proposals: ProposalStore,
    private readonly consents: ConsentStore,
    private readonly objectives: ObjectiveStore,
    private readonly rhythms: ContactRhythmStore,
    private readonly clock: Clock,
  ) {}

  /** `withHealth`: the reader is the referent coach (health notes included). */
  async file(manager: EntityManager, row: BeneficiaryRow, withHealth: boolean): Promise<BeneficiaryFile> {
    const diagnostic = await this.diagnostics.find(manager, row.id);
    const today = parisToday(this.clock.now());
    const [rhythm] = await this.rhythms.facts(manager, { beneficiaryId: row.id }, today);
    return {
      ...toSummary(row),
      birthDate: row.birth_date,
      email: row.email,
      phone: row.phone,
      address: row.address,
      communeInsee: row.commune_insee,
      homeDepartement: row.home_departement,
      reorientedTo: row.reoriented_to,
      cvPlatform: row.cv_platform,
      referentName: await this.beneficiaries.referentName(manager, row.referent_user_id),
      referents: await this.beneficiaries.referents(manager, row.id),
      diagnostic,
      labels: await this.labels(diagnostic),
      barriers: await this.barriers.list(manager, row.id, withHealth),
      cers: await this.cers.list(manager, row.id),
      objectives: await this.objectives.list(manager, row.id),
      rhythm: rhythm ? rhythmStatus(rhythm.rhythm, rhythm.contactDates, rhythm.followedSince, today) : null,
      events: await this.journal.list(manager, row.id),
      proposals: await this.proposals.list(manager, row.id),
      consents: await this.consents.list(manager, row.id),
      sharedAccess: null,
    };
  }

  private async labels(diagnostic: Diagnostic | null): Promise<Record<string, string>> {
    if (!diagnostic) return {};
    await this.referential.load();
    return diagnosticLabels(diagnostic, {
      occupation: (code) => this.referential.occupation(code)?.label,
      skill: (code) => this.referential.skill(code)?.label,
    });
  }
}
