import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, type ErrorDetail, updateReturning } from '@passerelle/core';
import { type Actor, StructureTree } from '@passerelle/identity';
import { isValidSiret, PostOffer } from '@passerelle/offers';
import { foldText, ReferentialIndex } from '@passerelle/referential';
import { requirementSkills } from '../domain/requirement-skills.js';

export const MEDIATION_SOURCE = 'mediation';

export interface NewEmployer {
  readonly siret?: string;
  readonly name: string;
  readonly sector?: string;
  readonly sizeBand?: '0' | '1-9' | '10-49' | '50-249' | '250+';
  readonly commune: { readonly inseeCode?: string; readonly postalCode?: string; readonly name?: string };
}

export interface EmployerView {
  readonly id: string;
  readonly siret: string | null;
  readonly name: string;
  readonly sector: string | null;
  readonly sizeBand: string | null;
  readonly communeInsee: string;
  readonly communeName: string;
  readonly structureId: string;
}

interface EmployerRow {
  id: string;
  siret: string | null;
  name: string;
  sector: string | null;
  size_band: string | null;
  commune_insee: string;
  commune_name: string;
  structure_id: string;
}

const toEmployer = (row: EmployerRow): EmployerView => ({
  id: row.id,
  siret: row.siret,
  name: row.name,
  sector: row.sector,
  sizeBand: row.size_band,
  communeInsee: row.commune_insee,
  communeName: row.commune_name,
  structureId: row.structure_id,
});

/** Employers of the actor's structure, their contacts, the interaction log and the follow-ups due. */
@Injectable()
export class ManageEmployers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly referential: ReferentialIndex,
    private readonly postOffer: PostOffer,
  ) {}

  async structures(actor: Actor): Promise<string[] | null> {
    return (await this.tree.reach(actor, 'employers.manage')).structureIds;
  }

  async find(actor: Actor, id: string): Promise<EmployerView> {
    const structures = await this.structures(actor);
    const rows: EmployerRow[] = await this.dataSource.query(
      'SELECT * FROM employer WHERE id = $1 AND ($2::uuid[] IS NULL OR structure_id = ANY($2))',
      [id, structures],
    );
    if (rows.length === 0) throw new DomainError('not_found', 'employer.not_found', 'no employer with this id');
    return toEmployer(rows[0]);
  }

  async create(actor: Actor, input: NewEmployer): Promise<EmployerView> {
    await this.structures(actor);
    const problems: ErrorDetail[] = [];
    if (input.siret && !isValidSiret(input.siret))
      problems.push({ field: 'siret', reason: 'not a valid SIRET (14 digits, checksum)' });
    await this.referential.load();
    const commune = this.referential.resolveCommune(input.commune);
    if (!commune) problems.push({ field: 'commune', reason: 'no commune matches this code or name' });
    if (problems.length > 0)
      throw new DomainError('bad_request', 'employer.invalid', 'the employer is not valid', problems);
    const rows: EmployerRow[] = await this.dataSource.query(
      `INSERT INTO employer (structure_id, siret, name, sector, size_band, commune_insee, commune_name, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (structure_id, siret) WHERE siret IS NOT NULL DO NOTHING RETURNING *`,
      [
        actor.structureId,
        input.siret ?? null,
        input.name.trim(),
        input.sector ?? null,
        input.sizeBand ?? null,
        commune!.inseeCode,
        commune!.name,
        actor.userId,
      ],
    );
    if (rows.length === 0)
      throw new DomainError('conflict', 'employer.exists', 'this SIRET is already an employer of your structure', [
        { field: 'siret', reason: 'already registered' },
      ]);
    return toEmployer(rows[0]);
  }

  async list(actor: Actor, query: { q?: string }): Promise<EmployerView[]> {
    const structures = await this.structures(actor);
    const rows: EmployerRow[] = await this.dataSource.query(
      `SELECT * FROM employer WHERE ($1::uuid[] IS NULL OR structure_id = ANY($1))
         AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%' OR siret = $2)
       ORDER BY name, id LIMIT 200`,
      [structures, query.q ?? null],
    );
    return rows.map(toEmployer);
  }

  async addContact(
    actor: Actor,
    employerId: string,
    input: { name: string; role?: string; phone?: string; email?: string },
  ): Promise<{ id: string }> {
    await this.find(actor, employerId);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO employer_contact (employer_id, name, role, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [employerId, input.name.trim(), input.role ?? null, input.phone ?? null, input.email?.toLowerCase() ?? null],
    );
    return rows[0];
  }

  async logInteraction(
    actor: Actor,
    employerId: string,
    input: {
      kind: 'visit' | 'call' | 'email' | 'event';
      occurredOn: string;
      contactId?: string;
      outcome?: string;
      nextAction?: string;
      nextActionOn?: string;
    },
  ): Promise<{ id: string }> {
    await this.find(actor, employerId);
    if ((input.nextAction === undefined) !== (input.nextActionOn === undefined))
      throw new DomainError(
        'bad_request',
        'interaction.invalid',
        'a next action needs its date, and a date its action',
        [{ field: input.nextAction ? 'nextActionOn' : 'nextAction', reason: 'give both or neither' }],
      );
    if (input.nextActionOn && input.nextActionOn < input.occurredOn)
      throw new DomainError('bad_request', 'interaction.invalid', 'dates out of order', [
        { field: 'nextActionOn', reason: 'must not be before occurredOn' },
      ]);
    if (input.contactId) {
      const contacts: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM employer_contact WHERE id = $1 AND employer_id = $2',
        [input.contactId, employerId],
      );
      if (contacts.length === 0)
        throw new DomainError('invalid', 'interaction.unknown_contact', 'no such contact at this employer', [
          { field: 'contactId', reason: 'not a contact of this employer' },
        ]);
    }
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO employer_interaction (employer_id, contact_id, kind, occurred_on, outcome, next_action, next_action_on, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        employerId,
        input.contactId ?? null,
        input.kind,
        input.occurredOn,
        input.outcome ?? null,
        input.nextAction ?? null,
        input.nextActionOn ?? null,
        actor.userId,
      ],
    );
    return rows[0];
  }

  /** The employer's page: contacts, interactions (newest first), job analyses. */
  async detail(actor: Actor, employerId: string): Promise<Record<string, unknown>> {
    const employer = await this.find(actor, employerId);
    const [contacts, interactions, analyses] = await Promise.all<unknown[]>([
      this.dataSource.query(
        'SELECT id, name, role, phone, email FROM employer_contact WHERE employer_id = $1 ORDER BY name',
        [employerId],
      ),
      this.dataSource.query(
        `SELECT id, kind, occurred_on AS "occurredOn", outcome, next_action AS "nextAction",
           next_action_on AS "nextActionOn", next_action_done_at AS "nextActionDoneAt", author_id AS "authorId"
         FROM employer_interaction WHERE employer_id = $1 ORDER BY occurred_on DESC, created_at DESC`,
        [employerId],
      ),
      this.dataSource.query(
        `SELECT id, title, rome_code AS "romeCode", offer_id AS "offerId", analysed_on AS "analysedOn",
           negotiated_away AS "negotiatedAway" FROM job_analysis WHERE employer_id = $1 ORDER BY analysed_on DESC`,
        [employerId],
      ),
    ]);
    return { ...employer, contacts, interactions, analyses };
  }

  /** The actor's follow-up list: next actions not done, due by `until` (default: today and overdue). */
  async dueActions(actor: Actor, until: string): Promise<unknown[]> {
    return this.dataSource.query(
      `SELECT i.id, i.employer_id AS "employerId", e.name AS "employerName", i.next_action AS "nextAction",
         i.next_action_on AS "nextActionOn"
       FROM employer_interaction i JOIN employer e ON e.id = i.employer_id
       WHERE i.author_id = $1 AND i.next_action_done_at IS NULL AND i.next_action_on <= $2
       ORDER BY i.next_action_on, i.id`,
      [actor.userId, until],
    );
  }

  async completeAction(actor: Actor, interactionId: string): Promise<void> {
    const updated: unknown[] = await updateReturning(
      this.dataSource,
      `UPDATE employer_interaction SET next_action_done_at = now()
       WHERE id = $1 AND author_id = $2 AND next_action_on IS NOT NULL AND next_action_done_at IS NULL RETURNING id`,
      [interactionId, actor.userId],
    );
    if (updated.length === 0)
      throw new DomainError('not_found', 'interaction.not_found', 'no open next action with this id');
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
    input: {
      title: string;
      romeCode?: string;
      tasks: string[];
      schedule?: string;
      conditions?: string;
      tools: string[];
      initialRequirements: string[];
      realRequirements: string[];
      negotiatedAway: string[];
      publicTransport?: string;
      contractType: string;
      workingTime: 'full_time' | 'part_time';
      analysedOn: string;
      publish: boolean;
    },
  ): Promise<{ id: string; offerId: string | null }> {
    const employer = await this.find(actor, employerId);
    await this.referential.load();
    if (input.romeCode && !this.referential.isKnownRomeCode(input.romeCode))
      throw new DomainError('bad_request', 'job_analysis.invalid', 'unknown ROME code', [
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
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO job_analysis (employer_id, title, rome_code, tasks, schedule, conditions, tools, initial_requirements,
         real_requirements, negotiated_away, public_transport, contract_type, working_time, offer_id, analysed_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        employerId,
        input.title,
        input.romeCode ?? null,
        input.tasks,
        input.schedule ?? null,
        input.conditions ?? null,
        input.tools,
        input.initialRequirements,
        input.realRequirements,
        input.negotiatedAway,
        input.publicTransport ?? null,
        input.contractType,
        input.workingTime,
        offerId,
        input.analysedOn,
        actor.userId,
      ],
    );
    return { id: rows[0].id, offerId };
  }
}
