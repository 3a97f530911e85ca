import { describe, expect, it } from '@jest/globals';
import { PrefixIndex } from './prefix-index.js';

describe('PrefixIndex', () => {
  const index = new PrefixIndex([
    { key: 'lille', rank: -236_710, item: 'Lille' },
    { key: 'lillebonne', rank: -9_000, item: 'Lillebonne' },
    { key: 'lilly', rank: -100, item: 'Lilly' },
    { key: 'villeneuve d ascq', rank: -62_000, item: "Villeneuve-d'Ascq" },
    { key: 'aide soignant', rank: 10, item: 'Aide-soignant' },
    { key: 'lens', rank: -31_000, item: 'Lens' },
  ]);

  it('finds keys starting with the prefix, best rank first', () => {
    expect(index.search('lil', 10)).toEqual(['Lille', 'Lillebonne', 'Lilly']);
    expect(index.search('lil', 2)).toEqual(['Lille', 'Lillebonne']);
    expect(index.search('l', 2)).toEqual(['Lille', 'Lens']);
  });

  it('then keys with a word starting with it', () => {
    expect(index.search('soign', 10)).toEqual(['Aide-soignant']);
    expect(index.search('asc', 10)).toEqual(["Villeneuve-d'Ascq"]);
  });

  it('answers nothing for an empty prefix or a zero limit', () => {
    expect(index.search('', 10)).toEqual([]);
    expect(index.search('lil', 0)).toEqual([]);
    expect(index.search('zzz', 10)).toEqual([]);
  });
});
