import type { DemoSector } from './demo-job.js';

/**
 * Fictitious employers, plausible for each sector and region. `{commune}` is replaced by the offer's
 * commune, so public employers read "Ville de Lens". NAF codes and labels are real (INSEE NAF rév. 2).
 */
export interface DemoSectorProfile {
  readonly nafCode: string;
  readonly nafLabel: string;
  /** With its article, completes "X, …, recrute": who the employer is. */
  readonly blurb: string;
  /** Completes "… pour …": where the job is. */
  readonly workplace: string;
  readonly sizes: readonly string[];
  readonly employers: { readonly nord: readonly string[]; readonly alsace: readonly string[] };
}

export const DEMO_SECTORS: Readonly<Record<DemoSector, DemoSectorProfile>> = {
  proprete: {
    nafCode: '81.21Z',
    nafLabel: 'Nettoyage courant des bâtiments',
    blurb: 'une entreprise de propreté implantée dans la région depuis plus de vingt ans',
    workplace: 'ses sites clients de {commune} et des environs',
    sizes: ['20 à 49 salariés', '50 à 99 salariés', '100 à 199 salariés'],
    employers: {
      nord: [
        'Propreté du Hainaut',
        'Net Flandres Services',
        "Clean'Artois",
        'Hygiène et Services Métropole',
        'Lys Propreté',
      ],
      alsace: [
        'Nettoyage Rhénan',
        'Alsace Propreté Services',
        "Net'Ill",
        'Propreté du Kochersberg',
        'Hygiène Plus Sundgau',
      ],
    },
  },
  ehpad: {
    nafCode: '87.10A',
    nafLabel: 'Hébergement médicalisé pour personnes âgées',
    blurb: 'un établissement d’hébergement pour personnes âgées dépendantes',
    workplace: 'sa résidence de {commune}',
    sizes: ['50 à 99 salariés', '100 à 199 salariés'],
    employers: {
      nord: [
        'EHPAD Les Tilleuls',
        'EHPAD Résidence du Beffroi',
        'EHPAD La Roseraie',
        "Résidence Les Jardins de l'Escaut",
      ],
      alsace: ['EHPAD Les Cigognes', 'EHPAD Les Colombages', 'Résidence Les Vosges Bleues', 'EHPAD Le Verger Fleuri'],
    },
  },
  hopital: {
    nafCode: '86.10Z',
    nafLabel: 'Activités hospitalières',
    blurb: 'un établissement de santé privé',
    workplace: 'ses services de {commune}',
    sizes: ['200 à 249 salariés', '250 à 499 salariés'],
    employers: {
      nord: ['Clinique du Val de Lys', 'Clinique des Hauts de Flandre', 'Polyclinique du Hainaut'],
      alsace: ['Clinique du Parc Rhénan', 'Clinique des Trois Frontières', 'Polyclinique de la Doller'],
    },
  },
  logistique: {
    nafCode: '52.10B',
    nafLabel: 'Entreposage et stockage non frigorifique',
    blurb: 'un prestataire logistique spécialisé dans la grande distribution',
    workplace: 'son entrepôt de {commune}',
    sizes: ['50 à 99 salariés', '100 à 199 salariés', '200 à 249 salariés'],
    employers: {
      nord: ["Logistique de l'Escaut", 'Entrepôts du Nord-Pas', 'Flandres Logistique', 'Artois Distribution Services'],
      alsace: [
        'Rhin Logistique',
        'Alsace Entrepôts Services',
        'Logistique des Trois Frontières',
        'Haguenau Distribution',
      ],
    },
  },
  restauration: {
    nafCode: '56.10A',
    nafLabel: 'Restauration traditionnelle',
    blurb: 'un restaurant de cuisine traditionnelle',
    workplace: 'son établissement de {commune}',
    sizes: ['6 à 9 salariés', '10 à 19 salariés'],
    employers: {
      nord: ['Brasserie Le Beffroi', 'Estaminet Chez Marcel', 'Restaurant La Grand-Place', 'Le Bistrot des Flandres'],
      alsace: ['Winstub Au Tonnelier', "Brasserie de l'Ill", "Restaurant Au Cerf d'Or", 'Winstub La Petite Cave'],
    },
  },
  'restauration-rapide': {
    nafCode: '56.10C',
    nafLabel: 'Restauration de type rapide',
    blurb: 'un restaurant rapide très fréquenté du centre-ville',
    workplace: 'son restaurant de {commune}',
    sizes: ['10 à 19 salariés', '20 à 49 salariés'],
    employers: {
      nord: ['Friterie Chez Momo', 'Snack du Marché', 'Les Frites du Beffroi', 'Quick Wok Métropole'],
      alsace: ['Bretzel Express', 'Flamm’Express', 'Snack de la Gare', 'Le Comptoir à Tartes'],
    },
  },
  'restauration-collective': {
    nafCode: '56.29A',
    nafLabel: 'Restauration collective sous contrat',
    blurb: 'une société de restauration collective au service des écoles et des entreprises',
    workplace: 'ses restaurants de {commune}',
    sizes: ['100 à 199 salariés', '200 à 249 salariés'],
    employers: {
      nord: ['Restauration Scolaire du Douaisis', "Cuisine Centrale de l'Avesnois", 'Saveurs Collectives du Nord'],
      alsace: ['Cuisine Centrale du Ried', 'Alsace Restauration Collective', 'Les Cantines Rhénanes'],
    },
  },
  boulangerie: {
    nafCode: '10.71C',
    nafLabel: 'Boulangerie et boulangerie-pâtisserie',
    blurb: 'une boulangerie artisanale',
    workplace: 'sa boutique de {commune}',
    sizes: ['3 à 5 salariés', '6 à 9 salariés'],
    employers: {
      nord: ['Boulangerie Delcourt', 'Boulangerie Lefebvre', "Au Pain d'Antan", 'Boulangerie Vandenbussche'],
      alsace: ['Boulangerie Muller', 'Boulangerie-Pâtisserie Schmitt', 'Au Bretzel Doré', 'Boulangerie Kieffer'],
    },
  },
  commerce: {
    nafCode: '47.11D',
    nafLabel: 'Supermarchés',
    blurb: 'un supermarché de proximité',
    workplace: 'son magasin de {commune}',
    sizes: ['20 à 49 salariés', '50 à 99 salariés'],
    employers: {
      nord: ['Supermarché du Pévèle', 'Marché Frais de Roubaix', 'Super Proxi Hainaut', 'Les Halles du Littoral'],
      alsace: ['Supermarché Rhénan', 'Super Frais Colmar', 'Épicerie du Marché Couvert', 'Proxi Marché Sundgau'],
    },
  },
  batiment: {
    nafCode: '43.99C',
    nafLabel: 'Travaux de maçonnerie générale et gros œuvre de bâtiment',
    blurb: 'une entreprise familiale du bâtiment',
    workplace: 'ses chantiers autour de {commune}',
    sizes: ['10 à 19 salariés', '20 à 49 salariés'],
    employers: {
      nord: ['Bâtiment Duhamel et Fils', 'Maçonnerie Vanneste', "Constructions de l'Avesnois", 'Dufour Rénovation'],
      alsace: ['Bâtiment Kieffer & Fils', 'Maçonnerie Roth', 'Wolff Construction', 'Rénovation Haegel'],
    },
  },
  'second-oeuvre': {
    nafCode: '43.34Z',
    nafLabel: 'Travaux de peinture et vitrerie',
    blurb: 'une entreprise de finitions intérieures',
    workplace: 'ses chantiers de {commune} et des environs',
    sizes: ['6 à 9 salariés', '10 à 19 salariés'],
    employers: {
      nord: ['Peinture Lemaire', 'Plâtrerie du Cambrésis', 'Déco Bâtiment Nord'],
      alsace: ['Peinture Meyer', 'Plâtrerie Stoeckel', "Finitions d'Alsace"],
    },
  },
  'travaux-publics': {
    nafCode: '42.11Z',
    nafLabel: 'Construction de routes et autoroutes',
    blurb: 'une entreprise de travaux publics',
    workplace: 'ses chantiers du secteur de {commune}',
    sizes: ['20 à 49 salariés', '50 à 99 salariés'],
    employers: {
      nord: ['TP Flandres Voirie', 'Routes et Réseaux du Hainaut'],
      alsace: ['Voirie Rhénane TP', 'Réseaux et Routes du Haut-Rhin'],
    },
  },
  messagerie: {
    nafCode: '53.20Z',
    nafLabel: 'Autres activités de poste et de courrier',
    blurb: 'une société de livraison de colis',
    workplace: 'son agence de {commune}',
    sizes: ['20 à 49 salariés', '50 à 99 salariés'],
    employers: {
      nord: ['Express Colis Métropole', 'Livraisons du Littoral', 'Flash Livraison Hainaut'],
      alsace: ['Express Rhin Colis', 'Course Alsace Services', 'Colis Rapide Mulhouse'],
    },
  },
  transport: {
    nafCode: '49.41A',
    nafLabel: 'Transports routiers de fret interurbains',
    blurb: 'un transporteur routier régional',
    workplace: 'son agence de {commune}',
    sizes: ['20 à 49 salariés', '50 à 99 salariés'],
    employers: {
      nord: ['Transports Vandamme', 'Transports Delannoy', 'TRL Flandres'],
      alsace: ['Transports Schaeffer', 'Transports Ehrhart', 'TransRhin Fret'],
    },
  },
  'transport-voyageurs': {
    nafCode: '49.31Z',
    nafLabel: 'Transports urbains et suburbains de voyageurs',
    blurb: 'l’exploitant du réseau de transport en commun',
    workplace: 'son dépôt de {commune}',
    sizes: ['100 à 199 salariés', '200 à 249 salariés'],
    employers: {
      nord: ['Autocars du Hainaut', 'Bus du Littoral'],
      alsace: ['Autocars Rhin-Vosges', 'Cars du Sundgau'],
    },
  },
  dechets: {
    nafCode: '38.11Z',
    nafLabel: 'Collecte des déchets non dangereux',
    blurb: 'un acteur de la collecte et du recyclage des déchets',
    workplace: 'son centre de {commune}',
    sizes: ['50 à 99 salariés', '100 à 199 salariés'],
    employers: {
      nord: ['Collecte Environnement Nord', 'Recyclage de la Deûle', 'Tri Services Artois'],
      alsace: ['Rhin Environnement Collecte', 'Centre de Tri du Ried', 'Alsace Recyclage'],
    },
  },
  collectivite: {
    nafCode: '84.11Z',
    nafLabel: 'Administration publique générale',
    blurb: 'une collectivité territoriale',
    workplace: 'ses services techniques',
    sizes: ['100 à 199 salariés', '250 à 499 salariés'],
    employers: {
      nord: ['Ville de {commune}', 'Ville de {commune}', 'Syndicat intercommunal du Pévèle'],
      alsace: ['Ville de {commune}', 'Ville de {commune}', 'Syndicat intercommunal du Ried'],
    },
  },
  'espaces-verts': {
    nafCode: '81.30Z',
    nafLabel: "Services d'aménagement paysager",
    blurb: 'une entreprise du paysage',
    workplace: 'ses chantiers autour de {commune}',
    sizes: ['6 à 9 salariés', '10 à 19 salariés'],
    employers: {
      nord: ['Paysages des Flandres', "Jardins de l'Artois", 'Espaces Verts Métropole'],
      alsace: ['Paysagistes du Kochersberg', "Jardins d'Alsace Entretien", 'Vert Rhin Paysage'],
    },
  },
  agriculture: {
    nafCode: '01.11Z',
    nafLabel: 'Culture de céréales (à l’exception du riz), de légumineuses et de graines oléagineuses',
    blurb: 'une exploitation agricole familiale',
    workplace: 'son exploitation près de {commune}',
    sizes: ['1 à 2 salariés', '3 à 5 salariés'],
    employers: {
      nord: ['EARL de la Pévèle', 'Ferme des Trois Moulins', 'SCEA du Marais Audomarois'],
      alsace: ['EARL du Ried', 'Ferme Hubert', "GAEC de l'Outre-Forêt"],
    },
  },
  viticulture: {
    nafCode: '01.21Z',
    nafLabel: 'Culture de la vigne',
    blurb: 'un domaine viticole familial',
    workplace: 'son domaine près de {commune}',
    sizes: ['3 à 5 salariés', '6 à 9 salariés'],
    employers: {
      nord: ['Domaine Scherer & Fils'],
      alsace: ['Domaine Scherer & Fils', 'Cave Vinicole du Piémont', 'Domaine Klein-Reinhart', 'Domaine Ehrhart-Vogt'],
    },
  },
  arboriculture: {
    nafCode: '01.24Z',
    nafLabel: 'Culture de fruits à pépins et à noyau',
    blurb: 'une exploitation arboricole',
    workplace: 'ses vergers près de {commune}',
    sizes: ['3 à 5 salariés', '6 à 9 salariés'],
    employers: {
      nord: ['Vergers de Flandre', 'Les Vergers du Boulonnais'],
      alsace: ["Vergers de l'Ackerland", 'Les Vergers du Sundgau'],
    },
  },
  maraichage: {
    nafCode: '01.13Z',
    nafLabel: 'Culture de légumes, de melons, de racines et de tubercules',
    blurb: 'une exploitation maraîchère',
    workplace: 'son exploitation près de {commune}',
    sizes: ['6 à 9 salariés', '10 à 19 salariés'],
    employers: {
      nord: ['Endives du Pévèle', 'SCEA Les Chicons de la Lys', 'Maraîchers de la Deûle'],
      alsace: ['Asperges du Ried', 'Maraîchage Fritsch'],
    },
  },
  agroalimentaire: {
    nafCode: '10.89Z',
    nafLabel: 'Fabrication d’autres produits alimentaires n.c.a.',
    blurb: 'une entreprise agroalimentaire régionale',
    workplace: 'son usine de {commune}',
    sizes: ['50 à 99 salariés', '100 à 199 salariés', '200 à 249 salariés'],
    employers: {
      nord: ['Biscuiterie des Flandres', 'Conserverie du Littoral', "Salaisons de l'Avesnois"],
      alsace: ['Choucrouterie du Ried', 'Bretzels d’Alsace Industrie', 'Brasserie du Houblon Rhénan'],
    },
  },
  industrie: {
    nafCode: '25.62B',
    nafLabel: 'Mécanique industrielle',
    blurb: 'une entreprise industrielle sous-traitante',
    workplace: 'son atelier de {commune}',
    sizes: ['20 à 49 salariés', '50 à 99 salariés'],
    employers: {
      nord: ['Métallerie de la Sambre', 'Ateliers Mécaniques de Denain', 'Emballages du Cambrésis'],
      alsace: ['Mécanique de Précision Rhénane', 'Soudure Industrielle du Haut-Rhin', 'Cartonnages de la Bruche'],
    },
  },
  'aide-domicile': {
    nafCode: '88.10A',
    nafLabel: 'Aide à domicile',
    blurb: 'une association d’aide à domicile',
    workplace: 'ses bénéficiaires de {commune} et des environs',
    sizes: ['50 à 99 salariés', '100 à 199 salariés'],
    employers: {
      nord: ['Aide et Domicile Flandres', 'Présence Seniors Hainaut', 'Services à Domicile de la Lys'],
      alsace: ['Domicile Services Alsace', 'Aide à Domicile du Kochersberg', 'Vivre Chez Soi Sundgau'],
    },
  },
  'petite-enfance': {
    nafCode: '88.91A',
    nafLabel: 'Accueil de jeunes enfants',
    blurb: 'une structure d’accueil de jeunes enfants',
    workplace: 'sa structure de {commune}',
    sizes: ['1 à 2 salariés', '3 à 5 salariés'],
    employers: {
      nord: ['Particulier employeur', 'MAM Les Petits Câlins', 'Crèche Les P’tits Loups'],
      alsace: ['Particulier employeur', 'MAM Les Petites Cigognes', 'Micro-crèche Les Bretzelous'],
    },
  },
  'services-personne': {
    nafCode: '97.00Z',
    nafLabel: 'Activités des ménages en tant qu’employeurs de personnel domestique',
    blurb: 'une entreprise de services à la personne',
    workplace: 'des familles de {commune}',
    sizes: ['10 à 19 salariés', '20 à 49 salariés'],
    employers: {
      nord: ['Particulier employeur', 'Familles Services Métropole', 'Nounous du Nord'],
      alsace: ['Particulier employeur', 'Familles Services Alsace', 'Kids Domicile Rhin'],
    },
  },
  securite: {
    nafCode: '80.10Z',
    nafLabel: 'Activités de sécurité privée',
    blurb: 'une société de sécurité privée',
    workplace: 'ses sites clients de {commune}',
    sizes: ['50 à 99 salariés', '100 à 199 salariés'],
    employers: {
      nord: ['Sécurité Privée du Nord', 'Vigilance Métropole Sécurité'],
      alsace: ['Alsace Protection Sécurité', 'Rhin Gardiennage'],
    },
  },
  hotellerie: {
    nafCode: '55.10Z',
    nafLabel: 'Hôtels et hébergement similaire',
    blurb: 'un hôtel indépendant',
    workplace: 'son établissement de {commune}',
    sizes: ['10 à 19 salariés', '20 à 49 salariés'],
    employers: {
      nord: ['Hôtel du Beffroi', 'Hôtel Les Remparts', 'Hôtel de la Citadelle'],
      alsace: ['Hôtel des Cigognes', 'Hôtel Au Vieux Moulin', 'Hôtel Le Colombier'],
    },
  },
  accueil: {
    nafCode: '82.11Z',
    nafLabel: 'Services administratifs combinés de bureau',
    blurb: 'un prestataire de services d’accueil en entreprise',
    workplace: 'ses sites clients de {commune}',
    sizes: ['20 à 49 salariés', '50 à 99 salariés'],
    employers: {
      nord: ['Accueil Plus Métropole', 'Hôtes et Services du Nord'],
      alsace: ['Accueil Plus Alsace', 'Service Accueil Rhénan'],
    },
  },
  blanchisserie: {
    nafCode: '96.01A',
    nafLabel: 'Blanchisserie-teinturerie de gros',
    blurb: 'une blanchisserie industrielle au service des hôpitaux et des hôtels',
    workplace: 'son site de {commune}',
    sizes: ['50 à 99 salariés', '100 à 199 salariés'],
    employers: {
      nord: ['Blanchisserie Industrielle du Nord', 'Lavage Pro Hainaut'],
      alsace: ['Blanchisserie Rhénane', 'Linge Services Alsace'],
    },
  },
  interim: {
    nafCode: '78.20Z',
    nafLabel: 'Activités des agences de travail temporaire',
    blurb: 'une agence d’emploi',
    workplace: 'ses clients du secteur de {commune}',
    sizes: ['6 à 9 salariés', '10 à 19 salariés'],
    employers: {
      nord: ['Intérim Plus Lens', 'Flandres Intérim', 'Hainaut Travail Temporaire', 'Artois Emploi Intérim'],
      alsace: ['Alsace Intérim Services', 'Rhin Emploi Temporaire', 'Intérim des Trois Frontières', 'Bas-Rhin Intérim'],
    },
  },
};

/** "de Lens" but "d’Arras": French elides "de" before a vowel. */
export function deCommune(name: string): string {
  return /^[AEIOUYÀÂÉÈÊËÎÏÔÛÙ]/i.test(name) ? `d’${name}` : `de ${name}`;
}

/** Puts the commune in a template: "son entrepôt de Lens", "Ville d’Arras". */
export function fillCommune(template: string, communeName: string): string {
  return template.replace(/\bde \{commune\}/g, deCommune(communeName)).replace('{commune}', communeName);
}

/** Who signs an assistante maternelle's or a home nanny's contract: a family, not a company. */
export const PRIVATE_EMPLOYER = 'Particulier employeur';

/** Phrases for the profile paragraph of a description, one per ROME savoir-être code. */
export const QUALITY_PHRASES: Readonly<Record<string, string>> = {
  '300412': 'Vous êtes à l’écoute des personnes et faites preuve d’empathie.',
  '300416': 'Vous savez donner du sens à votre travail et motiver votre entourage.',
  '300460': 'Vous savez travailler en autonomie.',
  '300461': 'Vous avez le sens des responsabilités.',
  '300465': 'Vous appréciez le travail en équipe.',
  '300467': 'Vous aimez proposer des idées pour améliorer l’organisation.',
  '300473': 'Vous savez réagir rapidement face aux imprévus.',
  '300478': 'Vous savez garder votre calme dans les situations difficiles.',
  '300479': 'Vous vous adaptez facilement aux changements de planning.',
  '300483': 'Vous savez organiser votre travail et respecter les priorités.',
  '300485': 'Vous faites preuve de persévérance.',
  '300489': 'Vous savez entraîner une équipe.',
  '300490': 'La rigueur et la ponctualité font partie de vos qualités.',
  '300493': 'Vous avez envie d’apprendre de nouvelles méthodes.',
  '300497': 'Vous aimez trouver des solutions nouvelles.',
  '399999': 'Vous avez le sens du service.',
};
