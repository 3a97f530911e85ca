import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { frenchDate, PdfDocument } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { coachingError } from '../domain/coaching-errors.js';
import type { CerOutcome } from '../domain/coaching.js';
import type { ObjectiveStatus } from '../domain/objective.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { type CerView, CerStore } from './ports/cer-store.js';
import { ObjectiveStore, type ObjectiveView } from './ports/objective-store.js';

const OUTCOMES: Readonly<Record<CerOutcome, string>> = {
  renewed: 'renouvelé',
  exit_job: 'terminé : vous avez trouvé un emploi',
  exit_training: 'terminé : vous êtes entré·e en formation',
  exit_other: 'terminé',
  reoriented: 'terminé : votre accompagnement continue ailleurs',
};

const OBJECTIVE_STATUSES: Readonly<Record<ObjectiveStatus, string>> = {
  planned: 'à commencer',
  in_progress: 'en cours',
  achieved: 'atteint',
  abandoned: 'abandonné',
};

/** What the person's CER document says: who, the contract, and the objectives that carry it out. */
export interface CerForThePerson {
  readonly personName: string;
  readonly referentName: string | null;
  readonly cer: CerView;
  /** The person's objectives tied to this CER (others are not part of it). */
  readonly objectives: readonly ObjectiveView[];
}

function objectiveLine(objective: ObjectiveView): string {
  const due = objective.dueOn ? `, pour le ${frenchDate(objective.dueOn)}` : '';
  return `${objective.title} (${OBJECTIVE_STATUSES[objective.status]}${due})`;
}

function stepLine(step: ObjectiveView['steps'][number]): string {
  if (step.doneOn) return `fait le ${frenchDate(step.doneOn)} : ${step.label}`;
  return step.dueOn ? `à faire avant le ${frenchDate(step.dueOn)} : ${step.label}` : `à faire : ${step.label}`;
}

/**
 * A CER as a PDF the person keeps (rdv-insertion's users asked for it): the coach downloads it from
 * the file; `PrintCer.forThePerson` renders it for any caller that has already checked access (the
 * person's own space). Plain French, addressed to the person; no barrier, health note or journal.
 */
@Injectable()
export class PrintCer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly cers: CerStore,
    private readonly objectives: ObjectiveStore,
  ) {}

  async execute(actor: Actor, id: string, cerId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const manager = this.dataSource.manager;
    const row = await this.access.open(actor, 'beneficiaries.read', id, {
      action: 'export',
      details: { part: 'cer_pdf', cerId },
    });
    const cer = (await this.cers.list(manager, id)).find((candidate) => candidate.id === cerId);
    if (!cer) throw coachingError('cer.not_found', 'no such CER on this file');
    const objectives = (await this.objectives.list(manager, id)).filter((objective) => objective.cerId === cerId);
    const pdf = await PrintCer.forThePerson({
      personName: [row.first_name, row.last_name].filter(Boolean).join(' '),
      referentName: await this.beneficiaries.referentName(manager, row.referent_user_id),
      cer,
      objectives,
    });
    return { fileName: `contrat-engagements-${cer.startDate}.pdf`, pdf };
  }

  static forThePerson(document: CerForThePerson, options: { readonly compress?: boolean } = {}): Promise<Buffer> {
    const { cer } = document;
    const status = cer.outcome ? `${OUTCOMES[cer.outcome]} le ${frenchDate(cer.outcomeOn ?? cer.endDate)}` : 'en cours';
    const pdf = new PdfDocument({
      title: 'Mon contrat d’engagements réciproques (CER)',
      subtitle: `Du ${frenchDate(cer.startDate)} au ${frenchDate(cer.endDate)} · ${document.personName}`,
      footer: `Contrat d’engagements réciproques de ${document.personName}`,
      ...(options.compress === undefined ? {} : { compress: options.compress }),
    });
    pdf
      .paragraph(
        'Ce contrat dit ce que vous allez faire pour retrouver un emploi, et ce que votre conseiller·ère ' +
          'fait pour vous aider. Vous l’avez signé ensemble. Ce document est à vous : gardez-le.',
      )
      .section('Le contrat')
      .rows([
        ['Vos nom et prénom', document.personName],
        ['Votre conseiller·ère', document.referentName],
        ['Signé le', frenchDate(cer.signedOn)],
        ['Début', frenchDate(cer.startDate)],
        ['Fin', frenchDate(cer.endDate)],
        ['Durée', `${cer.durationMonths} mois`],
        ['Où en est-il', status],
      ])
      .section('Ce que vous vous engagez à faire')
      .list(cer.beneficiaryCommitments, 'Aucun engagement écrit.')
      .section('Ce que votre conseiller·ère s’engage à faire')
      .list(cer.serviceCommitments, 'Aucun engagement écrit.')
      .section('Vos objectifs');
    if (document.objectives.length === 0) pdf.list([], 'Aucun objectif n’est encore rattaché à ce contrat.');
    for (const objective of document.objectives) {
      pdf.paragraph(objectiveLine(objective));
      if (objective.steps.length > 0) pdf.list(objective.steps.map(stepLine), '');
    }
    pdf
      .section('Signatures')
      .signatures([
        { party: 'Vous', name: document.personName, signedOn: cer.signedOn },
        { party: 'Votre conseiller·ère', name: document.referentName ?? '', signedOn: cer.signedOn },
      ])
      .paragraph(
        'Une question sur ce contrat ? Parlez-en à votre conseiller·ère. Vous pouvez aussi demander à voir ' +
          'les informations que le service garde sur vous.',
      );
    return pdf.render();
  }
}
