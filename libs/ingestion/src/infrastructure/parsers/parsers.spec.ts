import { describe, expect, it } from '@jest/globals';
import type { SiteDescription } from '../../domain/site-description.js';
import { parseFranceTravailOffer } from './france-travail.parser.js';
import { parseJobPostingPage } from './jsonld.parser.js';
import { parseListingCards, parseListingPage, parseOfferPage } from './site-description.parser.js';

const board: SiteDescription = {
  name: 'board',
  label: 'Board',
  listing: { url: 'https://board.test/offres', offerLink: 'ul.results a.offer', nextPage: 'a[rel=next]' },
  offer: {
    externalId: { fromUrl: '/offres/(\\d+)$' },
    fields: {
      title: { selector: 'h1.title' },
      description: { selector: '#description', html: true },
      employerName: { selector: '.employer' },
      location: { selector: '.place' },
      contractType: { selector: 'dd.contract' },
      skills: { selector: 'ul.skills li', all: true },
      publishedAt: { selector: 'time.published', attr: 'datetime' },
      salary: { selector: '.salary', regex: 'Salaire\\s*:\\s*(.+)' },
    },
  },
};

describe('site description parser', () => {
  it('reads offer links and the next page as absolute URLs, once each', () => {
    const html = `<nav><a href="/offres/1">not an offer link</a></nav>
      <ul class="results"><li><a class="offer" href="/offres/1">A</a></li><li><a class="offer" href="offres/2#top">B</a></li>
      <li><a class="offer" href="/offres/1">A again</a></li><li><a class="offer" href="javascript:void(0)">x</a></li></ul>
      <a rel="next" href="?page=2">Suivant</a>`;
    expect(parseListingPage(html, 'https://board.test/offres', board)).toEqual({
      offerUrls: ['https://board.test/offres/1', 'https://board.test/offres/2'],
      nextPageUrl: 'https://board.test/offres?page=2',
    });
  });

  it('extracts every described field of an offer page', () => {
    const html = `<header><h1>Board</h1></header><h1 class="title">  Agent d'entretien
      H/F </h1><div id="description"><p>Nettoyage des bureaux.</p><ul><li>Horaires du matin</li></ul></div>
      <span class="employer">Propreté du Hainaut</span><span class="place">Valenciennes (59300)</span>
      <dl><dd class="contract">CDI</dd></dl><ul class="skills"><li>Nettoyer des surfaces</li><li>Trier les déchets</li></ul>
      <time class="published" datetime="2026-11-12">12 novembre</time><p class="salary">Salaire : 1 801,80 € brut</p>`;
    const result = parseOfferPage(html, 'https://board.test/offres/42', board);
    expect(result).toEqual({
      ok: true,
      raw: {
        externalId: '42',
        fields: {
          url: 'https://board.test/offres/42',
          title: "Agent d'entretien H/F",
          description: '<p>Nettoyage des bureaux.</p><ul><li>Horaires du matin</li></ul>',
          employerName: 'Propreté du Hainaut',
          location: 'Valenciennes (59300)',
          contractType: 'CDI',
          skills: ['Nettoyer des surfaces', 'Trier les déchets'],
          publishedAt: '2026-11-12',
          salary: '1 801,80 € brut',
        },
      },
    });
  });

  it('rejects a page without a title, saying which selector found nothing', () => {
    const result = parseOfferPage('<div id="description">x</div>', 'https://board.test/offres/7', board);
    expect(result).toEqual({ ok: false, field: 'title', reason: 'missing: nothing matches h1.title', externalId: '7' });
  });
});

describe('schema.org JobPosting parser', () => {
  it('reads JSON-LD, inside @graph too', () => {
    const posting = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'x' },
        {
          '@type': 'JobPosting',
          title: 'Aide-soignant de nuit (H/F)',
          description: '<p>Soins et accompagnement.</p>',
          identifier: { '@type': 'PropertyValue', name: 'EHPAD', value: 'REF-881' },
          hiringOrganization: { '@type': 'Organization', name: 'EHPAD Les Tilleuls' },
          jobLocation: {
            '@type': 'Place',
            address: { '@type': 'PostalAddress', postalCode: '67000', addressLocality: 'Strasbourg' },
          },
          employmentType: ['FULL_TIME'],
          datePosted: '2026-11-02',
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'EUR',
            value: { '@type': 'QuantitativeValue', minValue: 1900, maxValue: 2100, unitText: 'MONTH' },
          },
        },
      ],
    };
    const html = `<html><head><script type="application/ld+json">{broken</script><script type="application/ld+json">${JSON.stringify(posting)}</script></head></html>`;
    const result = parseJobPostingPage(html, 'https://ehpad.test/jobs/881');
    expect(result.ok && result.raw).toMatchObject({
      externalId: 'REF-881',
      fields: {
        title: 'Aide-soignant de nuit (H/F)',
        employerName: 'EHPAD Les Tilleuls',
        postalCode: '67000',
        communeName: 'Strasbourg',
        workingTime: 'Temps plein',
        publishedAt: '2026-11-02',
        salary: '1900 à 2100 € mensuel',
      },
    });
  });

  it('says so when a page has no job posting', () => {
    expect(parseJobPostingPage('<html><body>Accueil</body></html>', 'https://x.test/')).toMatchObject({
      ok: false,
      field: 'page',
    });
  });
});

describe('France Travail parser', () => {
  it('maps the official field names', () => {
    const result = parseFranceTravailOffer({
      id: '201ABCD',
      intitule: 'Préparateur de commandes (H/F)',
      description: 'Préparation de commandes en entrepôt.',
      dateCreation: '2026-11-20T08:12:03.000Z',
      lieuTravail: { libelle: '59 - ROUBAIX', latitude: 50.69, longitude: 3.17, codePostal: '59100', commune: '59512' },
      romeCode: 'N1103',
      entreprise: { nom: 'Logistique du Nord' },
      typeContrat: 'MIS',
      typeContratLibelle: 'Mission intérimaire - 3 Mois',
      dureeTravailLibelleConverti: 'Temps plein',
      dureeTravailLibelle: '35H Horaires normaux',
      salaire: { libelle: 'Horaire de 11,88 Euros sur 12 mois' },
      competences: [{ libelle: 'Préparer les commandes' }],
      permis: [{ libelle: 'B - Véhicule léger', exigence: 'S' }],
      experienceExige: 'D',
    });
    expect(result).toEqual({
      ok: true,
      raw: {
        externalId: '201ABCD',
        fields: expect.objectContaining({
          title: 'Préparateur de commandes (H/F)',
          postalCode: '59100',
          inseeCode: '59512',
          latitude: '50.69',
          contractType: 'Intérim',
          contractDuration: 'Mission intérimaire - 3 Mois',
          workingTime: 'Temps plein',
          weeklyHours: '35H Horaires normaux',
          skills: ['Préparer les commandes'],
          drivingLicence: 'B - Véhicule léger',
          experience: 'Débutant accepté',
        }),
      },
    });
  });

  it('rejects an offer without a title', () => {
    expect(parseFranceTravailOffer({ id: 'X1', intitule: ' ' })).toEqual({
      ok: false,
      field: 'title',
      reason: 'missing (intitule)',
      externalId: 'X1',
    });
  });
});

describe('a board whose listing cards carry the offers', () => {
  const cards: SiteDescription = {
    ...board,
    listing: { url: 'https://cards.test/offres', offerCard: 'li.card', offerLink: 'a.more', nextPage: 'a[rel=next]' },
    offer: {
      externalId: { fromUrl: '/o/(\\d+)$' },
      fields: { title: { selector: 'h3' }, location: { selector: '.place' } },
    },
  };

  it('gives each card with the URL it links to; a card is read with the offer rules applied inside it', () => {
    const html = `<ul><li class="card"><h3>Cariste</h3><span class="place">Lille</span><a class="more" href="/o/7">Voir</a></li>
      <li class="card"><h3>Soudeur</h3><span class="place">Douai</span></li></ul><a rel="next" href="?p=2">Suivant</a>`;
    const page = parseListingCards(html, 'https://cards.test/offres', cards);
    expect(page.nextPageUrl).toBe('https://cards.test/offres?p=2');
    expect(page.cards.map((card) => card.url)).toEqual(['https://cards.test/o/7', 'https://cards.test/offres']);
    expect(parseOfferPage(page.cards[0].html, page.cards[0].url, cards)).toEqual({
      ok: true,
      raw: { externalId: '7', fields: { url: 'https://cards.test/o/7', title: 'Cariste', location: 'Lille' } },
    });
    // No link, no id from the URL: rejected with the field at fault, the other card unaffected.
    expect(parseOfferPage(page.cards[1].html, page.cards[1].url, cards)).toMatchObject({
      ok: false,
      field: 'externalId',
    });
  });
});
