import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { INDICATORS, indicatorsMarkdown, ratio } from './indicators.js';

describe('indicator definitions', () => {
  it('are documented in the README exactly as defined (npm run docs)', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const match = /<!-- indicators:start -->\n([\s\S]*?)\n<!-- indicators:end -->/.exec(readme);
    expect(match?.[1]).toBe(indicatorsMarkdown());
  });

  it('have unique keys, and rates carry targets between 0 and 1', () => {
    expect(new Set(INDICATORS.map((indicator) => indicator.key)).size).toBe(INDICATORS.length);
    for (const indicator of INDICATORS) if (indicator.target !== null) expect(indicator.target).toBeGreaterThan(0);
    expect(ratio(1, 3)).toBe(0.333);
    expect(ratio(0, 0)).toBeNull();
  });
});
