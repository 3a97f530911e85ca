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

  it('gives an entry read since it was put a second chance: it outlives entries put after it', () => {
    const map = new RecentlyUsedMap<string, number>(8);
    map.set('old', 0);
    for (let index = 1; index <= 7; index += 1) map.set(`k${index}`, index);
    expect(map.get('old')).toBe(0);
    map.set('k8', 8); // full: 'old' was read, so k1 (never read) goes instead
    expect(map.size).toBe(8);
    expect(map.get('k1')).toBeUndefined();
    expect(map.get('old')).toBe(0);
  });

  it('drops an entry passed over once it goes unread until its turn comes again', () => {
    const map = new RecentlyUsedMap<string, number>(4);
    for (const [index, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, index);
    map.get('b');
    map.set('e', 4); // drops a: b, c, d, e
    map.set('f', 5); // passes over b (read: unmarked, to the newest end), drops c: d, e, b, f
    map.set('g', 6); // drops d: e, b, f, g
    map.set('h', 7); // drops e: b, f, g, h
    expect(map.size).toBe(4);
    map.set('i', 8); // b was not read again: dropped
    expect(map.get('b')).toBeUndefined();
    expect([map.get('f'), map.get('g'), map.get('h'), map.get('i')]).toEqual([5, 6, 7, 8]);
  });

  it('finds room when every entry was read (each passed over once, then the oldest goes)', () => {
    const map = new RecentlyUsedMap<string, number>(3);
    for (const [index, key] of ['a', 'b', 'c'].entries()) map.set(key, index);
    for (const key of ['a', 'b', 'c']) map.get(key);
    map.set('d', 3);
    expect(map.size).toBe(3);
    expect(map.get('a')).toBeUndefined();
    expect([map.get('b'), map.get('c'), map.get('d')]).toEqual([1, 2, 3]);
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
