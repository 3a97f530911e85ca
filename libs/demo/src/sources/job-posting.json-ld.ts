import type { DemoOffer } from '../generator/demo-offer.js';
import { formatParisIso } from '../generator/paris-time.js';
import { descriptionHtml } from '../http/demo-http.js';

const REGIONS: Readonly<Record<string, string>> = {
  '59': 'Hauts-de-France',
  '62': 'Hauts-de-France',
  '67': 'Grand Est',
  '68': 'Grand Est',
};

function employmentType(offer: DemoOffer): string[] {
  const types = [offer.workingTime.fullTime ? 'FULL_TIME' : 'PART_TIME'];
  if (offer.contract.apprenticeship) types.push('INTERN');
  else if (offer.contract.type !== 'CDI') types.push('TEMPORARY');
  return types;
}

function baseSalary(offer: DemoOffer): Record<string, unknown> | undefined {
  const salary = offer.salary;
  if (!salary || salary.period === 'none' || salary.min === undefined) return undefined;
  const unitText = { hour: 'HOUR', month: 'MONTH', year: 'YEAR' }[salary.period];
  const value =
    salary.max === undefined
      ? { '@type': 'QuantitativeValue', value: salary.min, unitText }
      : { '@type': 'QuantitativeValue', minValue: salary.min, maxValue: salary.max, unitText };
  return { '@type': 'MonetaryAmount', currency: 'EUR', value };
}

/** schema.org JobPosting, as Google for Jobs asks boards to embed it. */
export function jobPostingJsonLd(offer: DemoOffer, pageUrl: string, sourceName: string): Record<string, unknown> {
  const salary = baseSalary(offer);
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: offer.title,
    description: descriptionHtml(offer.description),
    identifier: { '@type': 'PropertyValue', name: sourceName, value: offer.id },
    datePosted: formatParisIso(Date.parse(offer.publishedAt)),
    ...(offer.expiresAt ? { validThrough: formatParisIso(Date.parse(offer.expiresAt)) } : {}),
    employmentType: employmentType(offer),
    hiringOrganization: {
      '@type': 'Organization',
      name: offer.employer.name,
      ...(offer.employer.siret ? { identifier: offer.employer.siret } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: offer.commune.name,
        postalCode: offer.commune.postalCode,
        addressRegion: REGIONS[offer.commune.departement] ?? '',
        addressCountry: 'FR',
      },
      geo: { '@type': 'GeoCoordinates', latitude: offer.commune.latitude, longitude: offer.commune.longitude },
    },
    ...(salary ? { baseSalary: salary } : {}),
    occupationalCategory: offer.romeCode,
    skills: offer.skills.map((skill) => skill.label).join(', '),
    experienceRequirements:
      offer.experience.requirement === 'D'
        ? 'Débutant accepté'
        : { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: offer.experience.months },
    workHours: `${offer.workingTime.weeklyHours} h par semaine`,
    totalJobOpenings: offer.positions,
    directApply: false,
    url: pageUrl,
  };
}

/** JSON for a `<script>` element: `</script>` and `<!--` cannot close or comment it out. */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
