import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configTableMarkdown } from './config-variables.js';

describe('README configuration table', () => {
  it('is exactly the table generated from the variables the config reads', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const match = /<!-- config:start -->\n([\s\S]*?)\n<!-- config:end -->/.exec(readme);
    expect(match?.[1]).toBe(configTableMarkdown());
  });
});
