import { beforeAll, describe, expect, it } from '@jest/globals';
import { ReferentialSnapshot } from '../domain/referential-snapshot.js';
import { type BundledReferential, readBundledReferential, romeVersion } from './bundled-referential.js';

// The real bundled files, read and indexed without a database: the title inference and commune
// resolution are checked against the data they will meet in production.
describe('bundled referential data', () => {
  let bundled: BundledReferential;
  let snapshot: ReferentialSnapshot;

  beforeAll(async () => {
    bundled = await readBundledReferential();
    snapshot = new ReferentialSnapshot(bundled.rows);
  });

  it('reads every data set with the row counts France Travail and INSEE publish', () => {
    const { rows } = bundled;
    expect(bundled.versions).toEqual({ rome: '60', communes: 'COG 2024' });
    expect(rows.occupations).toHaveLength(1_584);
    expect(rows.appellations).toHaveLength(13_120);
    expect(rows.skills).toHaveLength(33_850);
    expect(rows.occupationSkills).toHaveLength(104_219);
    expect(rows.mobilities).toHaveLength(14_912);
    // 34,931 communes, 45 arrondissements, and Paris, Lyon and Marseille derived from theirs.
    expect(rows.communes).toHaveLength(34_979);
    expect(rows.communes.filter((row) => row.kind === 'arrondissement')).toHaveLength(45);
    expect(rows.communePostalCodes).toHaveLength(35_461);
    expect(rows.communeAliases).toHaveLength(500);
    expect(Object.values(bundled.skipped).every((count) => count === 0)).toBe(true);
    expect(bundled.digests.rome).toMatch(/^[0-9a-f]{64}$/);
  });

  it('classifies items as savoir-faire, savoir-être, savoirs and work contexts', () => {
    const byKind = new Map<string, number>();
    for (const skill of bundled.rows.skills) byKind.set(skill.kind, (byKind.get(skill.kind) ?? 0) + 1);
    expect(Object.fromEntries(byKind)).toEqual({
      savoir_faire: 18_301,
      savoir_etre: 16,
      savoir: 15_354,
      contexte_travail: 179,
    });
  });

  it('knows which ROME 4 occupations were cut out of the same ROME 3 one', () => {
    // M1801 (administration of information systems) was split in 2024; M1854 and M1894 came from it.
    expect(snapshot.sameOriginOccupations('M1854')).toEqual(expect.arrayContaining(['M1801', 'M1894']));
    expect(snapshot.sameOriginOccupations('M1801')).toEqual(expect.arrayContaining(['M1854', 'M1894']));
    expect(snapshot.sameOriginOccupations('M1801')).not.toContain('M1801');
    // Data analyst came from M1403; a waiter's occupation was never split.
    expect(snapshot.sameOriginOccupations('M1419')).toContain('M1403');
    expect(snapshot.sameOriginOccupations('G1803')).toEqual([]);
    expect(snapshot.sameOriginOccupations('Z9999')).toEqual([]);
  });

  it('reads the version from the release note', () => {
    expect(romeVersion('Numero de version : 60\n\nDate de publication : 18/09/2025')).toBe('60');
    expect(() => romeVersion('nothing here')).toThrow('Numero de version');
  });

  describe('occupation of a job title', () => {
    const cases: Array<[title: string, codeRome: string]> = [
      // cleaning
      ["Agent d'entretien H/F - CDI", 'K2205'],
      ['Agent de propreté urbaine', 'K2307'],
      ['Femme de ménage', 'K1304'],
      // care
      ['Aide-soignant(e) de nuit', 'J1501'],
      ['Agent de service hospitalier (ASH) - EHPAD', 'J1301'],
      ['Auxiliaire de vie H/F', 'K1311'],
      ['Infirmier(ère) DE', 'J1506'],
      // logistics and transport
      ['Chauffeur PL', 'N4101'],
      ['Préparateur de commandes (H/F) - Intérim', 'N1103'],
      ['Cariste CACES 3', 'N1101'],
      ['Chauffeur-livreur VL', 'N4105'],
      // retail
      ['Hôte / Hôtesse de caisse', 'D1505'],
      ['Employé(e) libre-service', 'D1507'],
      // catering
      ['Commis de cuisine H/F', 'G1602'],
      ['Plongeur en restauration', 'G1605'],
      ['Serveur / Serveuse', 'G1803'],
      // building
      ['Maçon H/F', 'F1703'],
      ['Manoeuvre bâtiment', 'F1704'],
      ['Peintre en bâtiment', 'F1606'],
      // childcare
      ['Assistante maternelle agréée', 'K1310'],
      ['ATSEM', 'K1308'],
    ];

    it.each(cases)('%s → %s', (title, codeRome) => {
      const inferred = snapshot.inferOccupation(title);
      expect(inferred?.codeRome).toBe(codeRome);
      expect(inferred?.label).toBe(snapshot.occupation(codeRome)?.label);
    });

    it('names the appellation matched and scores an exact wording 1', () => {
      expect(snapshot.inferOccupation('Chauffeur PL')).toEqual({
        codeRome: 'N4101',
        label: 'Conducteur / Conductrice de poids lourd',
        appellationCode: '11989',
        appellationLabel: 'Chauffeur / Chauffeuse de poids lourd',
        score: 1,
      });
    });

    it('gives up on titles that name no occupation', () => {
      expect(snapshot.inferOccupation('CDI temps plein H/F')).toBeNull();
      expect(snapshot.inferOccupation('Rejoignez notre équipe dynamique !')).toBeNull();
      expect(snapshot.inferOccupation('')).toBeNull();
    });

    it('is deterministic', () => {
      const first = snapshot.inferOccupation('Agent polyvalent');
      for (let i = 0; i < 3; i += 1) expect(snapshot.inferOccupation('Agent polyvalent')).toEqual(first);
    });
  });

  describe('communes', () => {
    it('resolves names, postal codes and free-text places', () => {
      expect(snapshot.resolveCommune({ name: 'Lille' })?.inseeCode).toBe('59350');
      expect(snapshot.resolveCommune({ postalCode: '59100' })?.name).toBe('Roubaix');
      expect(snapshot.resolveCommune({ name: 'Strasbourg', postalCode: '67000' })?.inseeCode).toBe('67482');
      expect(snapshot.resolveCommune({ name: 'Le Cateau-Cambrésis' })?.inseeCode).toBe('59136');
      expect(snapshot.resolveCommune({ name: 'Cateau-Cambrésis (Le)' })?.name).toBe('Le Cateau-Cambrésis');
      expect(snapshot.resolveCommune({ name: 'COLMAR 68' })?.inseeCode).toBe('68066');
      expect(snapshot.resolveCommune({ name: '59 - LILLE' })?.inseeCode).toBe('59350');
      expect(snapshot.resolveCommune({ name: 'Lille Cedex', postalCode: '59031' })?.inseeCode).toBe('59350');
      expect(snapshot.resolveCommune({ name: 'St-Omer (62)' })?.inseeCode).toBe('62765');
    });

    it('resolves Paris, Lyon and Marseille as cities and by arrondissement', () => {
      expect(snapshot.resolveCommune({ name: 'Paris' })).toMatchObject({ inseeCode: '75056', departement: '75' });
      expect(snapshot.resolveCommune({ name: '75015 Paris' })?.inseeCode).toBe('75115');
      expect(snapshot.resolveCommune({ postalCode: '69003' })?.inseeCode).toBe('69383');
      expect(snapshot.resolveCommune({ name: 'Marseille (13)' })?.inseeCode).toBe('13055');
      expect(snapshot.resolveCommune({ name: 'Paris 15e' })?.inseeCode).toBe('75115');
    });

    it('places every commune, estimating the few the source leaves without coordinates', () => {
      expect(bundled.rows.communes.every((row) => Number.isFinite(row.lat) && Number.isFinite(row.lng))).toBe(true);
      // L'Oie (Vendée) has no coordinates in the file: it lands among its postal code's communes.
      const oie = snapshot.resolveCommune({ inseeCode: '85165' });
      expect(oie?.lat).toBeGreaterThan(46.6);
      expect(oie?.lat).toBeLessThan(47);
      expect(oie?.lng).toBeGreaterThan(-1.4);
      expect(oie?.lng).toBeLessThan(-1);
    });

    it('finds a former commune under the one it merged into', () => {
      expect(snapshot.resolveCommune({ name: 'Villotran' })?.inseeCode).toBe('60694');
    });

    it('suggests communes most populous first', () => {
      const names = snapshot.autocomplete('commune', 'saint-den', 3).map((suggestion) => suggestion.label);
      expect(names[0]).toBe('Saint-Denis');
      expect(snapshot.autocomplete('commune', 'saint-den', 3)[0]?.departement).toBe('974');
    });
  });

  it('lists the skills of an occupation, core ones first, and its mobilities in order', () => {
    const skills = snapshot.skillsOfOccupation('J1501');
    expect(skills.length).toBeGreaterThan(20);
    expect(skills[0]?.core).toBe(true);
    expect(skills.findIndex((skill) => !skill.core)).toBeGreaterThan(0);
    const mobilities = snapshot.mobilitiesFrom('J1501');
    expect(mobilities.length).toBeGreaterThan(0);
    expect(mobilities.map((mobility) => mobility.rank)).toEqual(
      [...mobilities.map((m) => m.rank)].sort((a, b) => a - b),
    );
  });

  it('autocompletes occupations, appellations and skills in either gender', () => {
    expect(snapshot.autocomplete('appellation', 'aide-soig', 5)[0]?.label).toBe('Aide-soignant / Aide-soignante');
    expect(snapshot.autocomplete('appellation', 'conductrice de poids', 5).map((s) => s.codeRome)).toContain('N4101');
    expect(snapshot.autocomplete('occupation', 'soignant', 5).map((s) => s.code)).toContain('J1501');
    expect(snapshot.autocomplete('skill', 'gérer une caisse', 5)[0]?.label).toBe('Gérer une caisse');
  });
});
