import { describe, expect, it } from '@jest/globals';
import { textStems } from './french-text.js';
import { labelCovers, SkillExtractor } from './skill-extractor.js';

const SKILLS = [
  { code: '1', label: 'Conduire un chariot élévateur en respectant les normes de sécurité' },
  { code: '2', label: 'Techniques de nettoyage' },
  { code: '3', label: 'Anglais' },
  { code: '4', label: 'Gestion administrative' },
  { code: '5', label: 'Préparer des commandes' },
];

describe('French word forms', () => {
  it('fold plurals, genders and conjugations onto one stem', () => {
    expect(textStems('chariots élévateurs')).toEqual(textStems('chariot élévateur'));
    expect(textStems('préparatrices')[0]).toBe(textStems('préparatrice')[0]);
    expect(textStems('nettoyez')).toEqual(textStems('nettoyer'));
  });

  it('drop grammar words and offer boilerplate', () => {
    expect(textStems('Nous recherchons un(e) cariste pour notre entreprise')).toEqual(textStems('cariste'));
  });
});

describe('SkillExtractor', () => {
  const extractor = new SkillExtractor(SKILLS);

  it('finds a label whose words meet in one sentence, whatever their form', () => {
    const text =
      'Missions :\n- Préparation et préparer les commandes clients\n- Nettoyage : techniques de nettoyage des sols';
    expect(extractor.extract(text)).toEqual(expect.arrayContaining(['2', '5']));
  });

  it('does not join words of a label spread over two sentences', () => {
    expect(extractor.extract("Nous préparons l'inventaire.\nLes commandes arrivent le lundi.")).not.toContain('5');
    expect(extractor.extract("Vous préparez les commandes et l'inventaire.")).toContain('5');
  });

  it('looks for the occupation’s own skills across the whole text', () => {
    const text = 'Vous conduisez un chariot élévateur.\nLe respect des normes est essentiel.';
    expect(extractor.extract(text)).not.toContain('1');
    expect(extractor.extract(text, new Set(['1']))).toContain('1');
  });

  it('finds a one-word label only when the word is rare among labels', () => {
    expect(extractor.extract('Anglais courant exigé')).toEqual(['3']);
  });
});

describe('labelCovers', () => {
  it('lets a declared skill or certificate cover an offer skill of another wording', () => {
    expect(labelCovers('Utilisation de chariot élévateur', SKILLS[0].label)).toBe(true);
    expect(labelCovers('chariot élévateur', SKILLS[0].label)).toBe(true);
    expect(labelCovers('Techniques de nettoyage', SKILLS[0].label)).toBe(false);
  });
});
