import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type ErrorDetail } from '@passerelle/core';
import { type Actor, StructureTree } from '@passerelle/identity';
import { isValidSiret, PostOffer } from '@passerelle/offers';
import { foldText, ReferentialIndex } from '@passerelle/referential';
import { requirementSkills } from '../domain/requirement-skills.js';
import type { EmployerSizeBand } from '../domain/employer.js';
import {
  type DueAction,
  type EmployerDetail,
  EmployerStore,
  type EmployerView,
  type NewInteraction,
  type NewJobAnalysis,
} from '../infrastructure/employer-store.js';
import { mediationError } from '../domain/mediation-errors.js';

export type {
  DueAction,
  EmployerContact,
  EmployerDetail,
  EmployerInteraction,
  EmployerView,
  JobAnalysisSummary,
} from '../infrastructure/employer-store.js';

export const MEDIATION_SOURCE = 'mediation';

export interface NewEmployer {
  readonly siret?: string;
  readonly name: string;
  readonly sector?: string;
  readonly sizeBand?: EmployerSizeBand;
  readonly commune: { readonly inseeCode?: string; readonly postalCode?: string; readonly name?: string };
}

/** Employers of the actor's structure, their contacts, the interaction log and the follow-ups due. */
@Injectable()
export class ManageEmployers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly referential: ReferentialIndex,
    private readonly postOffer: PostOffer,
    private readonly employers: EmployerStore,
  ) {}

  async structures(actor: Actor): Promise<string[] | null> {
    return (await this.tree.reach(actor, 'employers.manage')).structureIds;
  }

  async find(actor: Actor, id: string): Promise<EmployerView> {
    const structures = await this.structures(actor);
    const employer = await this.employers.find(this.dataSource.manager, id, structures);
    if (!employer) throw mediationError('employer.not_found', 'no employer with this id');
    return employer;
  }

  async create(actor: Actor, input: NewEmployer): Promise<EmployerView> {
    await this.structures(actor);
    const problems: ErrorDetail[] = [];
    if (input.siret && !isValidSiret(input.siret))
      problems.push({ field: 'siret', reason: 'not a valid SIRET (14 digits, checksum)' });
    await this.referential.load();
    const commune = this.referential.resolveCommune(input.commune);
    if (!commune) problems.push({ field: 'commune', reason: 'no commune matches this code or name' });
    if (problems.length > 0) throw mediationError('employer.invalid', 'the employer is not valid', problems);
    const employer = await this.employers.create(this.dataSource.manager, {
      structureId: actor.structureId,
      siret: input.siret ?? null,
      name: input.name.trim(),
      sector: input.sector ?? null,
      sizeBand: input.sizeBand ?? null,
      commune: commune!,
      createdBy: actor.userId,
    });
    if (!employer)
      throw mediationError('employer.exists', 'this SIRET is already an employer of your structure', [
        { field: 'siret', reason: 'already registered' },
      ]);
    return employer;
  }

  async list(actor: Actor, query: { q?: string }): Promise<EmployerView[]> {
    const structures = await this.structures(actor);
    return this.employers.list(this.dataSource.manager, structures, query.q ?? null);
  }

  async addContact(
    actor: Actor,
    employerId: string,
    input: { name: string; role?: string; phone?: string; email?: string },
  ): Promise<{ id: string }> {
    await this.find(actor, employerId);
    return this.employers.addContact(this.dataSource.manager, employerId, {
      name: input.name.trim(),
      role: input.role ?? null,
      phone: input.phone ?? null,
      email: input.email?.toLowerCase() ?? null,
    });
  }

  async logInteraction(actor: Actor, employerId: string, input: NewInteraction): Promise<{ id: string }> {
    await this.find(actor, employerId);
    if ((input.nextAction === undefined) !== (input.nextActionOn === undefined))
      throw mediationError('interaction.invalid', 'a next action needs its date, and a date its action', [
        { field: input.nextAction ? 'nextActionOn' : 'nextAction', reason: 'give both or neither' },
      ]);
    if (input.nextActionOn && input.nextActionOn < input.occurredOn)
      throw mediationError('interaction.invalid', 'dates out of order', [
        { field: 'nextActionOn', reason: 'must not be before occurredOn' },
      ]);
    if (input.contactId) {
      if (!(await this.employers.isContactOf(this.dataSource.manager, input.contactId, employerId)))
        throw mediationError('interaction.unknown_contact', 'no such contact at this employer', [
          { field: 'contactId', reason: 'not a contact of this employer' },
        ]);
    }
    return this.employers.logInteraction(this.dataSource.manager, employerId, input, actor.userId);
  }

  /** The employer's page: contacts, interactions (newest first), job analyses. */
  async detail(actor: Actor, employerId: string): Promise<EmployerDetail> {
    const employer = await this.find(actor, employerId);
    return { ...employer, ...(await this.employers.detail(this.dataSource.manager, employerId)) };
  }

  /** The actor's follow-up list: next actions not done, due by `until` (default: today and overdue). */
  async dueActions(actor: Actor, until: string): Promise<DueAction[]> {
    return this.employers.dueActions(this.dataSource.manager, actor.userId, until);
  }

  async completeAction(actor: Actor, interactionId: string): Promise<void> {
    if (!(await this.employers.completeAction(this.dataSource.manager, interactionId, actor.userId)))
      throw mediationError('interaction.not_found', 'no open next action with this id');
  }

  private requirementSkills(romeCode: string | undefined, lines: readonly string[]): string[] {
    const occupationSkills = romeCode
      ? this.referential
          .skillsOfOccupation(romeCode)
          .filter((skill) => skill.kind !== 'contexte_travail')
          .map((skill) => ({ code: skill.code, label: skill.label }))
      : [];
    return requirementSkills(lines, occupationSkills, (line) => {
      const folded = foldText(line);
      const found = this.referential.autocomplete('skill', line, 5).find((skill) => foldText(skill.label) === folded);
      return found ? { code: found.code, label: found.label } : null;
    });
  }

  /**
   * A job analysed at the workplace: what the job really requires against what was first asked.
   * With `publish`, it becomes an offer (source `mediation`, an *offre captée*) that flows into the
   * index like any other.
   */
  async analyseJob(
    actor: Actor,
    employerId: string,
    input: NewJobAnalysis & { publish: boolean },
  ): Promise<{ id: string; offerId: string | null }> {
    const employer = await this.find(actor, employerId);
    await this.referential.load();
    if (input.romeCode && !this.referential.isKnownRomeCode(input.romeCode))
      throw mediationError('job_analysis.invalid', 'unknown ROME code', [
        { field: 'romeCode', reason: 'unknown ROME code' },
      ]);
    let offerId: string | null = null;
    if (input.publish) {
      const description = [
        `Missions : ${input.tasks.join(' ; ')}.`,
        input.schedule ? `Horaires : ${input.schedule}.` : '',
        input.conditions ? `Conditions : ${input.conditions}.` : '',
        input.tools.length > 0 ? `Outils : ${input.tools.join(', ')}.` : '',
        input.realRequirements.length > 0
          ? `Ce qui est demandé : ${input.realRequirements.join(' ; ')}.`
          : 'Débutant·e accepté·e.',
        input.publicTransport ? `Accès : ${input.publicTransport}.` : '',
      ]
        .filter(Boolean)
        .join('\n');
      const offer = await this.postOffer.execute(
        { userId: actor.userId, structureId: actor.structureId },
        {
          title: input.title,
          description,
          employerName: employer.name,
          inseeCode: employer.communeInsee,
          ...(employer.siret ? { employerSiret: employer.siret } : {}),
          contractType: input.contractType,
          workingTime: input.workingTime === 'part_time' ? 'Temps partiel' : 'Temps plein',
          ...(input.romeCode ? { romeCode: input.romeCode } : {}),
          // What the job really requires (and its tools) are the offer's skills, in the referential's words when
          // it has them (the matcher counts those), else as the mediator wrote them; a licence among the
          // requirements ("permis B") is the offer's driving licence.
          skills: this.requirementSkills(input.romeCode, [...input.realRequirements, ...input.tools]),
          ...(input.realRequirements.length > 0 ? { drivingLicence: input.realRequirements.join('\n') } : {}),
        },
        MEDIATION_SOURCE,
      );
      offerId = offer.id;
    }
    const id = await this.employers.addJobAnalysis(this.dataSource.manager, employerId, input, offerId, actor.userId);
    return { id, offerId };
  }
}
