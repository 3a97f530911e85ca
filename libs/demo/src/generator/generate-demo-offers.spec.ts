import { describe, expect, it } from '@jest/globals';
import { isWindows1252Encodable } from '../encoding/windows-1252.js';
import type { DemoOffer } from './demo-offer.js';
import { DEMO_JOBS } from './jobs.data.js';
import { DemoOfferGenerator, generateDemoOffers, resolveGeneratorOptions } from './generate-demo-offers.js';
import { DAY_MS, startOfUtcDay } from './paris-time.js';
import { isLuhnValid } from '@passerelle/offers';

const REFERENCE = '2026-11-20T00:00:00.000Z';
const referenceMs = Date.parse(REFERENCE);

const nord = generateDemoOffers({ count: 1500, seed: 7, region: 'nord', referenceDate: REFERENCE });
const alsace = generateDemoOffers({ count: 1500, seed: 7, region: 'alsace', referenceDate: REFERENCE });
const mixed = generateDemoOffers({ count: 3000, seed: 7, region: 'mixed', referenceDate: REFERENCE });
const all = [...nord, ...alsace, ...mixed];

function texts(offer: DemoOffer): string[] {
  return [
    offer.title,
    offer.description,
    offer.employer.name,
    offer.employer.nafLabel,
    offer.commune.name,
    offer.contract.label,
    offer.workingTime.label,
    offer.workingTime.schedule,
    offer.salary?.text ?? '',
    offer.drivingLicence?.label ?? '',
    offer.experience.label,
    offer.appellationLabel,
    ...offer.skills.map((skill) => skill.label),
    ...offer.qualities.flatMap((quality) => [quality.label, quality.description]),
    ...offer.requirements,
  ];
}

describe('generateDemoOffers', () => {
  it('gives the same offers for the same options, other offers for another seed', () => {
    const options = { count: 50, seed: 42, referenceDate: REFERENCE } as const;
    expect(generateDemoOffers(options)).toEqual(generateDemoOffers(options));
    expect(generateDemoOffers({ ...options, seed: 43 })[0]).not.toEqual(generateDemoOffers(options)[0]);
  });

  it('gives each offer a unique id in its platform’s format', () => {
    expect(new Set(nord.map((offer) => offer.id)).size).toBe(nord.length);
    expect(nord.every((offer) => offer.platform === 'nordemploi' && /^[1-9]\d{6}$/.test(offer.id))).toBe(true);
    expect(alsace.every((offer) => offer.platform === 'job-connexion' && /^[0-9a-z]{6}$/.test(offer.id))).toBe(true);
    expect(mixed.every((offer) => offer.platform === 'france-travail' && /^\d{3}[A-Z]{4}$/.test(offer.id))).toBe(true);
  });

  it('places offers in real communes of the region’s départements', () => {
    const departements = (offers: readonly DemoOffer[]): string[] =>
      [...new Set(offers.map((o) => o.commune.departement))].sort();
    expect(departements(nord)).toEqual(['59', '62']);
    expect(departements(alsace)).toEqual(['67', '68']);
    expect(departements(mixed)).toEqual(['59', '62', '67', '68']);
    for (const offer of all) {
      expect(offer.commune.postalCode.slice(0, 2)).toBe(offer.commune.departement);
      expect(offer.commune.inseeCode.slice(0, 2)).toBe(offer.commune.departement);
    }
  });

  it('keeps regional occupations in their region', () => {
    expect(nord.some((offer) => offer.romeCode === 'A1418')).toBe(false);
    expect(alsace.some((offer) => offer.title.toLowerCase().includes('endiv'))).toBe(false);
  });

  it('draws varied occupations with well-formed ROME codes and skills from the occupation', () => {
    expect(new Set(mixed.map((offer) => offer.romeCode)).size).toBeGreaterThanOrEqual(40);
    for (const offer of mixed.slice(0, 500)) {
      expect(offer.romeCode).toMatch(/^[A-N]\d{4}$/);
      const job = DEMO_JOBS.find((candidate) => candidate.romeCode === offer.romeCode);
      expect(job?.titles).toContain(offer.title);
      expect(offer.skills.length).toBeGreaterThanOrEqual(3);
      for (const skill of offer.skills) expect(job?.skills.map((s) => s.code)).toContain(skill.code);
      expect(offer.qualities.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('publishes within the 30 days before the reference date; expiry, when set, is after it', () => {
    for (const offer of all) {
      const published = Date.parse(offer.publishedAt);
      const updated = Date.parse(offer.updatedAt);
      expect(published).toBeLessThanOrEqual(referenceMs);
      expect(published).toBeGreaterThan(referenceMs - 30 * DAY_MS);
      expect(updated).toBeGreaterThanOrEqual(published);
      expect(updated).toBeLessThanOrEqual(referenceMs);
      if (offer.expiresAt !== undefined) expect(Date.parse(offer.expiresAt)).toBeGreaterThan(referenceMs);
    }
    expect(all.some((offer) => offer.expiresAt !== undefined)).toBe(true);
    expect(all.some((offer) => offer.expiresAt === undefined)).toBe(true);
  });

  it('defaults the reference date to the start of today', () => {
    expect(resolveGeneratorOptions({ seed: 1 }).referenceDate).toEqual(startOfUtcDay(new Date()));
  });

  it('marks about 5% of offers as cross-posted, towards the platform of their region', () => {
    const rate = (offers: readonly DemoOffer[]): number =>
      offers.filter((offer) => offer.alsoOn.length > 0).length / offers.length;
    expect(rate(all)).toBeGreaterThan(0.035);
    expect(rate(all)).toBeLessThan(0.065);
    for (const offer of nord.filter((o) => o.alsoOn.length > 0))
      expect(offer.alsoOn[0]?.platform).toBe('france-travail');
    for (const offer of mixed.filter((o) => o.alsoOn.length > 0)) {
      const expected = ['67', '68'].includes(offer.commune.departement) ? 'job-connexion' : 'nordemploi';
      expect(offer.alsoOn[0]?.platform).toBe(expected);
    }
    expect(
      generateDemoOffers({ count: 200, seed: 1, crossPostRate: 0 }).every((offer) => offer.alsoOn.length === 0),
    ).toBe(true);
  });

  it('covers every contract kind, working time and salary wording', () => {
    const contracts = new Set(all.map((offer) => (offer.contract.apprenticeship ? 'APP' : offer.contract.type)));
    expect([...contracts].sort()).toEqual(['APP', 'CDD', 'CDI', 'MIS', 'SAI']);
    expect(all.some((offer) => !offer.workingTime.fullTime)).toBe(true);
    for (const offer of all.filter((o) => o.contract.type === 'CDI'))
      expect(offer.contract.durationMonths).toBeUndefined();
    const salaries = nord.map((offer) => offer.salary?.text);
    expect(salaries).toContain(undefined);
    expect(salaries).toContain('1 801,80 € brut mensuel');
    expect(salaries).toContain('Selon profil');
    expect(
      salaries.some((text) => text !== undefined && /^Entre \d[\d ]* € et \d[\d ]* € brut par mois/.test(text)),
    ).toBe(true);
    const ftSalaries = mixed
      .map((offer) => offer.salary)
      .filter((salary) => salary !== undefined && salary.period !== 'none');
    for (const salary of ftSalaries) {
      expect(salary?.text).toMatch(
        /^(Horaire|Mensuel|Annuel) de \d+[.,]\d{2} Euros( à \d+[.,]\d{2} Euros)? sur 1[23] mois$/,
      );
    }
    expect(
      ftSalaries.some((salary) =>
        /^Mensuel de \d+\.\d{2} Euros à \d+\.\d{2} Euros sur 12 mois$/.test(salary?.text ?? ''),
      ),
    ).toBe(true);
  });

  it('never pays below the SMIC', () => {
    for (const offer of all) {
      if (offer.salary?.period === 'hour') expect(offer.salary.min).toBeGreaterThanOrEqual(11.88);
    }
  });

  it('mentions driving licences, required or wished, only for jobs that need one', () => {
    const withLicence = all.filter((offer) => offer.drivingLicence !== undefined);
    expect(new Set(withLicence.map((offer) => offer.drivingLicence?.category))).toEqual(new Set(['B', 'C', 'D']));
    for (const offer of all.filter((o) => o.romeCode === 'N4105')) expect(offer.drivingLicence?.required).toBe(true);
    expect(all.some((offer) => offer.drivingLicence === undefined)).toBe(true);
  });

  it('gives valid SIRETs, one per employer, and sometimes none', () => {
    const siretByEmployer = new Map<string, string>();
    for (const offer of all) {
      const siret = offer.employer.siret;
      if (siret === undefined) continue;
      expect(isLuhnValid(siret)).toBe(true);
      expect(siretByEmployer.get(offer.employer.name) ?? siret).toBe(siret);
      siretByEmployer.set(offer.employer.name, siret);
    }
    expect(all.some((offer) => offer.employer.siret === undefined)).toBe(true);
  });

  it('writes French descriptions with tasks, profile and conditions', () => {
    for (const offer of mixed.slice(0, 200)) {
      expect(offer.description).toMatch(/\n- [A-ZÉÀ]/);
      expect(offer.description).toContain('Profil recherché');
      expect(offer.description.split('\n\n').length).toBeGreaterThanOrEqual(4);
    }
    expect(
      mixed.some((offer) => offer.description.includes('Vous mobiliserez notamment les compétences suivantes')),
    ).toBe(true);
  });

  it('only uses characters windows-1252 can encode, so Job Connexion’s legacy pages stay faithful', () => {
    const offenders = all.flatMap(texts).filter((text) => !isWindows1252Encodable(text));
    expect(offenders).toEqual([]);
  });

  it('agrees between the light core and the full offer, in any order', () => {
    const generator = new DemoOfferGenerator(
      resolveGeneratorOptions({ seed: 5, platform: 'france-travail', referenceDate: REFERENCE }),
    );
    for (const index of [9, 0, 4242, 3]) {
      const core = generator.core(index);
      const offer = generator.offer(index);
      expect(offer.id).toBe(core.id);
      expect(offer.commune).toBe(core.commune);
      expect(offer.romeCode).toBe(core.job.romeCode);
      expect(Date.parse(offer.publishedAt)).toBe(core.publishedMs);
      expect(generator.indexOf(offer.id)).toBe(index);
    }
  });

  it('refuses nonsense options', () => {
    expect(() => generateDemoOffers({ count: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDemoOffers({ count: 1, seed: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoOffers({ count: 1, seed: 1, referenceDate: 'yesterday' })).toThrow(RangeError);
    expect(() => generateDemoOffers({ count: 1, seed: 1, crossPostRate: 2 })).toThrow(RangeError);
  });
});
