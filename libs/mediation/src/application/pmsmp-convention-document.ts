import { frenchDate, PdfDocument } from '@passerelle/core';
import { PMSMP_OBJECTIVE_LABELS, type PmsmpSignatures, type PmsmpTerms } from '../domain/pmsmp-convention.js';
import type { PmsmpParties } from './ports/pmsmp-convention-store.js';

function hours(value: number): string {
  return `${String(value).replace('.', ',')} heures par semaine`;
}

/**
 * The convention as a PDF for its three parties. It goes to the employer, so it says nothing of the
 * person's situation or welfare status: who they are, what they will do, where, when and with whom.
 */
export function pmsmpConventionPdf(
  convention: { readonly terms: PmsmpTerms; readonly parties: PmsmpParties; readonly signatures: PmsmpSignatures },
  options: { readonly compress?: boolean } = {},
): Promise<Buffer> {
  const { parties, signatures } = convention;
  const terms = convention.terms;
  const tutor = [terms.tutorName, terms.tutorRole].filter(Boolean).join(', ');
  const tutorContact = [terms.tutorPhone, terms.tutorEmail].filter(Boolean).join(' · ');
  const doc = new PdfDocument({
    title: 'Convention de période de mise en situation en milieu professionnel (PMSMP)',
    subtitle: `Du ${frenchDate(terms.startDate)} au ${frenchDate(terms.endDate)} · ${parties.employerName}`,
    footer: `Convention PMSMP · ${parties.personName} · ${parties.employerName}`,
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  });
  doc
    .paragraph(
      'La période de mise en situation en milieu professionnel permet à la personne de découvrir un métier, ' +
        'de confirmer un projet professionnel ou d’initier une démarche de recrutement (articles L. 5135-1 ' +
        'et suivants du code du travail). La personne garde son statut pendant la période ; elle n’est pas ' +
        'rémunérée par la structure d’accueil.',
    )
    .section('La personne accueillie')
    .rows([['Nom et prénom', parties.personName]])
    .section('La structure d’accueil (employeur)')
    .rows([
      ['Raison sociale', parties.employerName],
      ['SIRET', parties.employerSiret],
      ['Commune', parties.employerCommune],
      ['Tuteur ou tutrice', tutor],
      ['Contact du tuteur', tutorContact],
    ])
    .section('La structure prescriptrice')
    .rows([['Structure', parties.structureName]])
    .section('La période')
    .rows([
      ['Objectif', PMSMP_OBJECTIVE_LABELS[terms.objective]],
      ['Poste', parties.jobTitle],
      ['Dates', `du ${frenchDate(terms.startDate)} au ${frenchDate(terms.endDate)} inclus`],
      ['Durée hebdomadaire', hours(terms.weeklyHours)],
      ['Horaires', terms.schedule],
      ['Lieu', terms.workplace],
    ])
    .section('Activités confiées')
    .list(terms.tasks, 'Aucune activité indiquée.')
    .section('Compétences à observer')
    .list(terms.skillsToObserve, 'À définir avec le tuteur ou la tutrice.')
    .section('Signatures')
    .paragraph('Les trois parties signent la convention avant le début de la période.')
    .signatures([
      { party: 'La personne accueillie', name: parties.personName, signedOn: signatures.person },
      { party: 'La structure d’accueil', name: parties.employerName, signedOn: signatures.employer },
      { party: 'La structure prescriptrice', name: parties.structureName, signedOn: signatures.prescriber },
    ]);
  return doc.render();
}
