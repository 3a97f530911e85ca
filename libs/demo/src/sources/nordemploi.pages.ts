import type { DemoOffer } from '../generator/demo-offer.js';
import { contractDurationLabel, weeklyHoursLabel } from '../generator/offer-wording.js';
import { formatParisDate } from '../generator/paris-time.js';
import { formatSiret } from '../generator/siret.js';
import { descriptionHtml, escapeHtml as e } from '../http/demo-http.js';
import { jobPostingJsonLd, scriptSafeJson } from './job-posting.json-ld.js';

/**
 * Nordemploi, a départemental job board: classic server-rendered pages in French, UTF-8, with the
 * chrome real boards carry (cookie banner, menu, search form, "À la une" box, similar offers, footer).
 * The chrome deliberately repeats offer links and uses an `<h1>` for the logo, so only precise
 * selectors (see sites/nordemploi.site.json) read the right elements.
 */

export const NORDEMPLOI_PREFIX = '/nordemploi';
export const NORDEMPLOI_LISTING_PATH = `${NORDEMPLOI_PREFIX}/offres`;

export const nordemploiOfferPath = (id: string): string => `${NORDEMPLOI_LISTING_PATH}/${id}`;
export const nordemploiListingPath = (page: number): string =>
  page <= 1 ? NORDEMPLOI_LISTING_PATH : `${NORDEMPLOI_LISTING_PATH}?page=${page}`;

interface LayoutOptions {
  readonly title: string;
  readonly bodyClass: string;
  readonly main: string;
  readonly year: number;
  readonly canonical?: string;
  readonly jsonLd?: unknown;
  readonly current?: 'accueil' | 'offres';
}

function layout(options: LayoutOptions): string {
  const current = (key: LayoutOptions['current']): string => (options.current === key ? ' aria-current="page"' : '');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(options.title)} | Nordemploi</title>
<link rel="stylesheet" href="${NORDEMPLOI_PREFIX}/static/site.css">
${options.canonical ? `<link rel="canonical" href="${e(options.canonical)}">\n` : ''}${
    options.jsonLd === undefined
      ? ''
      : `<script type="application/ld+json">${scriptSafeJson(options.jsonLd)}</script>\n`
  }<script src="${NORDEMPLOI_PREFIX}/static/consentement.js" defer></script>
</head>
<body class="${options.bodyClass}">
<a class="lien-evitement" href="#contenu">Aller au contenu</a>
<div id="bandeau-cookies" class="bandeau-cookies" role="dialog" aria-label="Gestion des cookies">
<p class="bandeau-cookies__texte">Nordemploi utilise des cookies pour mesurer l’audience du site et améliorer votre navigation. <a href="${NORDEMPLOI_PREFIX}/cookies">En savoir plus</a></p>
<button type="button" class="bouton bouton--primaire" data-consentement="accepter">Tout accepter</button>
<button type="button" class="bouton" data-consentement="refuser">Tout refuser</button>
</div>
<header class="entete" role="banner">
<h1 class="entete__logo"><a href="${NORDEMPLOI_PREFIX}/">Nordemploi</a></h1>
<p class="entete__slogan">L’emploi et l’insertion dans le Nord</p>
<nav class="menu-principal" aria-label="Menu principal">
<ul>
<li><a href="${NORDEMPLOI_PREFIX}/"${current('accueil')}>Accueil</a></li>
<li><a href="${NORDEMPLOI_LISTING_PATH}"${current('offres')}>Offres d’emploi</a></li>
<li><a href="${NORDEMPLOI_PREFIX}/entreprises">Entreprises</a></li>
<li><a href="${NORDEMPLOI_PREFIX}/actualites">Actualités</a></li>
<li><a href="${NORDEMPLOI_PREFIX}/admin/connexion">Espace recruteur</a></li>
</ul>
</nav>
<form class="recherche" action="${NORDEMPLOI_PREFIX}/recherche" method="get" role="search">
<label for="recherche-q">Rechercher une offre</label>
<input id="recherche-q" name="q" type="search" placeholder="Métier, entreprise, commune…">
<button type="submit">Rechercher</button>
</form>
</header>
<main id="contenu" class="contenu">
${options.main}
</main>
<footer class="pied" role="contentinfo">
<ul class="pied__liens">
<li><a href="${NORDEMPLOI_PREFIX}/mentions-legales">Mentions légales</a></li>
<li><a href="${NORDEMPLOI_PREFIX}/accessibilite">Accessibilité : partiellement conforme</a></li>
<li><a href="${NORDEMPLOI_PREFIX}/plan-du-site">Plan du site</a></li>
<li><a href="${NORDEMPLOI_PREFIX}/contact">Contact</a></li>
</ul>
<p class="pied__copyright">© ${options.year} Nordemploi, plateforme départementale de l’emploi et de l’insertion. Site de démonstration.</p>
</footer>
</body>
</html>
`;
}

const place = (offer: DemoOffer): string => `${offer.commune.name} (${offer.commune.postalCode})`;

function card(offer: DemoOffer): string {
  return `<li class="offre-item">
<article class="carte-offre">
<h3 class="carte-offre__titre"><a class="carte-offre__lien" href="${nordemploiOfferPath(offer.id)}">${e(offer.title)}</a></h3>
<p class="carte-offre__employeur">${e(offer.employer.name)}</p>
<ul class="carte-offre__etiquettes">
<li class="etiquette etiquette--lieu">${e(place(offer))}</li>
<li class="etiquette etiquette--contrat">${e(offer.contract.label)}</li>
<li class="etiquette etiquette--temps">${e(offer.workingTime.label)}</li>
</ul>
<p class="carte-offre__date">Publiée le ${formatParisDate(Date.parse(offer.publishedAt))}</p>
</article>
</li>`;
}

function featuredBox(featured: readonly DemoOffer[]): string {
  const items = featured
    .map(
      (offer) =>
        `<li><a class="a-la-une__lien" href="${nordemploiOfferPath(offer.id)}">${e(offer.title)}</a> <span class="a-la-une__lieu">${e(offer.commune.name)}</span></li>`,
    )
    .join('\n');
  return `<aside class="a-la-une" aria-labelledby="titre-une">
<h2 id="titre-une">À la une</h2>
<ul>
${items}
</ul>
<div class="encart-recruteur">
<h3>Vous recrutez ?</h3>
<p>Déposez votre offre gratuitement et rencontrez des candidats motivés près de chez vous.</p>
<a class="bouton" href="${NORDEMPLOI_PREFIX}/admin/depot">Déposer une offre</a>
</div>
</aside>`;
}

export interface NordemploiListing {
  readonly offers: readonly DemoOffer[];
  readonly featured: readonly DemoOffer[];
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  readonly year: number;
}

export function nordemploiListingHtml(listing: NordemploiListing): string {
  const { page, pageCount, total } = listing;
  const previous =
    page > 1
      ? `<a class="pagination__precedente" rel="prev" href="${nordemploiListingPath(page - 1)}">Page précédente</a>\n`
      : '';
  const next =
    page < pageCount
      ? `\n<a class="pagination__suivante" rel="next" href="${nordemploiListingPath(page + 1)}">Page suivante</a>`
      : '';
  const list =
    listing.offers.length > 0
      ? `<ul class="liste-offres">\n${listing.offers.map(card).join('\n')}\n</ul>`
      : '<p class="resultats__vide">Aucune offre ne correspond pour le moment.</p>';
  const main = `<nav class="fil-ariane" aria-label="Fil d’Ariane"><ol><li><a href="${NORDEMPLOI_PREFIX}/">Accueil</a></li><li aria-current="page">Offres d’emploi</li></ol></nav>
<div class="mise-en-page">
<section class="resultats" aria-labelledby="titre-resultats">
<h2 id="titre-resultats" class="resultats__titre">Offres d’emploi</h2>
<p class="resultats__nombre">${total} offre${total > 1 ? 's' : ''} · page ${page} sur ${Math.max(1, pageCount)}</p>
${list}
<nav class="pagination" aria-label="Pagination">
${previous}<span class="pagination__courante">Page ${page} sur ${Math.max(1, pageCount)}</span>${next}
</nav>
</section>
${featuredBox(listing.featured)}
</div>`;
  return layout({
    title: page > 1 ? `Offres d’emploi – page ${page}` : 'Offres d’emploi',
    bodyClass: 'page-liste',
    main,
    year: listing.year,
    current: 'offres',
  });
}

export interface NordemploiOfferPage {
  readonly offer: DemoOffer;
  readonly similar: readonly DemoOffer[];
  readonly origin: string;
  readonly year: number;
  readonly jsonLd: boolean;
  /** Leave the offer's title out of the page (a broken page: the board lost it). */
  readonly withoutTitle?: boolean;
}

function summaryRow(label: string, className: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `<div class="resume__ligne"><dt>${e(label)}</dt><dd class="${className}">${value}</dd></div>\n`;
}

function offerArticle(offer: DemoOffer, withoutTitle: boolean): string {
  const date = (iso: string): string => formatParisDate(Date.parse(iso));
  const siret = offer.employer.siret
    ? `<p class="employeur__siret">SIRET : ${formatSiret(offer.employer.siret)}</p>\n`
    : '';
  const summary =
    summaryRow('Lieu de travail', 'resume__lieu', e(place(offer))) +
    summaryRow('Type de contrat', 'resume__contrat', e(offer.contract.label)) +
    summaryRow('Durée du contrat', 'resume__duree', contractDurationLabel(offer.contract.durationMonths)) +
    summaryRow('Temps de travail', 'resume__temps', e(offer.workingTime.label)) +
    summaryRow('Durée hebdomadaire', 'resume__heures', e(weeklyHoursLabel(offer.workingTime.weeklyHours))) +
    summaryRow('Horaires', 'resume__horaires', e(offer.workingTime.schedule)) +
    summaryRow('Salaire', 'resume__salaire', offer.salary && e(offer.salary.text)) +
    summaryRow('Expérience', 'resume__experience', e(offer.experience.label)) +
    summaryRow('Permis', 'resume__permis', offer.drivingLicence && e(offer.drivingLicence.label)) +
    summaryRow(
      'Métier',
      'resume__metier',
      `<span class="metier__code">${e(offer.romeCode)}</span> – <span class="metier__appellation">${e(offer.appellationLabel)}</span>`,
    ) +
    summaryRow('Postes à pourvoir', 'resume__postes', String(offer.positions));
  const skills = offer.skills
    .map((skill) => `<li class="competence" data-code="${e(skill.code)}">${e(skill.label)}</li>`)
    .join('\n');
  const qualities = offer.qualities
    .map((quality) => `<li class="qualite" title="${e(quality.description)}">${e(quality.label)}</li>`)
    .join('\n');
  const requirements =
    offer.requirements.length === 0
      ? ''
      : `<section class="offre__prerequis">
<h2 class="offre__sous-titre">Prérequis</h2>
<ul class="liste-prerequis">
${offer.requirements.map((requirement) => `<li>${e(requirement)}</li>`).join('\n')}
</ul>
</section>\n`;
  return `<article class="offre" id="offre-${e(offer.id)}">
<header class="offre__entete">
${withoutTitle ? '' : `<h1 class="offre__titre">${e(offer.title)}</h1>\n`}<p class="offre__reference">Référence : <span class="offre__ref">NE-${e(offer.id)}</span></p>
<p class="offre__publication">Publiée le ${date(offer.publishedAt)}</p>
<p class="offre__actualisation">Mise à jour le ${date(offer.updatedAt)}</p>
${offer.expiresAt ? `<p class="offre__expiration">Candidatures jusqu’au ${date(offer.expiresAt)}</p>\n` : ''}</header>
<section class="offre__employeur" aria-label="Employeur">
<h2 class="offre__sous-titre">L’employeur</h2>
<p class="employeur__nom">${e(offer.employer.name)}</p>
${siret}<p class="employeur__secteur">${e(offer.employer.nafLabel)}</p>
</section>
<dl class="offre__resume">
${summary}</dl>
<section class="offre__description">
<h2 class="offre__sous-titre">Description du poste</h2>
<div class="description">
${descriptionHtml(offer.description)}
</div>
</section>
<section class="offre__competences">
<h2 class="offre__sous-titre">Compétences</h2>
<ul class="liste-competences">
${skills}
</ul>
</section>
<section class="offre__qualites">
<h2 class="offre__sous-titre">Qualités professionnelles</h2>
<ul class="liste-qualites">
${qualities}
</ul>
</section>
${requirements}<p class="offre__postuler"><a class="bouton bouton--primaire" href="${nordemploiOfferPath(offer.id)}/postuler">Postuler à cette offre</a></p>
</article>`;
}

function similarBox(similar: readonly DemoOffer[]): string {
  if (similar.length === 0) return '';
  const items = similar
    .map(
      (offer) => `<li class="carte-offre carte-offre--compacte">
<a class="carte-offre__lien" href="${nordemploiOfferPath(offer.id)}">${e(offer.title)}</a>
<p class="carte-offre__employeur">${e(offer.employer.name)}</p>
<p class="carte-offre__lieu">${e(place(offer))}</p>
</li>`,
    )
    .join('\n');
  return `<aside class="offres-similaires" aria-labelledby="titre-similaires">
<h2 id="titre-similaires">Offres similaires</h2>
<ul>
${items}
</ul>
</aside>`;
}

export function nordemploiOfferHtml(page: NordemploiOfferPage): string {
  const { offer } = page;
  const withoutTitle = page.withoutTitle === true;
  const url = `${page.origin}${nordemploiOfferPath(offer.id)}`;
  const main = `<nav class="fil-ariane" aria-label="Fil d’Ariane"><ol><li><a href="${NORDEMPLOI_PREFIX}/">Accueil</a></li><li><a href="${NORDEMPLOI_LISTING_PATH}">Offres d’emploi</a></li><li aria-current="page">${
    withoutTitle ? `Offre NE-${e(offer.id)}` : e(offer.title)
  }</li></ol></nav>
<div class="mise-en-page">
${offerArticle(offer, withoutTitle)}
${similarBox(page.similar)}
</div>`;
  return layout({
    title: withoutTitle ? `Offre NE-${offer.id}` : `${offer.title} – ${offer.commune.name}`,
    bodyClass: 'page-offre',
    main,
    year: page.year,
    canonical: url,
    ...(page.jsonLd && !withoutTitle ? { jsonLd: jobPostingJsonLd(offer, url, 'Nordemploi') } : {}),
  });
}

/**
 * A page the board's server cut off mid-way (a real failure mode: a proxy timeout, a crashed
 * template): the header, employer and summary are intact, the description stops inside a tag, and
 * nothing follows. No skills, no qualities, no closing tags.
 */
export function nordemploiTruncatedOfferHtml(page: NordemploiOfferPage): string {
  const full = nordemploiOfferHtml({ ...page, jsonLd: false });
  const start = full.indexOf('<div class="description">');
  const end = full.indexOf('</div>', start);
  const cut = start + Math.floor((end - start) * 0.4);
  return `${full.slice(0, cut)}<p class="descr`;
}

export function nordemploiHomeHtml(featured: readonly DemoOffer[], total: number, year: number): string {
  const main = `<section class="accroche">
<h2>Trouvez un emploi près de chez vous</h2>
<p>${total} offres d’emploi dans le Nord et le Pas-de-Calais, mises à jour chaque jour.</p>
<a class="bouton bouton--primaire" href="${NORDEMPLOI_LISTING_PATH}">Voir toutes les offres</a>
</section>
${featuredBox(featured)}`;
  return layout({ title: 'Accueil', bodyClass: 'page-accueil', main, year, current: 'accueil' });
}

const ERROR_TEXTS: Readonly<Record<number, [string, string]>> = {
  403: ['Accès réservé', 'Cet espace est réservé aux recruteurs connectés.'],
  404: ['Page introuvable', 'Cette offre n’existe plus ou a été pourvue.'],
  500: ['Erreur technique', 'Le service rencontre une difficulté. Merci de réessayer dans quelques instants.'],
};

export function nordemploiErrorHtml(status: number, year: number): string {
  const [title, text] = ERROR_TEXTS[status] ?? ['Erreur', 'Une erreur est survenue.'];
  const main = `<section class="erreur erreur--${status}">
<h2 class="erreur__titre">${e(title)}</h2>
<p>${e(text)}</p>
<p><a href="${NORDEMPLOI_LISTING_PATH}">Retour aux offres</a></p>
</section>`;
  return layout({ title, bodyClass: 'page-erreur', main, year });
}
