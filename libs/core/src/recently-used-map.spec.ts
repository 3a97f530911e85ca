import { describe, expect, it } from '@jest/globals';
import { RecentlyUsedMap } from './recently-used-map.js';

describe('RecentlyUsedMap', () => {
  it('keeps at most max entries, dropping the oldest put first', () => {
    const map = new RecentlyUsedMap<string, number>(4);
    for (const [index, key] of ['a', 'b', 'c', 'd', 'e'].entries()) map.set(key, index);
    expect(map.size).toBe(4);
    expect(map.get('a')).toBeUndefined();
    expect(map.get('e')).toBe(4);
  });

  it('moves an entry read after it left the newest quarter, so it outlives entries put after it', () => {
    const map = new RecentlyUsedMap<string, number>(8);
    map.set('old', 0);
    for (let index = 1; index <= 3; index += 1) map.set(`k${index}`, index);
    expect(map.get('old')).toBe(0); // 3 moves ago > 8 / 4: moved to the newest end
    for (let index = 4; index <= 8; index += 1) map.set(`k${index}`, index);
    expect(map.get('old')).toBe(0);
    expect(map.get('k1')).toBeUndefined();
  });

  it('leaves an entry of the newest quarter where it is', () => {
    const map = new RecentlyUsedMap<string, number>(8);
    map.set('recent', 0);
    map.set('k1', 1);
    expect(map.get('recent')).toBe(0); // 1 move ago: not moved
    for (let index = 2; index <= 8; index += 1) map.set(`k${index}`, index);
    expect(map.get('recent')).toBeUndefined();
    expect(map.get('k1')).toBe(1);
  });

  it('replaces a value put again under the same key, and forgets everything on clear', () => {
    const map = new RecentlyUsedMap<string, number>(4);
    map.set('a', 1);
    map.set('a', 2);
    expect(map.size).toBe(1);
    expect(map.get('a')).toBe(2);
    map.clear();
    expect(map.get('a')).toBeUndefined();
  });
});
