/**
 * The offers index: its name (the deployment prefix is added by SearchIndexes) and its settings,
 * applied idempotently at start. Filterable attributes follow ARCHITECTURE.md "Offers index".
 */
import type { IndexDefinition } from '@passerelle/core';
import { SKILL_DIMENSIONS } from '../application/skill-model.js';

export const OFFERS_INDEX: IndexDefinition = {
  name: 'offers',
  primaryKey: 'id',
  settings: {
    // Word and proximity extraction is most of the indexing time: only what keyword search needs
    // (title, occupation, skills) is searchable, with proximity per attribute (docs/adr/0003).
    searchableAttributes: ['title', 'romeLabel', 'skills'],
    proximityPrecision: 'byAttribute',
    filterableAttributes: [
      'romeCode',
      'contractType',
      'workingTime',
      'departement',
      'region',
      'placePrecision',
      'drivingLicences',
      '_geo',
      'publishedAt',
      'source',
      'skillIds',
      'schedule',
      // Reverse matching restricts each person's search to one offer: equality only, no facets.
      { attributePatterns: ['id'], features: { facetSearch: false, filter: { equality: true, comparison: false } } },
    ],
    sortableAttributes: ['publishedAt', '_geo'],
    displayedAttributes: ['*'],
    typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 5000 },
    embedders: { skills: { source: 'userProvided', dimensions: SKILL_DIMENSIONS } },
  },
};
