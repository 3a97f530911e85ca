import type { CheerioAPI } from 'cheerio';
import type { RawOffer } from '../../domain/site-description.js';
import { loadHtml } from './html.js';
import type { ParseResult } from './site-description.parser.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(str).filter(Boolean).join(', ') || undefined;
  if (isObject(value)) return str(value.name ?? value.value ?? value['@value']);
  return undefined;
}

function list(value: Json | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(list);
  const text = str(value);
  return text ? text.split(/\s*[,;\n]\s*/).filter(Boolean) : [];
}

function first(value: Json | undefined): Json | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function hasType(node: JsonObject, type: string): boolean {
  const declared = node['@type'];
  return Array.isArray(declared) ? declared.includes(type) : declared === type;
}

/** Every JobPosting node in the page's JSON-LD blocks, including inside `@graph` and arrays. */
function jobPostings($: CheerioAPI): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (node: Json | undefined): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (hasType(node, 'JobPosting')) found.push(node);
      else if (node['@graph']) visit(node['@graph']);
    }
  };
  $('script[type="application/ld+json"]').each((_, element) => {
    try {
      visit(JSON.parse($(element).text()) as Json);
    } catch {
      // A broken JSON-LD block is common; other blocks or microdata may still describe the offer.
    }
  });
  return found;
}

const EMPLOYMENT_TYPES: Record<string, string> = {
  FULL_TIME: 'Temps plein',
  PART_TIME: 'Temps partiel',
  TEMPORARY: 'Intérim',
  CONTRACTOR: 'Indépendant',
  INTERN: 'Stage',
  PER_DIEM: 'Vacation',
  OTHER: 'Autre',
};

function salaryText(node: Json | undefined): string | undefined {
  const salary = first(node);
  if (!isObject(salary)) return str(salary);
  const value = salary.value;
  const unit = isObject(value) ? str(value.unitText) : str(salary.unitText);
  const period = unit === 'HOUR' ? 'horaire' : unit === 'YEAR' ? 'annuel' : unit === 'MONTH' ? 'mensuel' : '';
  if (isObject(value)) {
    const min = str(value.minValue) ?? str(value.value);
    const max = str(value.maxValue);
    return [min, max && max !== min ? `à ${max}` : '', '€', period].filter(Boolean).join(' ');
  }
  return [str(value), '€', period].filter(Boolean).join(' ');
}

function fromJsonLd(posting: JsonObject, pageUrl: string): RawOffer | null {
  const identifier = first(posting.identifier);
  const externalId =
    str(isObject(identifier) ? (identifier.value ?? identifier.name) : identifier) ?? str(posting.url) ?? pageUrl;
  const location = first(posting.jobLocation);
  const address = isObject(location) ? first(location.address) : undefined;
  const geo = isObject(location) ? location.geo : undefined;
  const organization = first(posting.hiringOrganization);
  const employmentTypes = list(posting.employmentType).map((type) => EMPLOYMENT_TYPES[type.toUpperCase()] ?? type);
  const fields: RawOffer['fields'] = {
    url: str(posting.url) ?? pageUrl,
    title: str(posting.title),
    description: str(posting.description),
    employerName: isObject(organization) ? str(organization.name) : str(organization),
    employerSiret: isObject(organization) ? str(organization.taxID ?? organization.identifier) : undefined,
    postalCode: isObject(address) ? str(address.postalCode) : undefined,
    communeName: isObject(address) ? str(address.addressLocality) : undefined,
    location: isObject(address) ? undefined : str(address),
    latitude: isObject(geo) ? str(geo.latitude) : undefined,
    longitude: isObject(geo) ? str(geo.longitude) : undefined,
    contractType: employmentTypes.find((type) => !/temps/i.test(type)) ?? str(posting.employmentType),
    workingTime: employmentTypes.find((type) => /temps/i.test(type)) ?? str(posting.workHours),
    salary: salaryText(posting.baseSalary),
    romeCode: str(posting.occupationalCategory)?.match(/\b[A-N]\d{4}\b/)?.[0],
    skills: list(posting.skills),
    qualities: list(posting.qualifications),
    experience: str(posting.experienceRequirements),
    publishedAt: str(posting.datePosted),
    expiresAt: str(posting.validThrough),
  };
  return { externalId, fields };
}

/** Offers described by schema.org microdata (`itemtype=".../JobPosting"`) when there is no JSON-LD. */
function fromMicrodata($: CheerioAPI, pageUrl: string): RawOffer | null {
  const scope = $('[itemtype$="schema.org/JobPosting"], [itemtype$="schema.org/JobPosting/"]').first();
  if (scope.length === 0) return null;
  const prop = (name: string): string | undefined => {
    const element = scope.find(`[itemprop="${name}"]`).first();
    if (element.length === 0) return undefined;
    return (
      (element.attr('content') ?? element.attr('datetime') ?? element.text()).replace(/\s+/g, ' ').trim() || undefined
    );
  };
  return {
    externalId: prop('identifier') ?? pageUrl,
    fields: {
      url: pageUrl,
      title: prop('title'),
      description: scope.find('[itemprop="description"]').first().html() ?? undefined,
      employerName: prop('hiringOrganization'),
      postalCode: prop('postalCode'),
      communeName: prop('addressLocality'),
      contractType: prop('employmentType'),
      salary: prop('baseSalary'),
      publishedAt: prop('datePosted'),
      expiresAt: prop('validThrough'),
    },
  };
}

/**
 * The generic fallback for any page: schema.org JobPosting in JSON-LD (most boards and career sites
 * embed it for search engines) or microdata. Null when the page describes no job posting.
 */
export function parseJobPostingPage(html: string, pageUrl: string): ParseResult {
  const $ = loadHtml(html);
  const postings = jobPostings($);
  const raw = postings.length > 0 ? fromJsonLd(postings[0], pageUrl) : fromMicrodata($, pageUrl);
  if (!raw) return { ok: false, field: 'page', reason: 'no schema.org JobPosting (JSON-LD or microdata) on the page' };
  if (!raw.fields.title)
    return { ok: false, field: 'title', reason: 'missing in the JobPosting', externalId: raw.externalId };
  return { ok: true, raw };
}
