import type { IndicatorValueResponse } from '../../api/types';
import { percent } from '../../ui/ui';

/** What each indicator means, in French (the English definitions are in libs/outcomes/src/domain/indicators.ts). */
export const TEXTS: Record<string, { short: string; definition: string; numerator?: string; denominator?: string }> = {
  return_to_activity: {
    short: 'Retour à l’activité',
    definition:
      'Personnes dont l’accompagnement s’est terminé sur la période (fin ou réorientation) et qui sont parties vers un emploi, une formation ou une création d’activité, ou qui ont commencé un emploi avant la fin de leur accompagnement. Dénominateur : les accompagnements terminés sur la période ; les accompagnements en cours ne sont pas comptés.',
    numerator: 'Personnes revenues à l’activité',
    denominator: 'Accompagnements terminés',
  },
  ...Object.fromEntries(
    ['1', '3', '6'].map((month) => [
      `rsa_exit_job_m${month}`,
      {
        short: `Sortie du RSA en emploi M+${month}`,
        definition: `Personnes dont l’accompagnement s’est terminé sur la période et dont le suivi M+${month} après la fin de l’accompagnement est arrivé à échéance, sorties du RSA à ce suivi tout en étant en emploi ce jour-là (un emploi enregistré couvrant la date, ou la réponse au suivi). Une sortie du RSA sans emploi ne compte pas ; un suivi pas encore renseigné compte au dénominateur seulement (« non renseignés »).`,
        numerator: 'Sorties du RSA en emploi',
        denominator: `Suivis M+${month} échus`,
      },
    ]),
  ),
  durable_jobs: {
    short: 'Emplois durables',
    definition:
      'Emplois commencés sur la période qui sont durables (un CDI, ou un contrat à durée limitée de six mois ou plus), sur l’ensemble des emplois commencés sur la période.',
    numerator: 'Emplois durables',
    denominator: 'Emplois commencés',
  },
  cv_on_platform: {
    short: 'CV déposé (prêts à l’emploi)',
    definition:
      'Personnes prêtes à l’emploi suivies sur la période dont le CV était déposé sur une plateforme régionale à la fin de la période (ou de leur accompagnement). Prête à l’emploi : en accompagnement, sans frein ouvert ce jour-là.',
    numerator: 'CV déposés',
    denominator: 'Personnes prêtes à l’emploi',
  },
  days_to_first_introduction: {
    short: 'Délai 1re mise en relation',
    definition:
      'Nombre médian de jours entre l’orientation et la première mise en relation, pour les personnes dont la première mise en relation a eu lieu sur la période (le dénominateur).',
    denominator: 'Personnes mises en relation pour la première fois',
  },
  days_to_hire: {
    short: 'Délai d’embauche',
    definition:
      'Nombre médian de jours entre l’orientation et le début du premier emploi, pour les personnes dont le premier emploi a commencé sur la période (le dénominateur).',
    denominator: 'Personnes embauchées pour la première fois',
  },
  introductions_per_person: {
    short: 'Mises en relation par personne',
    definition:
      'Mises en relation faites sur la période, divisées par le nombre de personnes suivies à un moment de la période.',
    numerator: 'Mises en relation',
    denominator: 'Personnes suivies',
  },
  employer_response_rate: {
    short: 'Réponse des employeurs',
    definition:
      'Mises en relation dont la première fiche candidat a été envoyée sur la période et auxquelles l’employeur a répondu (quelle que soit la réponse), sur les mises en relation dont la première fiche a été envoyée sur la période.',
    numerator: 'Réponses reçues',
    denominator: 'Fiches envoyées',
  },
  employer_response_hours: {
    short: 'Délai de réponse employeur',
    definition:
      'Nombre médian d’heures entre l’envoi de la première fiche candidat et la première réponse de l’employeur, pour les mises en relation ayant reçu une réponse sur la période (le dénominateur).',
    denominator: 'Mises en relation avec réponse',
  },
  offers_captured: {
    short: 'Offres captées',
    definition: 'Offres créées à partir d’une analyse de poste (source médiation) sur la période.',
    numerator: 'Offres captées',
  },
  contact_rhythm_at_target: {
    short: 'Au rythme de contact',
    definition:
      'Personnes suivies le dernier jour de la période dont la structure a un rythme de contact (le sien ou celui de sa structure parente), qui avaient eu ce jour-là au moins les contacts attendus sur la période du rythme (en proportion pour une personne orientée depuis moins longtemps).',
    numerator: 'Personnes au rythme',
    denominator: 'Personnes suivies sous un rythme',
  },
  no_show_rate: {
    short: 'Absences aux rendez-vous',
    definition:
      'Participations à des rendez-vous et ateliers (non annulés) ayant commencé sur la période, notées absentes sans excuse, sur les participations de la période dont la présence a été notée (présent·e, absent·e ou excusé·e). Une participation à un rendez-vous commencé sans présence notée ne compte ni au numérateur ni au dénominateur (« non renseignés »).',
    numerator: 'Absences non excusées',
    denominator: 'Présences notées',
  },
};

export const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const RATIO = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** An indicator's value in its unit (a rate, days, hours, a ratio, a count). */
export function formatValue(indicator: IndicatorValueResponse): string {
  const { value } = indicator;
  if (value === null) return '—';
  switch (indicator.unit) {
    case 'rate':
      return percent(value);
    case 'days':
      return `${NUMBER.format(value)} jour${value >= 2 ? 's' : ''}`;
    case 'hours':
      return `${NUMBER.format(value)} h`;
    case 'ratio':
      return RATIO.format(value);
    default:
      return NUMBER.format(value);
  }
}
