import { describe, expect, it } from '@jest/globals';
import { OccupationClassifier, type OccupationText } from './occupation-classifier.js';
import { OccupationMatcher } from './occupation-matcher.js';
import type { AppellationRow, OccupationRow } from './referential-rows.js';

const occupation = (codeRome: string, label: string): OccupationRow => ({
  codeRome,
  label,
  domainCode: codeRome.slice(0, 3),
  domainLabel: null,
});
const appellation = (codeOgr: string, codeRome: string, label: string): AppellationRow => ({
  codeOgr,
  codeRome,
  label,
  shortLabel: label,
  main: false,
  rarelyUsed: false,
});

// A hand-made slice of ROME: two occupations whose job titles share `Agent de service`, two `Assistant`s.
const OCCUPATIONS = [
  occupation('J1301', 'Agent / Agente de service hospitalier (ASH)'),
  occupation('G1605', 'Agent / Agente de service en restauration'),
  occupation('M1607', 'Secrétaire'),
  occupation('J1303', 'Assistant / Assistante médical(e)'),
  occupation('N1101', 'Conducteur / Conductrice de chariot élévateur'),
];
const APPELLATIONS = [
  appellation('1', 'J1301', 'Agent / Agente de service'),
  appellation('2', 'G1605', 'Agent / Agente de service'),
  appellation('3', 'M1607', 'Assistant administratif / Assistante administrative'),
  appellation('4', 'J1303', 'Assistant / Assistante médical(e)'),
  appellation('5', 'N1101', 'Cariste'),
];
const TEXTS: OccupationText[] = [
  {
    codeRome: 'J1301',
    label: OCCUPATIONS[0].label,
    appellations: ['Agent de service', 'Agent de service hospitalier'],
    skills: [
      { label: 'Nettoyer les chambres des patients', core: true },
      { label: 'Bionettoyage des locaux hospitaliers', core: true },
      { label: 'Règles d’hygiène en milieu hospitalier', core: false },
    ],
  },
  {
    codeRome: 'G1605',
    label: OCCUPATIONS[1].label,
    appellations: ['Agent de service', 'Agent de service en cantine'],
    skills: [
      { label: 'Servir les repas aux convives', core: true },
      { label: 'Nettoyer la vaisselle et la plonge', core: true },
      { label: 'Dresser le buffet de la cantine', core: false },
    ],
  },
  {
    codeRome: 'M1607',
    label: 'Secrétaire',
    appellations: ['Assistant administratif', 'Secrétaire administratif'],
    skills: [
      { label: 'Saisir des courriers et documents administratifs', core: true },
      { label: 'Classer des dossiers', core: false },
    ],
  },
  {
    codeRome: 'J1303',
    label: OCCUPATIONS[3].label,
    appellations: ['Assistant médical', 'Secrétaire médical'],
    skills: [
      { label: 'Accueillir les patients du cabinet médical', core: true },
      { label: 'Gérer les rendez-vous des médecins', core: true },
    ],
  },
  {
    codeRome: 'N1101',
    label: OCCUPATIONS[4].label,
    appellations: ['Cariste'],
    skills: [{ label: 'Conduire un chariot élévateur', core: true }],
  },
];

describe('OccupationClassifier', () => {
  const classifier = new OccupationClassifier(new OccupationMatcher(OCCUPATIONS, APPELLATIONS), TEXTS);

  it('decides an ambiguous title by the description', () => {
    expect(
      classifier.classify('Agent de service H/F', "Bionettoyage des chambres des patients à l'hôpital, hygiène")
        ?.codeRome,
    ).toBe('J1301');
    expect(
      classifier.classify('Agent de service H/F', 'Vous servez les repas à la cantine et faites la plonge')?.codeRome,
    ).toBe('G1605');
  });

  it('reads the occupation from the description when the title names none', () => {
    const found = classifier.classify(
      'Opportunité à saisir !',
      'Au cabinet médical : accueil des patients, rendez-vous',
    );
    expect(found).toMatchObject({ codeRome: 'J1303', evidence: 'text' });
  });

  it('keeps the title’s reading when the description says nothing', () => {
    expect(classifier.classify('Cariste', null)).toMatchObject({ codeRome: 'N1101' });
  });

  it('finds nothing for words the referential does not know', () => {
    expect(classifier.classify('Zzz', 'Qwerty')).toBeNull();
  });

  it('keeps the next readings of an ambiguous title, each weighed against the first', () => {
    const found = classifier.classify('Agent de service H/F', 'Vous servez les repas à la cantine et faites la plonge');
    expect(found?.codeRome).toBe('G1605');
    const others = found?.otherReadings ?? [];
    expect(others.map((reading) => reading.codeRome)).toContain('J1301');
    expect(others.map((reading) => reading.codeRome)).not.toContain('G1605');
    for (const reading of others) {
      expect(reading.weight).toBeGreaterThan(0);
      expect(reading.weight).toBeLessThanOrEqual(1);
    }
    // Best first.
    expect([...others].sort((a, b) => b.weight - a.weight)).toEqual(others);
  });
});

describe('OccupationClassifier with a title shorter than the labels', () => {
  // `Responsable de laboratoire` covers neither label's rarest word: both stay readings of the
  // title, and the description chooses.
  const occupations = [
    occupation('E1209', 'Responsable de laboratoire photographique'),
    occupation('H1501', "Responsable de laboratoire d'analyse industrielle"),
    occupation('H1502', 'Responsable qualité en industrie'),
    occupation('M1607', 'Secrétaire'),
  ];
  const texts: OccupationText[] = [
    {
      codeRome: 'E1209',
      label: occupations[0].label,
      appellations: ['Responsable de laboratoire photo'],
      skills: [{ label: 'Développer et tirer des films photographiques', core: true }],
    },
    {
      codeRome: 'H1501',
      label: occupations[1].label,
      appellations: ['Responsable de laboratoire de chimie'],
      skills: [
        { label: 'Superviser les analyses chimiques des échantillons', core: true },
        { label: 'Chromatographie', core: false },
      ],
    },
    {
      codeRome: 'H1502',
      label: occupations[2].label,
      appellations: ['Responsable qualité'],
      skills: [{ label: 'Conduire les audits qualité', core: true }],
    },
    { codeRome: 'M1607', label: 'Secrétaire', appellations: ['Secrétaire'], skills: [] },
  ];
  const classifier = new OccupationClassifier(new OccupationMatcher(occupations, []), texts);

  it('lets the description choose between labels the title only partly covers', () => {
    expect(
      classifier.classify(
        'Responsable de laboratoire (H/F)',
        "Vous encadrez l'équipe qui réalise les analyses chimiques des échantillons (chromatographie)",
      )?.codeRome,
    ).toBe('H1501');
  });
});
