import { describe, expect, it } from '@jest/globals';
import { readOfferPage } from './any-page.parser.js';
import { parsePageText } from './page-text.parser.js';

const chrome = (main: string, title = 'Offre - Cap emploi 59'): string =>
  `<!doctype html><html lang="fr"><head><title>${title}</title><meta property="og:site_name" content="Cap emploi"></head>
  <body><header><nav><a href="/">Accueil</a> <a href="/offres">Toutes les offres</a> <a href="/contact">Contact</a></nav></header>
  ${main}
  <footer><p>Mentions légales : Cap emploi 2026. Plan du site. Accessibilité : partiellement conforme.</p></footer></body></html>`;

const LONG_TEXT =
  "<p>Au sein d'une équipe de cinq personnes, vous assurez le nettoyage des bureaux et des parties communes " +
  "d'un immeuble tertiaire. Vous utilisez une autolaveuse et respectez les protocoles d'hygiène du site.</p>" +
  '<p>Poste ouvert aux personnes en situation de handicap, horaires du matin de 6 h à 10 h.</p>';

describe('an offer page without structured data, read as text', () => {
  it('takes the heading, the main text and the facts listed as "Label : valeur"', () => {
    const html = chrome(`<main><h1>Agent d'entretien H/F</h1>
      <ul class="infos"><li><strong>Entreprise :</strong> Net Plus Services</li><li><strong>Lieu :</strong> 59000 Lille</li>
      <li><strong>Type de contrat :</strong> CDD 6 mois</li><li>Temps partiel, 24 h par semaine</li>
      <li><strong>Salaire :</strong> 11,88 € brut de l'heure</li><li>Code ROME : K2204</li></ul>
      <div class="description">${LONG_TEXT}</div></main>`);
    const result = parsePageText(html, 'https://capemploi.test/offres/123');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw.externalId).toBe('https://capemploi.test/offres/123');
    expect(result.raw.fields).toMatchObject({
      title: "Agent d'entretien H/F",
      employerName: 'Net Plus Services',
      postalCode: '59000',
      communeName: 'Lille',
      contractType: 'CDD 6 mois',
      workingTime: 'Temps partiel',
      salary: "11,88 € brut de l'heure",
      romeCode: 'K2204',
    });
    expect(result.raw.fields.description).toContain('autolaveuse');
    // The site's chrome is not the offer.
    expect(result.raw.fields.description).not.toContain('Mentions légales');
    expect(result.raw.fields.description).not.toContain('Toutes les offres');
  });

  it('reads facts from a definition list or a two-column table, accents and case in labels ignored', () => {
    const dl = chrome(`<article><h1>Préparateur de commandes</h1><dl><dt>EMPLOYEUR</dt><dd>Logistique du Nord</dd>
      <dt>Localisation</dt><dd>Roubaix (59100)</dd><dt>Nature de contrat</dt><dd>Intérim</dd>
      <dt>Rémunération</dt><dd>1 850 € brut par mois</dd></dl>${LONG_TEXT}</article>`);
    const fromDl = parsePageText(dl, 'https://x.test/o/1');
    expect(fromDl.ok && fromDl.raw.fields).toMatchObject({
      employerName: 'Logistique du Nord',
      location: 'Roubaix (59100)',
      contractType: 'Intérim',
      salary: '1 850 € brut par mois',
    });
    const table = chrome(`<main><h1>Aide à domicile</h1><table><tr><th>Société</th><td>ADMR Flandre</td></tr>
      <tr><td>Lieu de travail</td><td>59140 Dunkerque</td></tr></table>${LONG_TEXT}</main>`);
    const fromTable = parsePageText(table, 'https://x.test/o/2');
    expect(fromTable.ok && fromTable.raw.fields).toMatchObject({
      employerName: 'ADMR Flandre',
      postalCode: '59140',
      communeName: 'Dunkerque',
    });
  });

  it('finds the contract, working time and place in running text when nothing is labelled', () => {
    const html = chrome(`<main><h1>Magasinier</h1><p>Nous recrutons en CDI à temps plein un magasinier pour notre
      entrepôt situé au 12 rue des Docks, 67100 Strasbourg. Vous réceptionnez et rangez les marchandises, préparez les
      commandes et tenez l'inventaire. Salaire : 1 900 € brut par mois.</p></main>`);
    const result = parsePageText(html, 'https://x.test/o/3');
    expect(result.ok && result.raw.fields).toMatchObject({
      contractType: 'CDI',
      workingTime: 'temps plein',
      postalCode: '67100',
      communeName: 'Strasbourg',
    });
  });

  it('uses the canonical link as the id and the <title> before the site name when there is no heading', () => {
    const html = `<html><head><title>Soudeur H/F – Job Connexion</title><link rel="canonical" href="https://jc.test/o/9"></head>
      <body><div>${LONG_TEXT}</div></body></html>`;
    const result = parsePageText(html, 'https://jc.test/o/9?utm=x');
    expect(result.ok && result.raw).toMatchObject({
      externalId: 'https://jc.test/o/9',
      fields: { title: 'Soudeur H/F' },
    });
  });

  it('rejects a page with no title or no text, naming the field', () => {
    expect(parsePageText('<html><body><div>   </div></body></html>', 'https://x.test/empty')).toMatchObject({
      ok: false,
      field: 'title',
    });
    expect(parsePageText('<html><body><h1>Offre</h1></body></html>', 'https://x.test/nothing')).toMatchObject({
      ok: false,
    });
  });

  it('reads a hostile page of long digit and space runs without backtracking for ever', () => {
    const hostile = chrome(`<main><h1>Offre</h1><p>${'1 '.repeat(40_000)}x ${'59000 A'.repeat(5_000)}</p></main>`);
    const result = parsePageText(hostile, 'https://x.test/hostile');
    expect(result.ok).toBe(true);
  });

  it('prefers the JSON-LD JobPosting when the page has one, and falls back to the text otherwise', () => {
    const jsonld = `<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Cariste","description":"Conduite de chariot",
      "jobLocation":{"address":{"postalCode":"59000","addressLocality":"Lille"}}}</script></head><body><h1>Autre titre</h1>${LONG_TEXT}</body></html>`;
    expect(readOfferPage(jsonld, 'https://x.test/a')).toMatchObject({
      reader: 'jsonld',
      result: { ok: true, raw: { fields: { title: 'Cariste' } } },
    });
    expect(readOfferPage(chrome(`<main><h1>Cariste</h1>${LONG_TEXT}</main>`), 'https://x.test/b')).toMatchObject({
      reader: 'page-text',
      result: { ok: true, raw: { fields: { title: 'Cariste' } } },
    });
  });
});
