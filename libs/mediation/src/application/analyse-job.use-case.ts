import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { PostOffer } from '@passerelle/offers';
import { foldText, ReferentialIndex } from '@passerelle/referential';
import { MEDIATION_SOURCE } from '../domain/employer.js';
import { mediationError } from '../domain/mediation-errors.js';
import { requirementSkills } from '../domain/requirement-skills.js';
import { EmployerAccess } from './employer-access.js';
import { EmployerStore, type NewJobAnalysis } from './ports/employer-store.js';

/**
 * A job analysed at the workplace: what the job really requires against what was first asked.
 * With `publish`, it becomes an offer (source `mediation`, an *offre captée*) that flows into the
 * index like any other.
 */
@Injectable()
export class AnalyseJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly referential: ReferentialIndex,
    private readonly postOffer: PostOffer,
    private readonly employers: EmployerStore,
  ) {}

  async execute(
    actor: Actor,
    employerId: string,
    input: NewJobAnalysis & { publish: boolean },
  ): Promise<{ id: string; offerId: string | null }> {
    const employer = await this.access.open(actor, employerId);
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
}
