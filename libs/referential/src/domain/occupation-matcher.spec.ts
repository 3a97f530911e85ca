import { describe, expect, it } from '@jest/globals';
import { OccupationMatcher } from './occupation-matcher.js';
import type { AppellationRow, OccupationRow } from './referential-rows.js';

const occupation = (codeRome: string, label: string): OccupationRow => ({
  codeRome,
  label,
  domainCode: codeRome.slice(0, 3),
  domainLabel: null,
});
const appellation = (codeOgr: string, codeRome: string, label: string, extra: Partial<AppellationRow> = {}) => ({
  codeOgr,
  codeRome,
  label,
  shortLabel: label,
  main: false,
  rarelyUsed: false,
  ...extra,
});

const OCCUPATIONS = [
  occupation('J1501', 'Aide-soignant / Aide-soignante'),
  occupation('J1301', 'Agent / Agente de service hospitalier (ASH)'),
  occupation('K2205', 'Agent / Agente de propreté de locaux'),
  occupation('I1203', "Agent / Agente d'entretien du bâtiment"),
  occupation('N4101', 'Conducteur / Conductrice de poids lourd'),
  occupation('D1212', 'Vendeur / Vendeuse en équipement de la maison'),
  occupation('D1214', 'Vendeur / Vendeuse en équipement de la personne'),
];
const APPELLATIONS: AppellationRow[] = [
  appellation('10891', 'J1501', 'Aide-soignant / Aide-soignante', { main: true }),
  appellation('10688', 'K2205', "Agent / Agente d'entretien-propreté de locaux"),
  appellation('10679', 'I1203', "Agent / Agente d'entretien du bâtiment", { main: true }),
  appellation('11989', 'N4101', 'Chauffeur / Chauffeuse de poids lourd'),
  appellation('20001', 'D1212', 'Vendeur / Vendeuse en meubles'),
  appellation('20002', 'D1214', 'Vendeur / Vendeuse en chaussures'),
];

describe('OccupationMatcher', () => {
  const matcher = new OccupationMatcher(OCCUPATIONS, APPELLATIONS);

  it('scores a title with exactly the words of an appellation 1', () => {
    expect(matcher.infer('Chauffeur PL (H/F)')).toEqual({
      codeRome: 'N4101',
      label: 'Conducteur / Conductrice de poids lourd',
      appellationCode: '11989',
      appellationLabel: 'Chauffeur / Chauffeuse de poids lourd',
      score: 1,
    });
  });

  it('matches an occupation label when no appellation is closer', () => {
    expect(matcher.infer('Conductrice de poids lourds')).toMatchObject({ codeRome: 'N4101', score: 1 });
  });

  it('prefers the plain main appellation when labels tie', () => {
    expect(matcher.infer('Aide-soignante')).toMatchObject({ appellationCode: '10891', score: 1 });
  });

  it('finds a label by the acronym it ends with', () => {
    expect(matcher.infer('ASH')?.codeRome).toBe('J1301');
    expect(matcher.infer('Agent ASH - EHPAD')?.codeRome).toBe('J1301');
  });

  it('maps the wordings offers use for cleaning to cleaning', () => {
    expect(matcher.infer("Agent d'entretien H/F - CDI")?.codeRome).toBe('K2205');
    expect(matcher.infer("Agent d'entretien du bâtiment")?.codeRome).toBe('I1203');
  });

  it('gives up below the threshold', () => {
    expect(matcher.infer('Agent')).toBeNull();
    expect(matcher.infer('Directeur financier')).toBeNull();
    expect(matcher.infer('H/F CDI')).toBeNull();
  });

  it('answers the same whatever order the rows came in', () => {
    const reversed = new OccupationMatcher([...OCCUPATIONS].reverse(), [...APPELLATIONS].reverse());
    for (const title of ['Vendeur', 'Vendeur H/F', 'Agent', 'Aide-soignant de nuit', 'Agent entretien']) {
      expect(reversed.infer(title)).toEqual(matcher.infer(title));
    }
  });
});
