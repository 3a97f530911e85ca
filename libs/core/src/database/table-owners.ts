/**
 * Who owns each relation the migrations create (ADR 0010). Every table belongs to exactly one
 * context (a lib of libs/): only that lib's SQL reads or writes it. What another context needs to
 * read, the owner publishes as a view (migration 1764000025000 and later), naming the contexts
 * allowed to read it; writes into another context's table go through the owner's door (a use case
 * or class its src/index.ts exports) or follow its events, never through SQL.
 *
 * The guard (table-owners.spec.ts, in `npm test`) checks that this map covers exactly what the
 * migrations create, and that no lib's SQL reaches a table or a view it is not entitled to.
 * docs/tables.md is generated from it (`npm run docs`).
 */

export interface PublishedView {
  /** What the view holds, for whom. */
  readonly holds: string;
  /** The contexts that read it (each one must, and no other may). */
  readonly readers: readonly string[];
}

export interface Ownership {
  readonly tables: readonly string[];
  /** The owner's read contract: views over its tables, each with the columns other contexts read. */
  readonly views: Readonly<Record<string, PublishedView>>;
}

export const TABLE_OWNERS: Readonly<Record<string, Ownership>> = {
  core: {
    tables: ['app_setting', 'migration_checksum'],
    views: {},
  },
  identity: {
    tables: [
      'structure',
      'app_user',
      'refresh_token',
      'audit_event',
      'audit_chain_head',
      'audit_seal_batch',
      'structure_tree_version',
    ],
    views: {
      identity_user_v: {
        holds: 'a user’s name, e-mail, structure, roles and status',
        readers: ['coaching', 'mediation', 'outcomes'],
      },
      identity_structure_v: {
        holds: 'the structures’ tree (parent), names and kinds',
        readers: ['coaching', 'mediation', 'outcomes'],
      },
      identity_structure_tree_version_v: {
        holds: 'the last transaction that changed the structures’ tree (reverse matching’s kept pools)',
        readers: ['coaching'],
      },
      identity_audit_trail_v: {
        holds: 'who did what to which subject, when (no request or address details)',
        readers: ['coaching'],
      },
    },
  },
  referential: {
    tables: [
      'ref_occupation',
      'ref_appellation',
      'ref_skill',
      'ref_occupation_skill',
      'ref_mobility',
      'ref_commune',
      'ref_commune_postal_code',
      'ref_commune_alias',
      'ref_import',
    ],
    views: {
      referential_commune_v: { holds: 'a commune’s name and département', readers: ['outcomes'] },
    },
  },
  ingestion: {
    tables: ['ingestion_source', 'ingestion_run', 'raw_payload', 'fetch_cache', 'ingestion_rejection'],
    views: {
      ingestion_source_run_v: { holds: 'each source with its runs’ status, start and counts', readers: ['core'] },
    },
  },
  offers: {
    tables: ['offer', 'offer_outbox'],
    views: {
      offers_offer_v: {
        holds:
          'what an offer says (text, occupation, place, contract, dates, status, source); not its external id, URL or salary figures',
        readers: ['coaching', 'core', 'ingestion', 'matching', 'mediation', 'outcomes'],
      },
      offers_outbox_v: {
        holds: 'the index outbox’s backlog (its reader drains it through OfferOutbox)',
        readers: ['core'],
      },
    },
  },
  coaching: {
    tables: [
      'beneficiary',
      'beneficiary_assignment',
      'diagnostic',
      'barrier',
      'health_note',
      'cer',
      'coaching_event',
      'offer_proposal',
      'consent',
      'user_notification',
      'beneficiary_photo',
      'beneficiary_erased_event',
      'contact_rhythm',
      'objective',
      'appointment',
      'appointment_participant',
      'appointment_slot',
      'booking_invitation',
      'message_delivery',
      'calendar_feed',
      'beneficiary_share',
      'person_space_link',
      'person_space_device',
      'person_space_code',
      'candidate_pool_version',
    ],
    views: {
      coaching_beneficiary_v: {
        holds: 'a person’s names, structure, referent, commune, coaching status and dates; no contact details',
        readers: ['mediation', 'outcomes'],
      },
      coaching_barrier_v: { holds: 'when each barrier was identified and resolved', readers: ['outcomes'] },
      coaching_offer_proposal_v: { holds: 'which offer was proposed to whom, when', readers: ['mediation'] },
      coaching_photo_v: { holds: 'who has a photo (not the photo)', readers: ['mediation'] },
      coaching_erasure_outbox_v: { holds: 'the erasure outbox’s backlog', readers: ['core'] },
      coaching_contact_rhythm_v: { holds: 'each structure’s own target contact frequency', readers: ['outcomes'] },
      coaching_contact_v: {
        holds: 'the days a contact was held with each person (no note, no author)',
        readers: ['outcomes'],
      },
      coaching_attendance_v: {
        holds: 'when each person was expected at an appointment not cancelled, and whether they came',
        readers: ['outcomes'],
      },
    },
  },
  mediation: {
    tables: [
      'employer',
      'employer_contact',
      'employer_interaction',
      'job_analysis',
      'introduction',
      'introduction_event',
      'card_link',
      'candidate_request',
      'shortlist',
      'shortlist_entry',
      'shortlist_message',
      'pmsmp_convention',
      'employer_need_link',
      'employer_need',
      'card_validation',
    ],
    views: {
      mediation_introduction_v: {
        holds: 'an introduction’s person, status and dates: opened, card first sent, employer’s first answer',
        readers: ['coaching', 'outcomes'],
      },
    },
  },
  outcomes: {
    tables: ['placement', 'follow_up', 'follow_up_employer_link'],
    views: {},
  },
};

/** The owner of a table or view, or null for a name the migrations do not create. */
export function ownerOf(relation: string): string | null {
  for (const [context, owned] of Object.entries(TABLE_OWNERS))
    if (owned.tables.includes(relation) || relation in owned.views) return context;
  return null;
}

/** docs/tables.md's generated part: each context's tables, then the views it publishes and their readers. */
export function tableOwnersMarkdown(): string {
  const code = (name: string): string => `\`${name}\``;
  const owners = ['| context | tables (read and written by it alone) |', '| --- | --- |'];
  for (const [context, owned] of Object.entries(TABLE_OWNERS))
    owners.push(`| ${context} | ${owned.tables.map(code).join(', ')} |`);
  const views = ['| view | published by | holds | read by |', '| --- | --- | --- | --- |'];
  for (const [context, owned] of Object.entries(TABLE_OWNERS))
    for (const [view, published] of Object.entries(owned.views))
      views.push(`| ${code(view)} | ${context} | ${published.holds} | ${published.readers.join(', ')} |`);
  return [...owners, '', ...views].join('\n');
}
