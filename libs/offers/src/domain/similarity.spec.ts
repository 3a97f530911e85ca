import { describe, expect, it } from '@jest/globals';
import { employerKey, isSameJob, titleSimilarity } from './similarity.js';

const description =
  'Au sein de notre équipe, vous assurez le nettoyage des bureaux et des parties communes, le tri des déchets et le ' +
  'réapprovisionnement des consommables. Horaires du matin, du lundi au vendredi.';

describe('duplicate rule', () => {
  it('ignores case, punctuation, gender marks and the place appended to a title', () => {
    expect(titleSimilarity('Cariste', 'CARISTE F/H - ROUBAIX', 'Roubaix')).toBe(1);
    expect(titleSimilarity('Agent de propreté H/F', 'Agent de proprete (F/H)')).toBe(1);
  });

  it('keeps a repost with reflowed description together', () => {
    const repost = description.replace('. Horaires', '.\n\nHoraires').replace(', le tri', ' ; le tri');
    expect(
      isSameJob(
        { title: 'Agent de propreté H/F', description, employerName: 'Propreté du Hainaut SARL' },
        { title: 'AGENT DE PROPRETE', description: repost, employerName: 'PROPRETE DU HAINAUT' },
      ),
    ).toBe(true);
  });

  it('keeps apart two different jobs of the same employer', () => {
    expect(
      isSameJob(
        { title: 'Agent de propreté H/F', description, employerName: 'Propreté du Hainaut' },
        { title: 'Chef d’équipe propreté H/F', description, employerName: 'Propreté du Hainaut' },
      ),
    ).toBe(false);
  });

  it('keeps apart the same job at two employers', () => {
    expect(
      isSameJob(
        { title: 'Cariste', description, employerName: 'Logistique Escaut' },
        { title: 'Cariste', description, employerName: 'Transports Lys' },
      ),
    ).toBe(false);
  });

  it('asks more of the description when one source hides the employer', () => {
    const edited = description.replace(
      'Horaires du matin, du lundi au vendredi.',
      'Horaires en soirée le week-end, contrat court.',
    );
    expect(
      isSameJob(
        { title: 'Cariste', description, employerName: null },
        { title: 'Cariste', description, employerName: 'Logistique Escaut' },
      ),
    ).toBe(true);
    expect(
      isSameJob(
        { title: 'Cariste', description: edited, employerName: null },
        { title: 'Cariste', description, employerName: 'Logistique Escaut' },
      ),
    ).toBe(false);
  });

  it('drops legal forms from employer names', () => {
    expect(employerKey('SARL Propreté du Hainaut')).toBe(employerKey('propreté du hainaut'));
    expect(employerKey('  ')).toBeNull();
  });
});
