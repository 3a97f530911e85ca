/**
 * A declarative description of an HTML job board: where its listing is, how to page through it,
 * how to reach each offer, and one rule per field of an offer page. Adding a board is writing one
 * of these (JSON), not code. Parsed with cheerio; every selector is a CSS selector.
 */
export interface SiteDescription {
  /** Stable source name, lower-case: `nordemploi`, `job-connexion`. */
  readonly name: string;
  readonly label: string;
  readonly listing: {
    /** First listing page, absolute URL. */
    readonly url: string;
    /**
     * Selector of the links (`<a href>`) to each offer page on a listing page. With `offerCard`, the
     * link inside a card (optional: the card's URL for `externalId.fromUrl` and the offer's `url`).
     */
    readonly offerLink?: string;
    /**
     * Selector of the cards of a board whose listing carries the offers themselves (no detail page):
     * each card is read as an offer, the `offer` rules applied inside it. Absent: offers are pages.
     */
    readonly offerCard?: string;
    /** Selector of the link to the next listing page; absent: the listing has one page. */
    readonly nextPage?: string;
    /** Safety stop for pagination. Default 500. */
    readonly maxPages?: number;
  };
  readonly offer: {
    /** How to get the source's own id of an offer: a field rule, or a regex on the offer URL (group 1). */
    readonly externalId: FieldRule | { readonly fromUrl: string };
    readonly fields: Partial<Record<OfferFieldName, FieldRule>> & { readonly title: FieldRule };
  };
}

/** One piece of text extracted from an offer page. */
export interface FieldRule {
  readonly selector: string;
  /** Read this attribute instead of the element's text (e.g. `datetime`, `content`, `href`). */
  readonly attr?: string;
  /** Keep every matching element (lists: skills, qualities) instead of the first. */
  readonly all?: boolean;
  /** Keep capture group 1 of this regular expression applied to the text. */
  readonly regex?: string;
  /** Keep the HTML of the element rather than its text (descriptions with paragraphs and lists). */
  readonly html?: boolean;
}

/**
 * The fields any source may give for an offer, as the source wrote them (strings). Normalisation
 * turns them into a typed offer; missing optional fields are simply absent.
 */
export const OFFER_FIELD_NAMES = [
  'title',
  'description',
  'employerName',
  'employerSiret',
  'location',
  'postalCode',
  'communeName',
  'inseeCode',
  'latitude',
  'longitude',
  'contractType',
  'contractDuration',
  'workingTime',
  'weeklyHours',
  'salary',
  'romeCode',
  'appellation',
  'skills',
  'qualities',
  'drivingLicence',
  'requirements',
  'experience',
  'publishedAt',
  'updatedAt',
  'expiresAt',
  'url',
] as const;
export type OfferFieldName = (typeof OFFER_FIELD_NAMES)[number];

/** What a parser extracts from one offer payload, before normalisation. */
export interface RawOffer {
  readonly externalId: string;
  readonly fields: Partial<Record<Exclude<OfferFieldName, 'skills' | 'qualities' | 'requirements'>, string>> & {
    readonly skills?: readonly string[];
    readonly qualities?: readonly string[];
    readonly requirements?: readonly string[];
  };
}

/** What a parser makes of one page or payload: the offer's raw fields, or why it cannot. */
export type ParseResult =
  | { readonly ok: true; readonly raw: RawOffer }
  | { readonly ok: false; readonly field: string; readonly reason: string; readonly externalId?: string };
