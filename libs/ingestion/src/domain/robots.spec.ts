import { describe, expect, it } from '@jest/globals';
import { parseRobots } from './robots.js';

describe('parseRobots', () => {
  const robots = [
    'User-agent: BadBot',
    'Disallow: /',
    '',
    'User-agent: *',
    'Disallow: /admin',
    'Disallow: /*?print=1$',
    'Allow: /admin/public',
    'Crawl-delay: 2',
  ].join('\n');

  it('applies the * group to Passerelle, longest rule first', () => {
    const rules = parseRobots(robots, 'Passerelle/0.1 (+https://passerelle.example)');
    expect(rules.isAllowed('/offres/12')).toBe(true);
    expect(rules.isAllowed('/admin/users')).toBe(false);
    expect(rules.isAllowed('/admin/public/page')).toBe(true);
    expect(rules.isAllowed('/offres/12?print=1')).toBe(false);
    expect(rules.isAllowed('/offres/12?print=10')).toBe(true);
    expect(rules.crawlDelaySeconds).toBe(2);
  });

  it('uses the group naming our agent when there is one', () => {
    const rules = parseRobots(
      'User-agent: passerelle\nDisallow: /private\n\nUser-agent: *\nDisallow: /',
      'Passerelle/0.1',
    );
    expect(rules.isAllowed('/offres')).toBe(true);
    expect(rules.isAllowed('/private/x')).toBe(false);
  });

  it('allows everything for an empty file', () => {
    expect(parseRobots('', 'Passerelle').isAllowed('/anything')).toBe(true);
  });
});
