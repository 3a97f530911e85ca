import { Readability } from '@mozilla/readability';
import type { CheerioAPI } from 'cheerio';
import { parseHTML } from 'linkedom';
import type { RawOffer } from '../../domain/site-description.js';
import { loadHtml } from './html.js';
import type { ParseResult } from './site-description.parser.js';

/**
 * Any single-offer page without structured data (no JSON-LD, no microdata, no board description):
 * the page read as a person reads it. The title is the page's heading; the description is the main
 * text, found by Mozilla's Readability (the Firefox reader view) on a linkedom document; the other
 * fields come from the labelled facts such pages list ("Entreprise : …", "Lieu : …", a <dl> or a
 * table), then from the text itself (a contract type, "temps partiel", a salary in €, a ROME code).
 */

type Field = 'employerName' | 'location' | 'contractType' | 'workingTime' | 'salary' | 'romeCode' | 'experience';

/** Labels as French boards write them, accents and case ignored (see `fold`). */
const LABELS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['employerName', /^(entreprise|employeur|societe|recruteur|structure|etablissement|nom de l'entreprise)$/],
  ['location', /^(lieu( de travail)?|localisation|ville|commune|adresse|secteur geographique)$/],
  ['contractType', /^((type|nature) de contrat|contrat)$/],
  ['workingTime', /^(duree (du travail|hebdomadaire)|temps de travail|duree de travail)$/],
  ['salary', /^(salaire|remuneration|salaire indicatif)$/],
  ['romeCode', /^(code rome|rome|code metier)$/],
  ['experience', /^(experience|experience requise)$/],
];

const CONTRACT = /\b(CDI|CDD|int[ée]rim|alternance|apprentissage|contrat de professionnalisation|saisonnier|stage)\b/i;
const WORKING_TIME = /\btemps (plein|partiel)\b/i;
// Every repetition is bounded: the text is the page's, and a page is untrusted input.
const SALARY =
  /(\d[\d\s\u00a0.]{0,12}(?:,\d{1,2})?\s{0,3}(?:€|euros?)(?:\s*(?:brut|net))?(?:\s*(?:de l'heure|\/\s*h(?:eure)?|par mois|\/\s*mois|mensuel|par an|\/\s*an|annuel))?)/i;
const POSTAL_PLACE =
  /\b((?:0[1-9]|[1-8]\d|9[0-5]|97[1-6])\d{3})\s+([A-ZÀ-Ý][A-Za-zÀ-ÿ'’\- ]{1,60}?)(?=\s*(?:[,.;()\n]|$))/;
const ROME_CODE = /\b([A-N]\d{4})\b/;

const MIN_TEXT = 120;
const MIN_DESCRIPTION = 30;
/** The facts of an offer come early in its page; the regexes read no further. */
const MAX_SCANNED = 20_000;

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Lower case without accents, for comparing labels. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’]/g, "'")
    .trim();
}

function fieldOfLabel(label: string): Field | null {
  const folded = fold(label).replace(/\s*:\s*$/, '');
  return LABELS.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

/** "Label : value" facts: definition lists, two-cell rows, and list items or paragraphs. */
function labelledFacts($: CheerioAPI): Partial<Record<Field, string>> {
  const facts: Partial<Record<Field, string>> = {};
  const keep = (label: string, value: string): void => {
    const field = fieldOfLabel(label);
    const text = clean(value);
    if (field && text && text.length <= 300 && facts[field] === undefined) facts[field] = text;
  };
  $('dt').each((_, element) => keep($(element).text(), $(element).nextAll('dd').first().text()));
  $('tr').each((_, element) => {
    const cells = $(element).children('th, td');
    if (cells.length === 2) keep(cells.eq(0).text(), cells.eq(1).text());
  });
  $('li, p, div, span').each((_, element) => {
    const node = $(element);
    // Leaf-like elements only: a container's text would mix several facts.
    if (node.find('li, p, div, dl, table').length > 0) return;
    const text = clean(node.text());
    const match = /^([^:]{2,40}?)\s*:\s*(.+)$/.exec(text);
    if (match) keep(match[1], match[2]);
  });
  return facts;
}

function pageTitle($: CheerioAPI): string | undefined {
  const heading = clean($('main h1, article h1, h1').first().text());
  if (heading) return heading;
  const og = clean($('meta[property="og:title"]').attr('content') ?? '');
  if (og) return og;
  // "<title>Offer – Site</title>": the part before the site's name.
  const title = clean($('title').first().text());
  return title.split(/\s+[|–—-]\s+/)[0] || undefined;
}

/** The page's main text as HTML: Readability's article, else the body without its chrome. */
function mainContent(html: string, $: CheerioAPI): { html: string; text: string } | null {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document, { charThreshold: MIN_TEXT }).parse();
    const text = clean(article?.textContent ?? '');
    if (article?.content && text.length >= MIN_TEXT) return { html: article.content, text };
  } catch {
    // Readability gives up on odd documents; the plain body below still reads.
  }
  const body = $('main').first().length > 0 ? $('main').first().clone() : $('body').first().clone();
  body.find('script, style, noscript, nav, header, footer, form, aside').remove();
  const text = clean(body.text());
  return text.length > 0 ? { html: body.html() ?? text, text } : null;
}

/** Reads one offer page that carries no structured data. */
export function parsePageText(html: string, pageUrl: string): ParseResult {
  const $ = loadHtml(html);
  const externalId = $('link[rel="canonical"]').attr('href')?.trim() || pageUrl;
  const title = pageTitle($);
  if (!title) return { ok: false, field: 'title', reason: 'no heading, og:title or <title> on the page', externalId };
  const facts = labelledFacts($);
  const content = mainContent(html, $);
  if (!content || content.text.replace(title, '').trim().length < MIN_DESCRIPTION)
    return { ok: false, field: 'description', reason: 'no main text on the page besides its title', externalId };
  // Facts first; the whole page's text for what no label gave (headings and the info lists included),
  // with a space between elements so that "CDD</li><li>Temps partiel" stays two words.
  $('body *').after(' ');
  const pageText = clean($('main').first().text() || $('body').first().text()).slice(0, MAX_SCANNED);
  const place = facts.location ?? POSTAL_PLACE.exec(pageText)?.[0];
  const postal = place ? POSTAL_PLACE.exec(place) : null;
  const romeCode = (facts.romeCode ?? /\bROME\s*:?\s*([A-N]\d{4})\b/i.exec(pageText)?.[1])?.match(ROME_CODE)?.[1];
  const fields: RawOffer['fields'] = {
    url: pageUrl,
    title,
    description: content.html,
    // Not og:site_name: on a board that names the board, not the employer.
    employerName: facts.employerName,
    postalCode: postal?.[1],
    communeName: postal ? clean(postal[2]) : undefined,
    location: postal ? undefined : place,
    contractType: facts.contractType ?? CONTRACT.exec(`${title} ${pageText}`)?.[1],
    workingTime: facts.workingTime ?? WORKING_TIME.exec(pageText)?.[0],
    salary: facts.salary ?? SALARY.exec(pageText)?.[1]?.trim(),
    romeCode,
    experience: facts.experience,
  };
  return { ok: true, raw: { externalId, fields } };
}
