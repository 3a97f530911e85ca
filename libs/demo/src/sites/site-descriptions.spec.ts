import { describe, expect, it } from '@jest/globals';
import { OFFER_FIELD_NAMES as OFFER_FIELD_NAMES_LIST } from '@passerelle/ingestion';
import { siteDescriptions, type DemoFieldRule } from './site-descriptions.js';

// The real list: a misspelt field here would be silently ignored by the parser.
const OFFER_FIELD_NAMES = new Set<string>(OFFER_FIELD_NAMES_LIST);

const regexOf = (rule: DemoFieldRule | undefined): RegExp => new RegExp(rule?.regex ?? '(.*)');

describe('site descriptions', () => {
  const { nordemploi, jobConnexion } = siteDescriptions('http://127.0.0.1:4321/');

  it('fills in the base URL', () => {
    expect(nordemploi.listing.url).toBe('http://127.0.0.1:4321/nordemploi/offres');
    expect(jobConnexion.listing.url).toBe('http://127.0.0.1:4321/jobconnexion/emplois');
    expect(JSON.stringify([nordemploi, jobConnexion])).not.toContain('{{');
  });

  it('only uses the ingestion field names, and every field the pages carry', () => {
    for (const description of [nordemploi, jobConnexion]) {
      for (const field of Object.keys(description.offer.fields)) expect(OFFER_FIELD_NAMES).toContain(field);
      expect(Object.keys(description.offer.fields)).toEqual(
        expect.arrayContaining([
          'title',
          'description',
          'employerName',
          'contractType',
          'skills',
          'qualities',
          'publishedAt',
        ]),
      );
      expect(description.offer.fields.description?.html).toBe(true);
      expect(description.offer.fields.skills?.all).toBe(true);
    }
    expect(Object.keys(jobConnexion.offer.fields)).toHaveLength(26);
  });

  it('extracts Nordemploi values from their wording', () => {
    const fields = nordemploi.offer.fields;
    expect(regexOf(fields.postalCode).exec('Marcq-en-Barœul (59700)')?.[1]).toBe('59700');
    expect(regexOf(fields.communeName).exec('Marcq-en-Barœul (59700)')?.[1]).toBe('Marcq-en-Barœul');
    expect(regexOf(fields.weeklyHours).exec('17,5 h par semaine')?.[1]).toBe('17,5');
    expect(regexOf(fields.employerSiret).exec('SIRET : 732 829 320 00074')?.[1]).toBe('732 829 320 00074');
    expect(regexOf(fields.publishedAt).exec('Publiée le 12/11/2026')?.[1]).toBe('12/11/2026');
    const externalId = nordemploi.offer.externalId;
    expect(
      'fromUrl' in externalId && new RegExp(externalId.fromUrl).exec('http://x/nordemploi/offres/4820193')?.[1],
    ).toBe('4820193');
  });

  it('returns fresh objects each time', () => {
    expect(siteDescriptions('http://a').nordemploi.listing.url).toBe('http://a/nordemploi/offres');
    expect(siteDescriptions('http://b').nordemploi.listing.url).toBe('http://b/nordemploi/offres');
  });
});
