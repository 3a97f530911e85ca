// Regenerates the README's generated tables (configuration, roles x actions, indicators) from the code.
// Unit tests fail when the README and the code disagree; this script is how to mend it (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from './build.mjs';
import { rootDir } from './swc-options.mjs';

await build({ quiet: true });
const config = await import(path.join(rootDir, 'dist/libs/core/src/config/config-variables.js'));
const access = await import(path.join(rootDir, 'dist/libs/identity/src/domain/access-policy.js'));
const indicators = await import(path.join(rootDir, 'dist/libs/outcomes/src/domain/indicators.js'));
const readmePath = path.join(rootDir, 'README.md');
let readme = readFileSync(readmePath, 'utf8');
const replace = (name, content) => {
  const pattern = new RegExp(`<!-- ${name}:start -->\\n[\\s\\S]*?\\n<!-- ${name}:end -->`);
  if (!pattern.test(readme)) throw new Error(`README has no ${name} markers`);
  readme = readme.replace(pattern, `<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->`);
};
replace('config', config.configTableMarkdown());
replace('access', access.accessMatrixMarkdown());
replace('indicators', indicators.indicatorsMarkdown());
writeFileSync(readmePath, readme);
process.stderr.write('README tables regenerated\n');
