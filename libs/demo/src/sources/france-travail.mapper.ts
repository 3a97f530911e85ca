import type { DemoOffer } from '../generator/demo-offer.js';
import { hash32 } from '../generator/prng.js';

/**
 * The "Offre" object of France Travail's Offres d'emploi v2 API (shared/data/francetravail/
 * openapi_offres_emploi_v2.json), limited to the fields the demo fills. Field names and casing are
 * the official ones, `appellationlibelle` included. The official Entreprise object has no SIRET, so
 * neither has this one: only the HTML boards show SIRETs.
 */
export interface FranceTravailOffre {
  id: string;
  intitule: string;
  description: string;
  dateCreation: string;
  dateActualisation: string;
  lieuTravail: { libelle: string; latitude?: number; longitude?: number; codePostal?: string; commune?: string };
  romeCode: string;
  romeLibelle: string;
  appellationlibelle: string;
  entreprise: { nom?: string; description?: string; entrepriseAdaptee: boolean };
  typeContrat: string;
  typeContratLibelle: string;
  natureContrat: string;
  experienceExige: string;
  experienceLibelle: string;
  permis?: { libelle: string; exigence: string }[];
  competences: { code: string; libelle: string; exigence: string }[];
  salaire: { libelle?: string; commentaire?: string; complement1?: string };
  dureeTravailLibelle: string;
  dureeTravailLibelleConverti: string;
  alternance: boolean;
  contact: { nom?: string; courriel: string };
  nombrePostes: number;
  accessibleTH: boolean;
  qualificationCode: string;
  qualificationLibelle: string;
  codeNAF: string;
  secteurActivite: string;
  secteurActiviteLibelle: string;
  qualitesProfessionnelles: { libelle: string; description: string }[];
  trancheEffectifEtab: string;
  origineOffre: { origine: string; urlOrigine: string; partenaires?: { nom: string; url: string }[] };
  offresManqueCandidats: boolean;
  contexteTravail: { horaires: string[] };
  entrepriseAdaptee: boolean;
  employeurHandiEngage: boolean;
}

const QUALIFICATIONS: Readonly<Record<string, string>> = {
  '1': 'Manœuvre',
  '2': 'Ouvrier spécialisé',
  '3': 'Ouvrier qualifié (P1,P2)',
  '4': 'Ouvrier qualifié (P3,P4,OHQ)',
  '5': 'Employé non qualifié',
  '6': 'Employé qualifié',
  '7': 'Technicien',
  '8': 'Agent de maîtrise',
  '9': 'Cadre',
};

const PARTNER_NAMES = { nordemploi: 'NORDEMPLOI', 'job-connexion': 'JOBCONNEXION' } as const;

const DEPARTEMENT_NAMES: Readonly<Record<string, string>> = {
  '59': 'Nord',
  '62': 'Pas-de-Calais',
  '67': 'Bas-Rhin',
  '68': 'Haut-Rhin',
};

/**
 * Like the real API, a few offers say only their département (`62 - Pas-de-Calais`, about 1 in
 * 25 here) or only `France` (1 in 40; 505 of 4,411 real offers do), chosen from the offer's id so
 * the catalogue stays deterministic.
 */
function lieuTravail(offer: DemoOffer): FranceTravailOffre['lieuTravail'] {
  const { commune } = offer;
  let sum = 0;
  for (const char of offer.id) sum += char.charCodeAt(0);
  const departementName = DEPARTEMENT_NAMES[commune.departement];
  // An offer posted on another platform too keeps its commune (the duplicate rule compares places).
  const original = !offer.duplicateOf && offer.alsoOn.length === 0;
  if (original && sum % 40 === 1) return { libelle: 'France' };
  if (original && sum % 25 === 0 && departementName) return { libelle: `${commune.departement} - ${departementName}` };
  return {
    libelle: `${commune.departement} - ${commune.name.toUpperCase()}`,
    latitude: commune.latitude,
    longitude: commune.longitude,
    codePostal: commune.postalCode,
    commune: commune.inseeCode,
  };
}

export const franceTravailPublicUrl = (id: string): string =>
  `https://candidat.francetravail.fr/offres/recherche/detail/${id}`;

/**
 * @param partnerUrl for a copy of a board's offer, the URL of the original on that board: France
 * Travail publishes partner offers with their origin, as `origineOffre.urlOrigine`.
 */
export function franceTravailOffre(offer: DemoOffer, partnerUrl?: string): FranceTravailOffre {
  const { employer, contract, salary } = offer;
  const publicUrl = franceTravailPublicUrl(offer.id);
  const partner =
    offer.duplicateOf && offer.duplicateOf.platform !== 'france-travail' ? offer.duplicateOf.platform : undefined;
  const origineOffre: FranceTravailOffre['origineOffre'] =
    partner && partnerUrl
      ? { origine: '2', urlOrigine: partnerUrl, partenaires: [{ nom: PARTNER_NAMES[partner], url: partnerUrl }] }
      : { origine: '1', urlOrigine: publicUrl };
  const privateEmployer = employer.name === 'Particulier employeur';
  return {
    id: offer.id,
    intitule: offer.title,
    description: offer.description,
    dateCreation: offer.publishedAt,
    dateActualisation: offer.updatedAt,
    lieuTravail: lieuTravail(offer),
    romeCode: offer.romeCode,
    romeLibelle: offer.romeLabel,
    appellationlibelle: offer.appellationLabel,
    // France Travail hides private employers' names.
    entreprise: privateEmployer
      ? { entrepriseAdaptee: false }
      : { nom: employer.name, description: employer.description, entrepriseAdaptee: false },
    typeContrat: contract.type,
    typeContratLibelle: contract.label,
    natureContrat: contract.apprenticeship ? 'Contrat apprentissage' : 'Contrat travail',
    experienceExige: offer.experience.requirement,
    experienceLibelle: offer.experience.label,
    ...(offer.drivingLicence
      ? { permis: [{ libelle: offer.drivingLicence.label, exigence: offer.drivingLicence.required ? 'E' : 'S' }] }
      : {}),
    competences: offer.skills.map((skill) => ({
      code: skill.code,
      libelle: skill.label,
      exigence: skill.required ? 'E' : 'S',
    })),
    salaire: !salary
      ? {}
      : salary.period === 'none'
        ? { commentaire: salary.text }
        : { libelle: salary.text, ...(salary.monthsPerYear === 13 ? { complement1: '13ème mois' } : {}) },
    dureeTravailLibelle: offer.workingTime.label,
    dureeTravailLibelleConverti: offer.workingTime.fullTime ? 'Temps plein' : 'Temps partiel',
    alternance: contract.apprenticeship,
    contact: {
      ...(privateEmployer ? {} : { nom: employer.name }),
      courriel: `Pour postuler, utiliser le lien suivant : ${publicUrl}`,
    },
    nombrePostes: offer.positions,
    accessibleTH: false,
    qualificationCode: offer.qualificationCode,
    qualificationLibelle: QUALIFICATIONS[offer.qualificationCode] ?? '',
    codeNAF: employer.nafCode,
    secteurActivite: employer.nafCode.slice(0, 2),
    secteurActiviteLibelle: employer.nafLabel,
    qualitesProfessionnelles: offer.qualities.map((quality) => ({
      libelle: quality.label,
      description: quality.description,
    })),
    trancheEffectifEtab: employer.sizeLabel,
    origineOffre,
    offresManqueCandidats: hash32('shortage', offer.romeCode) % 3 === 0,
    contexteTravail: { horaires: [offer.workingTime.schedule] },
    entrepriseAdaptee: false,
    employeurHandiEngage: false,
  };
}
