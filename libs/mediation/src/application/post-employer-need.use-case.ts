import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisToday, RecordNotification } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import { isValidSiret } from '@passerelle/offers';
import { ReferentialIndex } from '@passerelle/referential';
import {
  draftAnalysisOf,
  type NeedFields,
  type NeedForm,
  type NeedProblem,
  needReceivedMessage,
  readNeedForm,
} from '../domain/employer-need.js';
import { NeedLinkStates, type NeedLinkState } from './need-link-state.js';
import { EmployerNeedStore, type NeedLinkRow } from './ports/employer-need-store.js';
import { EmployerStore } from './ports/employer-store.js';

export type PostedNeed =
  | Exclude<NeedLinkState, { kind: 'open' }>
  /** Not taken: the form comes back with what was sent and why (nothing is recorded). */
  | { readonly kind: 'invalid'; readonly link: NeedLinkRow; readonly problems: NeedProblem[] }
  | { readonly kind: 'received'; readonly needId: string; readonly jobTitle: string; readonly receivedAt: Date };

/**
 * An employer posts a recruitment need through a link: read in plain words, it arrives as a draft
 * job analysis of the employer's for the mediator to qualify, with the 48-hour clock started at its
 * receipt, and the mediator who made the link is told. The public form of a structure names the
 * employer by SIRET (checksum verified): one of the structure's employers, or a new one registered
 * in the commune of the place of work.
 */
@Injectable()
export class PostEmployerNeed {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: NeedLinkStates,
    private readonly clock: Clock,
    private readonly referential: ReferentialIndex,
    private readonly employers: EmployerStore,
    private readonly needs: EmployerNeedStore,
    private readonly notifications: RecordNotification,
  ) {}

  async execute(token: string, form: NeedForm): Promise<PostedNeed> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.states.of(token, manager);
      if (state.kind !== 'open') return state;
      const { link } = state;
      const now = this.clock.now();
      const { fields, problems } = readNeedForm(form, { publicForm: !link.employerId, today: parisToday(now) });
      if (fields.siret && /^\d{14}$/.test(fields.siret) && !isValidSiret(fields.siret))
        problems.push({
          field: 'siret',
          reason: 'not a valid SIRET (14 digits, checksum)',
          message: 'Ce numéro SIRET n’est pas valable : vérifiez les 14 chiffres.',
        });
      let employer: { id: string; name: string } | null = link.employerId
        ? { id: link.employerId, name: link.employerName! }
        : null;
      let commune: { inseeCode: string; name: string } | null = null;
      if (!employer && fields.siret && problems.every((problem) => problem.field !== 'siret')) {
        employer = await this.needs.employerBySiret(manager, link.structureId, fields.siret);
        if (!employer && fields.place) {
          commune = await this.communeOf(fields.place);
          if (!commune)
            problems.push({
              field: 'place',
              reason: 'no commune matches this place',
              message: 'Indiquez la commune ou le code postal du lieu de travail.',
            });
        }
      }
      if (problems.length > 0) return { kind: 'invalid', link, problems };
      const employerId =
        employer?.id ??
        (await this.employers.register(manager, {
          structureId: link.structureId,
          siret: fields.siret,
          name: fields.companyName!,
          commune: commune!,
          createdBy: link.createdBy,
        }));
      const employerName = employer?.name ?? fields.companyName!;
      const needId = await this.needs.receive(manager, {
        linkId: link.id,
        structureId: link.structureId,
        employerId,
        fields,
        draft: { ...draftAnalysisOf(fields), analysedOn: parisToday(now) },
        receivedAt: now,
        createdBy: link.createdBy,
      });
      await this.notifications.execute(
        [
          {
            userId: link.createdBy,
            kind: 'employer_need',
            subjectType: 'employer_need',
            subjectId: needId,
            message: needReceivedMessage(employerName, fields.jobTitle),
          },
        ],
        { manager },
      );
      return { kind: 'received', needId, jobTitle: fields.jobTitle, receivedAt: now };
    });
  }

  /** The commune a place names: a postal code, else the text as a commune's name. */
  private async communeOf(place: NeedFields['place']): Promise<{ inseeCode: string; name: string } | null> {
    await this.referential.load();
    const postalCode = /\b\d{5}\b/.exec(place)?.[0];
    const lastPart = place.split(',').at(-1)?.trim();
    const resolved =
      this.referential.resolveCommune({ name: place }) ??
      (postalCode ? this.referential.resolveCommune({ postalCode }) : null) ??
      (lastPart ? this.referential.resolveCommune({ name: lastPart }) : null);
    return resolved ? { inseeCode: resolved.inseeCode, name: resolved.name } : null;
  }
}
