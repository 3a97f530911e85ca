import type { DemoOffer } from '../generator/demo-offer.js';
import { formatParisIso, formatParisLongDate } from '../generator/paris-time.js';
import { descriptionHtml, escapeHtml as e } from '../http/demo-http.js';

/**
 * Job Connexion, a regional platform for Alsace: a newer design than Nordemploi's, cards carrying
 * `data-*` attributes, "67000 Strasbourg" locations, ISO dates in `<time datetime>`, `?offset=`
 * pagination, and a "sponsored" strip repeating offer cards outside the result list.
 */

export const JOB_CONNEXION_PREFIX = '/jobconnexion';
export const JOB_CONNEXION_LISTING_PATH = `${JOB_CONNEXION_PREFIX}/emplois`;

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const jobConnexionOfferPath = (offer: Pick<DemoOffer, 'id' | 'title'>): string =>
  `${JOB_CONNEXION_PREFIX}/offre/${offer.id}/${slugify(offer.title)}`;
export const jobConnexionListingPath = (offset: number): string =>
  offset <= 0 ? JOB_CONNEXION_LISTING_PATH : `${JOB_CONNEXION_LISTING_PATH}?offset=${offset}`;

/** The words Job Connexion uses for contract kinds, in `data-contract-type`. */
export function jobConnexionContractType(offer: DemoOffer): string {
  if (offer.contract.apprenticeship) return 'Apprentissage';
  return { CDI: 'CDI', CDD: 'CDD', MIS: 'Intérim', SAI: 'Saisonnier' }[offer.contract.type];
}

export type PageCharset = 'utf-8' | 'windows-1252';

interface LayoutOptions {
  readonly title: string;
  readonly description: string;
  readonly main: string;
  readonly year: number;
  readonly charset: PageCharset;
  readonly canonical?: string;
}

function layout(options: LayoutOptions): string {
  return `<!doctype html>
<html lang="fr-FR">
<head>
<meta charset="${options.charset}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(options.title)} - Job Connexion</title>
<meta name="description" content="${e(options.description)}">
${options.canonical ? `<link rel="canonical" href="${e(options.canonical)}">\n` : ''}<link rel="stylesheet" href="${JOB_CONNEXION_PREFIX}/assets/app.css">
<script src="${JOB_CONNEXION_PREFIX}/assets/app.js" defer></script>
</head>
<body class="jc">
<div class="jc-consent" data-consent-banner role="dialog" aria-modal="true" aria-labelledby="jc-consent-title">
<div class="jc-consent__box">
<h2 id="jc-consent-title">Vos données, votre choix</h2>
<p>Nous utilisons des traceurs pour mesurer l’audience et vous proposer des offres adaptées.</p>
<button type="button" class="jc-btn" data-consent="accept">J’accepte</button>
<button type="button" class="jc-btn jc-btn--ghost" data-consent="deny">Continuer sans accepter</button>
</div>
</div>
<div class="jc-topbar"><span>L’emploi en Alsace, près de chez vous</span> <a href="${JOB_CONNEXION_PREFIX}/compte/connexion">Se connecter</a></div>
<header class="jc-header">
<a class="jc-logo" href="${JOB_CONNEXION_PREFIX}/"><span class="jc-logo__job">Job</span>Connexion</a>
<nav class="jc-menu" aria-label="Navigation principale">
<a href="${JOB_CONNEXION_LISTING_PATH}">Offres d’emploi</a>
<a href="${JOB_CONNEXION_PREFIX}/entreprises">Entreprises</a>
<a href="${JOB_CONNEXION_PREFIX}/conseils">Conseils</a>
<a href="${JOB_CONNEXION_PREFIX}/compte/deposer-une-offre">Recruteurs</a>
</nav>
</header>
<main class="jc-main">
${options.main}
</main>
<footer class="jc-footer">
<div class="jc-footer__cols">
<div><h3>Job Connexion</h3><p>La plateforme de l’emploi des Alsaciens : offres, conseils, ateliers.</p></div>
<div><h3>Liens utiles</h3><a href="${JOB_CONNEXION_PREFIX}/mentions-legales">Mentions légales</a> · <a href="${JOB_CONNEXION_PREFIX}/donnees-personnelles">Données personnelles</a></div>
</div>
<p class="jc-footer__legal">© ${options.year} Job Connexion – plateforme régionale (démonstration).</p>
</footer>
</body>
</html>
`;
}

function card(offer: DemoOffer, sponsored: boolean): string {
  const published = Date.parse(offer.publishedAt);
  return `<article class="jc-card${sponsored ? ' jc-card--sponsored' : ''}" data-job-id="${e(offer.id)}" data-contract="${e(
    jobConnexionContractType(offer),
  )}" data-postcode="${e(offer.commune.postalCode)}" data-city="${e(offer.commune.name)}">
<h2 class="jc-card__title"><a class="jc-card__link" href="${jobConnexionOfferPath(offer)}">${e(offer.title)}</a></h2>
<p class="jc-card__company">${e(offer.employer.name)}</p>
<p class="jc-card__place">${e(offer.commune.postalCode)} ${e(offer.commune.name)}</p>
<p class="jc-card__contract">${e(offer.contract.label)}</p>
<time class="jc-card__date" datetime="${formatParisIso(published)}">${formatParisLongDate(published)}</time>
</article>`;
}

export interface JobConnexionListing {
  readonly offers: readonly DemoOffer[];
  readonly sponsored: readonly DemoOffer[];
  readonly offset: number;
  readonly pageSize: number;
  readonly total: number;
  readonly year: number;
  readonly charset: PageCharset;
}

export function jobConnexionListingHtml(listing: JobConnexionListing): string {
  const { offset, pageSize, total } = listing;
  const previous =
    offset > 0
      ? `<a class="jc-pager__prev" rel="prev" href="${jobConnexionListingPath(Math.max(0, offset - pageSize))}">‹ Précédent</a>\n`
      : '';
  const next =
    offset + pageSize < total
      ? `\n<a class="jc-pager__next" rel="next" href="${jobConnexionListingPath(offset + pageSize)}">Suivant ›</a>`
      : '';
  const last = Math.min(total, offset + pageSize);
  const main = `<div class="jc-search-summary">
<h1 class="jc-h1">Offres d’emploi en Alsace</h1>
<p class="jc-count" data-total="${total}">${total} offres disponibles</p>
</div>
${
  listing.sponsored.length > 0
    ? `<section class="jc-sponsored" aria-label="Offres mises en avant">
<h2 class="jc-h2">À ne pas manquer</h2>
${listing.sponsored.map((offer) => card(offer, true)).join('\n')}
</section>\n`
    : ''
}<div class="jc-layout">
<aside class="jc-filters">
<h2 class="jc-h2">Affiner</h2>
<form action="${JOB_CONNEXION_LISTING_PATH}" method="get">
<fieldset><legend>Contrat</legend>
<label><input type="checkbox" name="contrat" value="CDI"> CDI</label>
<label><input type="checkbox" name="contrat" value="CDD"> CDD</label>
<label><input type="checkbox" name="contrat" value="Intérim"> Intérim</label>
</fieldset>
<button type="submit" class="jc-btn">Filtrer</button>
</form>
</aside>
<div id="jc-results" class="jc-results" data-offset="${offset}" data-limit="${pageSize}" data-total="${total}">
${listing.offers.length > 0 ? listing.offers.map((offer) => card(offer, false)).join('\n') : '<p class="jc-empty">Aucune offre pour le moment.</p>'}
</div>
</div>
<nav class="jc-pager" aria-label="Pagination">
${previous}<span class="jc-pager__info">Offres ${total === 0 ? 0 : offset + 1} à ${last} sur ${total}</span>${next}
</nav>`;
  return layout({
    title: offset > 0 ? `Offres d’emploi (à partir de ${offset + 1})` : 'Offres d’emploi',
    description: `${total} offres d’emploi en Alsace`,
    main,
    year: listing.year,
    charset: listing.charset,
  });
}

export interface JobConnexionOfferPage {
  readonly offer: DemoOffer;
  readonly similar: readonly DemoOffer[];
  readonly origin: string;
  readonly year: number;
  readonly charset: PageCharset;
}

function fact(name: string, label: string, value: string, attributes = ''): string {
  return `<li class="jc-fact" data-fact="${name}"${attributes}><span class="jc-fact__label">${e(label)}</span> <span class="jc-fact__value">${e(value)}</span></li>`;
}

export function jobConnexionOfferHtml(page: JobConnexionOfferPage): string {
  const { offer } = page;
  const time = (className: string, iso: string): string =>
    `<time class="${className}" datetime="${formatParisIso(Date.parse(iso))}">${formatParisLongDate(Date.parse(iso))}</time>`;
  const { commune, contract, workingTime } = offer;
  const facts = [
    fact(
      'location',
      'Lieu',
      `${commune.postalCode} ${commune.name}`,
      ` data-postcode="${e(commune.postalCode)}" data-city="${e(commune.name)}" data-insee="${e(commune.inseeCode)}"`,
    ),
    fact(
      'contract',
      'Contrat',
      contract.label,
      ` data-contract-type="${e(jobConnexionContractType(offer))}"${
        contract.durationMonths === undefined ? '' : ` data-duration="${contract.durationMonths} mois"`
      }`,
    ),
    fact(
      'working-time',
      'Temps de travail',
      workingTime.label,
      ` data-working-time="${workingTime.fullTime ? 'Temps plein' : 'Temps partiel'}" data-weekly-hours="${workingTime.weeklyHours}"`,
    ),
    fact('schedule', 'Horaires', workingTime.schedule),
    ...(offer.salary ? [fact('salary', 'Salaire', offer.salary.text)] : []),
    fact('experience', 'Expérience', offer.experience.label),
    ...(offer.drivingLicence ? [fact('licence', 'Permis', offer.drivingLicence.label)] : []),
    fact('positions', 'Postes', String(offer.positions)),
  ].join('\n');
  const siret = offer.employer.siret
    ? ` · <span class="jc-job__siret" data-siret="${e(offer.employer.siret)}">SIRET ${e(offer.employer.siret)}</span>`
    : '';
  const list = (className: string, itemClass: string, items: readonly { label: string; code?: string }[]): string =>
    `<ul class="${className}">\n${items
      .map((item) => `<li class="${itemClass}"${item.code ? ` data-ogr="${e(item.code)}"` : ''}>${e(item.label)}</li>`)
      .join('\n')}\n</ul>`;
  const requirements =
    offer.requirements.length === 0
      ? ''
      : `<section class="jc-job__section"><h2 class="jc-h2">Prérequis</h2>
${list(
  'jc-requirements',
  'jc-requirement',
  offer.requirements.map((label) => ({ label })),
)}
</section>\n`;
  const similar =
    page.similar.length === 0
      ? ''
      : `<section class="jc-similar" aria-label="Offres similaires"><h2 class="jc-h2">Ces offres peuvent vous intéresser</h2>
${page.similar.map((other) => card(other, false)).join('\n')}
</section>`;
  const main = `<nav class="jc-breadcrumb" aria-label="Fil d’Ariane"><a href="${JOB_CONNEXION_PREFIX}/">Accueil</a> › <a href="${JOB_CONNEXION_LISTING_PATH}">Offres</a> › <span>${e(
    offer.title,
  )}</span></nav>
<article class="jc-job" data-job-id="${e(offer.id)}" data-rome="${e(offer.romeCode)}">
<header class="jc-job__header">
<h1 class="jc-job__title">${e(offer.title)}</h1>
<p class="jc-job__company"><span class="jc-job__company-name">${e(offer.employer.name)}</span>${siret}</p>
<p class="jc-job__dates">Publiée le ${time('jc-job__published', offer.publishedAt)}, mise à jour le ${time('jc-job__updated', offer.updatedAt)}${
    offer.expiresAt ? ` · Expire le ${time('jc-job__expires', offer.expiresAt)}` : ''
  }</p>
</header>
<ul class="jc-facts">
${facts}
</ul>
<div class="jc-map" data-lat="${commune.latitude}" data-lng="${commune.longitude}" role="img" aria-label="Carte : ${e(commune.name)}"></div>
<section class="jc-job__section"><h2 class="jc-h2">Le poste</h2>
<div class="jc-job__description">
${descriptionHtml(offer.description)}
</div>
</section>
<section class="jc-job__section"><h2 class="jc-h2">Savoir-faire</h2>
${list('jc-skills', 'jc-skill', offer.skills)}
</section>
<section class="jc-job__section"><h2 class="jc-h2">Savoir-être</h2>
${list(
  'jc-soft-skills',
  'jc-soft-skill',
  offer.qualities.map((quality) => ({ label: quality.label })),
)}
</section>
${requirements}<p class="jc-job__metier">Métier : <span class="jc-job__appellation">${e(offer.appellationLabel)}</span> (<span class="jc-job__rome">${e(
    offer.romeCode,
  )}</span>)</p>
<a class="jc-btn jc-btn--apply" href="${JOB_CONNEXION_PREFIX}/compte/postuler?offre=${e(offer.id)}">Je postule</a>
</article>
${similar}`;
  return layout({
    title: `${offer.title} à ${offer.commune.name}`,
    description: `${offer.employer.name} recrute : ${offer.title}`,
    main,
    year: page.year,
    charset: page.charset,
    canonical: `${page.origin}${jobConnexionOfferPath(offer)}`,
  });
}

const ERROR_TEXTS: Readonly<Record<number, string>> = {
  403: 'Connectez-vous pour accéder à cet espace.',
  404: 'Cette page n’existe pas.',
  410: 'Cette offre a été pourvue ou retirée par le recruteur.',
  500: 'Oups ! Une erreur s’est produite, réessayez dans un instant.',
};

export function jobConnexionErrorHtml(status: number, year: number): string {
  const main = `<section class="jc-error" data-status="${status}">
<h1 class="jc-h1">${status === 410 ? 'Offre expirée' : `Erreur ${status}`}</h1>
<p>${e(ERROR_TEXTS[status] ?? 'Une erreur est survenue.')}</p>
<a class="jc-btn" href="${JOB_CONNEXION_LISTING_PATH}">Voir les offres</a>
</section>`;
  return layout({ title: `Erreur ${status}`, description: 'Erreur', main, year, charset: 'utf-8' });
}

export function jobConnexionHomeHtml(total: number, year: number): string {
  const main = `<section class="jc-hero">
<h1 class="jc-h1">Votre prochain emploi est en Alsace</h1>
<p>${total} offres à Strasbourg, Mulhouse, Colmar et partout en Alsace.</p>
<a class="jc-btn" href="${JOB_CONNEXION_LISTING_PATH}">Parcourir les offres</a>
</section>`;
  return layout({ title: 'Accueil', description: 'Offres d’emploi en Alsace', main, year, charset: 'utf-8' });
}
