import { describe, expect, it } from '@jest/globals';
import { foldText, genderForms, labelSearchKey, occupationTokens, placeKey, stemWord } from './text-normalisation.js';

describe('foldText', () => {
  it('lowers case, drops accents, spells ligatures and collapses punctuation', () => {
    expect(foldText("  Œuvre d'ÉLÉVATION — Bâtiment/TP (H/F) ")).toBe('oeuvre d elevation batiment tp h f');
    expect(foldText('Cœur, Ægir, Straße')).toBe('coeur aegir strasse');
    expect(foldText('e\u0301cole')).toBe('ecole');
    expect(foldText('')).toBe('');
  });

  it('keeps runs of lower-case letters and digits whole, wherever they start and end', () => {
    expect(foldText('3x8, dès 5h ; équipe A/B')).toBe('3x8 des 5h equipe a b');
    expect(foldText('nuitWEEKend2')).toBe('nuitweekend2');
    expect(foldText('...fin')).toBe('fin');
    expect(foldText('a')).toBe('a');
  });
});

describe('placeKey', () => {
  it('gives one key whatever the article, its place, the case, accents and hyphens', () => {
    const key = 'cateau cambresis';
    expect(placeKey('Le Cateau-Cambrésis')).toBe(key);
    expect(placeKey('Cateau-Cambrésis (Le)')).toBe(key);
    expect(placeKey('LE CATEAU CAMBRESIS')).toBe(key);
    expect(placeKey('cateau-cambresis')).toBe(key);
    expect(placeKey("L'Abergement-Clémenciat")).toBe('abergement clemenciat');
  });

  it('spells out Saint abbreviations and s/', () => {
    expect(placeKey('St-Omer')).toBe('saint omer');
    expect(placeKey('Ste Maxime')).toBe('sainte maxime');
    expect(placeKey('Boulogne s/ Mer')).toBe('boulogne sur mer');
  });

  it('reduces arrondissements to their number', () => {
    expect(placeKey('Paris 15e Arrondissement')).toBe('paris 15');
    expect(placeKey('Paris 15ème')).toBe('paris 15');
    expect(placeKey('Lyon 1er')).toBe('lyon 1');
    expect(placeKey('Marseille 08')).toBe('marseille 8');
  });

  it('keeps a lone article', () => {
    expect(placeKey('Le')).toBe('le');
  });
});

describe('stemWord', () => {
  it('sends masculine, feminine and plural forms to one stem', () => {
    const pairs: Array<[string, string]> = [
      ['conducteur', 'conductrice'],
      ['chauffeur', 'chauffeuse'],
      ['caissier', 'caissiere'],
      ['agent', 'agente'],
      ['employe', 'employee'],
      ['technicien', 'technicienne'],
      ['chef', 'cheffe'],
      ['hote', 'hotesse'],
      ['commis', 'commise'],
      ['maternel', 'maternelle'],
      ['sportif', 'sportive'],
      ['local', 'locaux'],
      ['patron', 'patronne'],
    ];
    for (const [masculine, other] of pairs) expect(stemWord(other)).toBe(stemWord(masculine));
    expect(stemWord('conducteurs')).toBe(stemWord('conducteur'));
  });

  it('leaves short words alone', () => {
    expect(stemWord('bus')).toBe('bus');
  });
});

describe('occupationTokens', () => {
  it('strips gender marks, contract words and grammar words', () => {
    expect(occupationTokens("Agent d'entretien H/F - CDI")).toEqual(['agent', 'entretien']);
    expect(occupationTokens('Aide-soignant(e) de nuit (F/H)')).toEqual(['aid', 'soignant', 'nuit']);
    expect(occupationTokens('Agent / Agente de propreté')).toEqual(['agent', 'propret']);
    expect(occupationTokens('Vendeur·euse en boulangerie - temps partiel')).toEqual(['vendeur', 'boulangeri']);
    expect(occupationTokens('Préparateur de commandes (H/F/X) - Intérim 6 mois')).toEqual(['preparateur', 'command']);
  });

  it('drops feminine endings written after a slash', () => {
    expect(occupationTokens('Technicien/ne polyvalent/e')).toEqual(['technicien', 'polyvalent']);
    expect(occupationTokens('Serveur/se en brasserie H/F')).toEqual(['serveur', 'brasseri']);
    expect(occupationTokens('Opérateur / trice de production')).toEqual(['operateur', 'production']);
    // A slash between two words is no feminine ending.
    expect(occupationTokens('Plombier/chauffagiste')).toEqual(['plombier', 'chauffagist']);
  });

  it('keeps `son` (sound): `Ingénieur du son` is not a plain `Ingénieur`', () => {
    expect(occupationTokens('Ingénieur / Ingénieure du son')).toEqual(['ingenieur', 'son']);
    expect(occupationTokens('Ingénieur (H/F)')).toEqual(['ingenieur']);
  });

  it('spells out the abbreviations offers use', () => {
    expect(occupationTokens('Chauffeur PL')).toEqual(occupationTokens('Chauffeur / Chauffeuse de poids lourd'));
  });

  it('keeps words that name occupations even when they look like offer boilerplate', () => {
    expect(occupationTokens('Responsable recrutement')).toEqual(['responsabl', 'recrutement']);
    expect(occupationTokens('Chargé de mission')).toEqual(['charg', 'mission']);
  });
});

describe('genderForms', () => {
  it('splits a ROME label into its masculine and feminine wordings', () => {
    expect(genderForms("Conducteur / Conductrice d'engins agricoles")).toEqual([
      "Conducteur d'engins agricoles",
      "Conductrice d'engins agricoles",
    ]);
    expect(genderForms('Aide-soignant hospitalier / Aide-soignante hospitalière')).toEqual([
      'Aide-soignant hospitalier',
      'Aide-soignante hospitalière',
    ]);
    expect(genderForms("Chef d'équipe plongeur / Cheffe d'équipe plongeuse subaquatique")).toEqual([
      "Chef d'équipe plongeur subaquatique",
      "Cheffe d'équipe plongeuse subaquatique",
    ]);
  });

  it('keeps whole a label whose slash is not a gender pair', () => {
    expect(genderForms('Garçon / Serveuse de café')).toEqual(['Garçon / Serveuse de café']);
    expect(genderForms('Cariste')).toEqual(['Cariste']);
  });

  it('gives the search key of the masculine wording', () => {
    expect(labelSearchKey('Hôte / Hôtesse de caisse')).toBe('hote de caisse');
  });
});
