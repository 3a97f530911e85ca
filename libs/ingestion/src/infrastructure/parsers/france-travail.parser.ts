import type { RawOffer } from '../../domain/site-description.js';
import type { ParseResult } from './site-description.parser.js';

/** The part of an "Offres d'emploi v2" offer Passerelle reads (field names as France Travail spells them). */
export interface FranceTravailOffer {
  id?: string;
  intitule?: string;
  description?: string;
  dateCreation?: string;
  dateActualisation?: string;
  lieuTravail?: { libelle?: string; latitude?: number; longitude?: number; codePostal?: string; commune?: string };
  romeCode?: string;
  romeLibelle?: string;
  appellationlibelle?: string;
  entreprise?: { nom?: string; siret?: string };
  typeContrat?: string;
  typeContratLibelle?: string;
  natureContrat?: string;
  experienceExige?: string;
  experienceLibelle?: string;
  competences?: Array<{ code?: string; libelle?: string; exigence?: string }>;
  qualitesProfessionnelles?: Array<{ libelle?: string; description?: string }>;
  salaire?: { libelle?: string; commentaire?: string };
  dureeTravailLibelle?: string;
  dureeTravailLibelleConverti?: string;
  permis?: Array<{ libelle?: string; exigence?: string }>;
  formations?: Array<{ niveauLibelle?: string; domaineLibelle?: string; exigence?: string }>;
  origineOffre?: { urlOrigine?: string };
  [key: string]: unknown;
}

const CONTRACT_CODES: Record<string, string> = {
  CDI: 'CDI',
  CDD: 'CDD',
  MIS: 'Intérim',
  SAI: 'Saisonnier',
  LIB: 'Profession libérale',
  FRA: 'Franchise',
  CCE: 'Profession commerciale',
  DIN: 'CDI intérimaire',
  DDI: 'CDD insertion',
  TTI: 'Travail temporaire insertion',
};

/** One France Travail offer (JSON) → the raw fields normalisation reads. */
export function parseFranceTravailOffer(offer: FranceTravailOffer): ParseResult {
  if (!offer.id) return { ok: false, field: 'id', reason: 'missing' };
  if (!offer.intitule?.trim()) return { ok: false, field: 'title', reason: 'missing (intitule)', externalId: offer.id };
  const lieu = offer.lieuTravail ?? {};
  const alternance = /apprentissage|professionnalisation/i.test(offer.natureContrat ?? '');
  const fields: RawOffer['fields'] = {
    url: offer.origineOffre?.urlOrigine,
    title: offer.intitule,
    description: offer.description,
    employerName: offer.entreprise?.nom,
    employerSiret: offer.entreprise?.siret,
    location: lieu.libelle,
    postalCode: lieu.codePostal,
    inseeCode: lieu.commune,
    latitude: lieu.latitude === undefined ? undefined : String(lieu.latitude),
    longitude: lieu.longitude === undefined ? undefined : String(lieu.longitude),
    contractType: alternance ? offer.natureContrat : (CONTRACT_CODES[offer.typeContrat ?? ''] ?? offer.typeContrat),
    contractDuration: offer.typeContratLibelle,
    workingTime: offer.dureeTravailLibelleConverti,
    weeklyHours: offer.dureeTravailLibelle,
    salary: offer.salaire?.libelle ?? offer.salaire?.commentaire,
    romeCode: offer.romeCode,
    appellation: offer.appellationlibelle,
    skills: (offer.competences ?? []).map((skill) => skill.libelle ?? '').filter(Boolean),
    qualities: (offer.qualitesProfessionnelles ?? []).map((quality) => quality.libelle ?? '').filter(Boolean),
    drivingLicence: (offer.permis ?? []).map((permit) => permit.libelle ?? '').join('\n') || undefined,
    requirements: (offer.formations ?? [])
      .filter((training) => training.exigence === 'E')
      .map((training) => [training.niveauLibelle, training.domaineLibelle].filter(Boolean).join(' ')),
    experience: offer.experienceExige === 'D' ? 'Débutant accepté' : offer.experienceLibelle,
    publishedAt: offer.dateCreation,
    updatedAt: offer.dateActualisation,
  };
  return { ok: true, raw: { externalId: offer.id, fields } };
}
