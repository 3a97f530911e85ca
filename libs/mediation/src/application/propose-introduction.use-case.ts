import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BeneficiaryAccess } from '@passerelle/coaching';
import { type Actor, scopeFor } from '@passerelle/identity';
import { isValidSiret } from '@passerelle/offers';
import { ReferentialIndex } from '@passerelle/referential';
import { employerNameKey, matchEmployer } from '../domain/employer-name.js';
import { EmployerStore } from './ports/employer-store.js';
import { type IntroductionView, IntroductionStore, type OfferForIntroduction } from './ports/introduction-store.js';
import { mediationError } from '../domain/mediation-errors.js';

/** An employer named on the spot: matched among the structure's employers, or registered. */
export interface NamedEmployer {
  readonly name: string;
  readonly siret?: string;
  /** Where the employer is, when the offer does not say (its code or name). */
  readonly commune?: { readonly inseeCode?: string; readonly postalCode?: string; readonly name?: string };
}

export interface IntroductionProposal {
  readonly beneficiaryId: string;
  readonly offerId?: string;
  readonly employerId?: string;
  readonly employer?: NamedEmployer;
}

/**
 * The referent coach proposes the person for an offer or an employer (a mise en relation). The
 * employer is, in order: the one picked (`employerId`), the one named on the spot (`employer`), the
 * job analysis's for a captured offer, or the one the offer names (its SIRET, else its name). A
 * named employer is looked for among the employers of the person's structure and those above it
 * (SIRET, then the name without accents, case or legal form) and created in the person's structure
 * from the offer when new.
 */
@Injectable()
export class ProposeIntroduction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly introductions: IntroductionStore,
    private readonly employers: EmployerStore,
    private readonly referential: ReferentialIndex,
  ) {}

  async execute(actor: Actor, input: IntroductionProposal): Promise<IntroductionView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.beneficiaries.open(
        actor,
        'beneficiaries.write',
        input.beneficiaryId,
        { action: 'share', details: { part: 'introduction' } },
        manager,
      );
      let employerId = input.employerId ?? null;
      let offer: OfferForIntroduction | null = null;
      if (input.offerId) {
        offer = await this.introductions.offer(manager, input.offerId);
        if (!offer || offer.status !== 'open')
          throw mediationError('introduction.unknown_offer', 'no open offer with this id', [
            { field: 'offerId', reason: 'no open offer has this id' },
          ]);
      }
      const place = offer?.communeInsee ? { inseeCode: offer.communeInsee, name: offer.communeName! } : null;
      if (!employerId && input.employer)
        employerId = await this.employerNamed(manager, actor, person.structure_id, input.employer, place, 'employer');
      employerId ??= offer?.analysisEmployerId ?? null;
      if (!employerId && offer?.employerName?.trim())
        employerId = await this.employerNamed(
          manager,
          actor,
          person.structure_id,
          {
            name: offer.employerName,
            // A SIRET that fails its checksum names no establishment: the name alone then decides.
            ...(offer.employerSiret && isValidSiret(offer.employerSiret) ? { siret: offer.employerSiret } : {}),
          },
          place,
          'employer',
        );
      if (!employerId)
        throw mediationError('introduction.no_employer', 'name the employer (this offer has none on file)', [
          { field: 'employer', reason: 'the offer names no employer: pick one (employerId) or name it (employer)' },
        ]);
      // The employer belongs to the person's structure or one above it (the département's platform):
      // the introduction then belongs to the employer's structure, whose mediators follow it.
      const structureId = await this.employers.structureWithin(manager, employerId, person.structure_id);
      if (!structureId)
        throw mediationError('introduction.unknown_employer', 'no such employer for the person’s structure', [
          { field: 'employerId', reason: 'not an employer of this structure or those above it' },
        ]);
      const id = await this.introductions.insert(manager, {
        beneficiaryId: person.id,
        employerId,
        offerId: input.offerId ?? null,
        structureId,
        createdBy: actor.userId,
      });
      if (!id)
        throw mediationError('introduction.exists', 'this person is already introduced for this offer', [
          { field: 'offerId', reason: 'an introduction is under way' },
        ]);
      await this.introductions.record(manager, id, 'transition', null, 'proposed', actor);
      return this.introductions.view(manager, id);
    });
  }

  /**
   * The employer a name (and SIRET) designates among those of the structure and the ones above it,
   * nearest structure first; created in the structure when none matches (its commune: the one
   * given, else the offer's). Creating one takes the right to manage employers.
   */
  private async employerNamed(
    manager: EntityManager,
    actor: Actor,
    structureId: string,
    wanted: NamedEmployer,
    offerPlace: { inseeCode: string; name: string } | null,
    field: string,
  ): Promise<string> {
    if (!employerNameKey(wanted.name))
      throw mediationError('introduction.invalid_employer', 'the employer’s name says nothing', [
        { field: `${field}.name`, reason: 'give the employer’s name' },
      ]);
    if (wanted.siret && !isValidSiret(wanted.siret))
      throw mediationError('introduction.invalid_employer', 'not a valid SIRET', [
        { field: `${field}.siret`, reason: 'not a valid SIRET (14 digits, checksum)' },
      ]);
    const found = matchEmployer(await this.employers.knownFrom(manager, structureId), wanted);
    if (found) return found.id;
    if (scopeFor(actor.roles, 'employers.manage') === null)
      throw mediationError('introduction.employer_unknown', 'this employer is not registered yet', [
        { field, reason: 'no employer of the structure has this name or SIRET' },
      ]);
    let commune = offerPlace;
    if (wanted.commune) {
      await this.referential.load();
      const resolved = this.referential.resolveCommune(wanted.commune);
      if (!resolved)
        throw mediationError('introduction.invalid_employer', 'no commune matches', [
          { field: `${field}.commune`, reason: 'no commune matches this code or name' },
        ]);
      commune = { inseeCode: resolved.inseeCode, name: resolved.name };
    }
    if (!commune)
      throw mediationError('introduction.employer_commune_required', 'the employer’s commune is needed', [
        { field: `${field}.commune`, reason: 'the offer names no commune: give the employer’s' },
      ]);
    return this.employers.register(manager, {
      structureId,
      siret: wanted.siret ?? null,
      name: wanted.name.trim(),
      commune,
      createdBy: actor.userId,
    });
  }
}
