import { Injectable } from '@nestjs/common';
import type { Actor } from '@passerelle/identity';
import { PostOffer } from '@passerelle/offers';
import { foldText, ReferentialIndex } from '@passerelle/referential';
import { MEDIATION_SOURCE } from '../domain/employer.js';
import { mediationError } from '../domain/mediation-errors.js';
import { requirementSkills } from '../domain/requirement-skills.js';
import type { EmployerView, NewJobAnalysis } from './ports/employer-store.js';

/**
 * What a job analysis becomes when it is published: an offer (source `mediation`, an *offre
 * captée*) that flows into the index like any other. Shared by the analysis made at the workplace
 * and the one qualified from an employer's need.
 */
@Injectable()
export class JobAnalysisOffers {
  constructor(
    private readonly referential: ReferentialIndex,
    private readonly postOffer: PostOffer,
  ) {}

  /** Refuses an unknown ROME code (400 naming the field). */
  async check(input: NewJobAnalysis): Promise<void> {
    await this.referential.load();
    if (input.romeCode && !this.referential.isKnownRomeCode(input.romeCode))
      throw mediationError('job_analysis.invalid', 'unknown ROME code', [
        { field: 'romeCode', reason: 'unknown ROME code' },
      ]);
  }

  /** Posts the analysis as an offer of the employer's; returns the offer's id. */
  async publish(actor: Actor, employer: EmployerView, input: NewJobAnalysis): Promise<string> {
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
    return offer.id;
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
