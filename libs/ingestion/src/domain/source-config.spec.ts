import { describe, expect, it } from '@jest/globals';
import { configProblems } from './source-config.js';

const checks = { regex: () => null };
const offer = { externalId: { fromUrl: '/o/(\\d+)$' }, fields: { title: { selector: 'h3' } } };

describe('listing cards in a site description', () => {
  it('a board of cards needs no offer link; a board of pages does', () => {
    const cards = { listing: { url: 'https://b.test/', offerCard: 'li.card' }, offer };
    expect(configProblems('html_board', cards, checks)).toEqual([]);
    const pages = { listing: { url: 'https://b.test/' }, offer };
    expect(configProblems('html_board', pages, checks)).toEqual([
      { field: 'config.listing.offerLink', reason: 'must be a CSS selector' },
    ]);
  });

  it('refuses an empty card selector, and cards on a source that has no field rules', () => {
    expect(
      configProblems('html_board', { listing: { url: 'https://b.test/', offerCard: ' ' }, offer }, checks),
    ).toEqual([{ field: 'config.listing.offerCard', reason: 'must be a CSS selector' }]);
    expect(
      configProblems('jsonld', { listing: { url: 'https://b.test/', offerCard: 'li', offerLink: 'a' } }, checks),
    ).toEqual([
      { field: 'config.listing.offerCard', reason: 'cards need field rules: describe the board (html_board)' },
    ]);
  });
});
