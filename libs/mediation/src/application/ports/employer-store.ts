import type { EntityManager } from 'typeorm';
import type { EmployerSizeBand, InteractionKind } from '../../domain/employer.js';
import type { KnownEmployer } from '../../domain/employer-name.js';

export interface EmployerView {
  readonly id: string;
  readonly siret: string | null;
  readonly name: string;
  readonly sector: string | null;
  readonly sizeBand: EmployerSizeBand | null;
  readonly communeInsee: string;
  readonly communeName: string;
  readonly structureId: string;
}

export interface EmployerContact {
  readonly id: string;
  readonly name: string;
  readonly role: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** An exchange with the employer, and the next action it called for (done or not). */
export interface EmployerInteraction {
  readonly id: string;
  readonly kind: InteractionKind;
  readonly occurredOn: string;
  readonly outcome: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: string | null;
  readonly nextActionDoneAt: Date | null;
  readonly authorId: string;
}

/** A job analysed at the workplace, as the employer's page lists it. */
export interface JobAnalysisSummary {
  readonly id: string;
  readonly title: string;
  readonly romeCode: string | null;
  /** The offer it was published as, if it was. */
  readonly offerId: string | null;
  readonly analysedOn: string;
  /** A draft is an employer's need in their words, to be qualified by the mediator. */
  readonly status: 'draft' | 'qualified';
  /** What was first asked and dropped once the job was looked at. */
  readonly negotiatedAway: string[];
}

/** The employer's page: the employer, its contacts, the interactions (newest first), the job analyses. */
export interface EmployerDetail extends EmployerView {
  readonly contacts: EmployerContact[];
  readonly interactions: EmployerInteraction[];
  readonly analyses: JobAnalysisSummary[];
}

/** A next action of the mediator's, not done yet. */
export interface DueAction {
  /** The interaction that called for it. */
  readonly id: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly nextAction: string;
  readonly nextActionOn: string;
}

export interface NewInteraction {
  readonly kind: InteractionKind;
  readonly occurredOn: string;
  readonly contactId?: string;
  readonly outcome?: string;
  readonly nextAction?: string;
  readonly nextActionOn?: string;
}

export interface NewJobAnalysis {
  readonly title: string;
  readonly romeCode?: string;
  readonly tasks: string[];
  readonly schedule?: string;
  readonly conditions?: string;
  readonly tools: string[];
  readonly initialRequirements: string[];
  readonly realRequirements: string[];
  readonly negotiatedAway: string[];
  readonly publicTransport?: string;
  readonly contractType: string;
  readonly workingTime: 'full_time' | 'part_time';
  readonly analysedOn: string;
}

/** An employer as the store registers it (commune resolved, name trimmed). */
export interface EmployerRecord {
  readonly structureId: string;
  readonly siret: string | null;
  readonly name: string;
  readonly sector: string | null;
  readonly sizeBand: EmployerSizeBand | null;
  readonly commune: { readonly inseeCode: string; readonly name: string };
  readonly createdBy: string;
}

/** A contact as the store records it. */
export interface ContactRecord {
  readonly name: string;
  readonly role: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** Employers, their contacts, the interaction log and the job analyses. */
export abstract class EmployerStore {
  /** The employer, when it belongs to one of `structures` (null: any). */
  abstract find(manager: EntityManager, id: string, structures: readonly string[] | null): Promise<EmployerView | null>;

  /** Registers the employer; null when the structure already has one with this SIRET. */
  abstract create(manager: EntityManager, employer: EmployerRecord): Promise<EmployerView | null>;

  /** The employers of `structures` (null: all) whose name contains `q` or whose SIRET is `q`. */
  abstract list(
    manager: EntityManager,
    structures: readonly string[] | null,
    q: string | null,
  ): Promise<EmployerView[]>;

  abstract addContact(manager: EntityManager, employerId: string, contact: ContactRecord): Promise<{ id: string }>;

  abstract isContactOf(manager: EntityManager, contactId: string, employerId: string): Promise<boolean>;

  abstract logInteraction(
    manager: EntityManager,
    employerId: string,
    input: NewInteraction,
    authorId: string,
  ): Promise<{ id: string }>;

  /** The employer's page: contacts, interactions (newest first), job analyses. */
  abstract detail(
    manager: EntityManager,
    employerId: string,
  ): Promise<Pick<EmployerDetail, 'contacts' | 'interactions' | 'analyses'>>;

  /** The author's next actions not done, due by `until`. */
  abstract dueActions(manager: EntityManager, authorId: string, until: string): Promise<DueAction[]>;

  /** Marks the author's open next action done; false when there is none with this id. */
  abstract completeAction(manager: EntityManager, interactionId: string, authorId: string): Promise<boolean>;

  abstract addJobAnalysis(
    manager: EntityManager,
    employerId: string,
    input: NewJobAnalysis,
    offerId: string | null,
    userId: string,
  ): Promise<string>;

  /** Is the offer captured by a job analysis (its employer on file)? */
  abstract hasJobAnalysis(manager: EntityManager, offerId: string): Promise<boolean>;

  /**
   * The structure of the employer when it belongs to `structureId` or a structure above it (the
   * département's platform); null otherwise.
   */
  abstract structureWithin(manager: EntityManager, employerId: string, structureId: string): Promise<string | null>;

  /** The employers of the structure and those above it, nearest structure first, oldest first. */
  abstract knownFrom(manager: EntityManager, structureId: string): Promise<KnownEmployer[]>;

  /**
   * Registers the employer in the structure and returns its id; one registered meanwhile under the
   * same SIRET (a concurrent request) is that one.
   */
  abstract register(manager: EntityManager, employer: Omit<EmployerRecord, 'sector' | 'sizeBand'>): Promise<string>;

  /** A contact of this employer with an e-mail; null otherwise. */
  abstract contactWithEmail(
    manager: EntityManager,
    contactId: string,
    employerId: string,
  ): Promise<{ email: string; name: string } | null>;
}
