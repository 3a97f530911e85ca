import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  type ContactRecord,
  type DueAction,
  type EmployerContact,
  type EmployerDetail,
  type EmployerInteraction,
  type EmployerRecord,
  EmployerStore,
  type EmployerView,
  type JobAnalysisSummary,
  type NewInteraction,
  type NewJobAnalysis,
} from '../application/ports/employer-store.js';
import type { KnownEmployer } from '../domain/employer-name.js';

/**
 * Employers, contacts, interactions and job analyses held in arrays; the manager is ignored.
 * `parents` gives each structure the one above it (the département's platform), for
 * `structureWithin` and `knownFrom`.
 */
export class InMemoryEmployerStore extends EmployerStore {
  readonly employers: EmployerView[] = [];
  readonly contacts: Array<EmployerContact & { employerId: string }> = [];
  readonly interactions: Array<EmployerInteraction & { employerId: string }> = [];
  readonly analyses: Array<JobAnalysisSummary & { employerId: string; input: NewJobAnalysis; createdBy: string }> = [];

  constructor(private readonly parents: Readonly<Record<string, string | null>> = {}) {
    super();
  }

  /** Puts employers on file, as if registered earlier. */
  given(...employers: EmployerView[]): this {
    this.employers.push(...employers);
    return this;
  }

  find(_manager: EntityManager, id: string, structures: readonly string[] | null): Promise<EmployerView | null> {
    const employer = this.employers.find(
      (one) => one.id === id && (structures === null || structures.includes(one.structureId)),
    );
    return Promise.resolve(employer ?? null);
  }

  create(_manager: EntityManager, employer: EmployerRecord): Promise<EmployerView | null> {
    if (this.sameSiret(employer.structureId, employer.siret)) return Promise.resolve(null);
    const created: EmployerView = {
      id: randomUUID(),
      siret: employer.siret,
      name: employer.name,
      sector: employer.sector,
      sizeBand: employer.sizeBand,
      communeInsee: employer.commune.inseeCode,
      communeName: employer.commune.name,
      structureId: employer.structureId,
    };
    this.employers.push(created);
    return Promise.resolve(created);
  }

  list(_manager: EntityManager, structures: readonly string[] | null, q: string | null): Promise<EmployerView[]> {
    return Promise.resolve(
      this.employers
        .filter((one) => structures === null || structures.includes(one.structureId))
        .filter((one) => q === null || one.name.toLowerCase().includes(q.toLowerCase()) || one.siret === q)
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  addContact(_manager: EntityManager, employerId: string, contact: ContactRecord): Promise<{ id: string }> {
    const id = randomUUID();
    this.contacts.push({ id, employerId, ...contact });
    return Promise.resolve({ id });
  }

  isContactOf(_manager: EntityManager, contactId: string, employerId: string): Promise<boolean> {
    return Promise.resolve(this.contacts.some((one) => one.id === contactId && one.employerId === employerId));
  }

  logInteraction(
    _manager: EntityManager,
    employerId: string,
    input: NewInteraction,
    authorId: string,
  ): Promise<{ id: string }> {
    const id = randomUUID();
    this.interactions.push({
      id,
      employerId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      outcome: input.outcome ?? null,
      nextAction: input.nextAction ?? null,
      nextActionOn: input.nextActionOn ?? null,
      nextActionDoneAt: null,
      authorId,
    });
    return Promise.resolve({ id });
  }

  detail(
    _manager: EntityManager,
    employerId: string,
  ): Promise<Pick<EmployerDetail, 'contacts' | 'interactions' | 'analyses'>> {
    const strip = <T extends { employerId: string }>({ employerId: _, ...rest }: T): Omit<T, 'employerId'> => rest;
    return Promise.resolve({
      contacts: this.contacts.filter((one) => one.employerId === employerId).map(strip),
      interactions: this.interactions
        .filter((one) => one.employerId === employerId)
        .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))
        .map(strip),
      analyses: this.analyses
        .filter((one) => one.employerId === employerId)
        .map(({ employerId: _, input: __, createdBy: ___, ...summary }) => summary),
    });
  }

  dueActions(_manager: EntityManager, authorId: string, until: string): Promise<DueAction[]> {
    return Promise.resolve(
      this.interactions
        .filter((one) => one.authorId === authorId && !one.nextActionDoneAt && one.nextActionOn !== null)
        .filter((one) => one.nextActionOn! <= until)
        .map((one) => ({
          id: one.id,
          employerId: one.employerId,
          employerName: this.employers.find((employer) => employer.id === one.employerId)?.name ?? '',
          nextAction: one.nextAction!,
          nextActionOn: one.nextActionOn!,
        })),
    );
  }

  completeAction(_manager: EntityManager, interactionId: string, authorId: string): Promise<boolean> {
    const index = this.interactions.findIndex(
      (one) =>
        one.id === interactionId && one.authorId === authorId && one.nextActionOn !== null && !one.nextActionDoneAt,
    );
    if (index < 0) return Promise.resolve(false);
    this.interactions[index] = { ...this.interactions[index], nextActionDoneAt: new Date() };
    return Promise.resolve(true);
  }

  addJobAnalysis(
    _manager: EntityManager,
    employerId: string,
    input: NewJobAnalysis,
    offerId: string | null,
    userId: string,
  ): Promise<string> {
    const id = randomUUID();
    this.analyses.push({
      id,
      employerId,
      title: input.title,
      romeCode: input.romeCode ?? null,
      offerId,
      analysedOn: input.analysedOn,
      status: 'qualified',
      negotiatedAway: input.negotiatedAway,
      input,
      createdBy: userId,
    });
    return Promise.resolve(id);
  }

  hasJobAnalysis(_manager: EntityManager, offerId: string): Promise<boolean> {
    return Promise.resolve(this.analyses.some((one) => one.offerId === offerId));
  }

  structureWithin(_manager: EntityManager, employerId: string, structureId: string): Promise<string | null> {
    const up = this.above(structureId);
    const employer = this.employers.find((one) => one.id === employerId && up.includes(one.structureId));
    return Promise.resolve(employer?.structureId ?? null);
  }

  knownFrom(_manager: EntityManager, structureId: string): Promise<KnownEmployer[]> {
    return Promise.resolve(
      this.above(structureId).flatMap((structure) =>
        this.employers
          .filter((one) => one.structureId === structure)
          .map((one) => ({ id: one.id, name: one.name, siret: one.siret })),
      ),
    );
  }

  async register(manager: EntityManager, employer: Omit<EmployerRecord, 'sector' | 'sizeBand'>): Promise<string> {
    const existing = this.sameSiret(employer.structureId, employer.siret);
    if (existing) return existing.id;
    return (await this.create(manager, { ...employer, sector: null, sizeBand: null }))!.id;
  }

  contactWithEmail(
    _manager: EntityManager,
    contactId: string,
    employerId: string,
  ): Promise<{ email: string; name: string } | null> {
    const contact = this.contacts.find((one) => one.id === contactId && one.employerId === employerId);
    return Promise.resolve(contact?.email ? { email: contact.email, name: contact.name } : null);
  }

  private sameSiret(structureId: string, siret: string | null): EmployerView | undefined {
    return siret === null
      ? undefined
      : this.employers.find((one) => one.structureId === structureId && one.siret === siret);
  }

  /** The structure and those above it, nearest first. */
  private above(structureId: string): string[] {
    const chain: string[] = [];
    for (let at: string | null | undefined = structureId; at; at = this.parents[at]) chain.push(at);
    return chain;
  }
}
