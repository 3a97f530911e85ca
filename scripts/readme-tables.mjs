// Regenerates the README's generated tables (configuration, roles x actions, indicators) and docs/tables.md's
// (which context owns which table) from the code.
// Unit tests fail when the README and the code disagree; this script is how to mend it (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from './build.mjs';
import { rootDir } from './swc-options.mjs';

await build({ quiet: true });
const config = await import(path.join(rootDir, 'dist/libs/core/src/config/config-variables.js'));
const access = await import(path.join(rootDir, 'dist/libs/identity/src/domain/access-policy.js'));
const indicators = await import(path.join(rootDir, 'dist/libs/outcomes/src/domain/indicators.js'));
const owners = await import(path.join(rootDir, 'dist/libs/core/src/database/table-owners.js'));
const readmePath = path.join(rootDir, 'README.md');
let readme = readFileSync(readmePath, 'utf8');
const generated = (document, name, content) => {
  const pattern = new RegExp(`<!-- ${name}:start -->\\n[\\s\\S]*?\\n<!-- ${name}:end -->`);
  if (!pattern.test(document)) throw new Error(`no ${name} markers`);
  return document.replace(pattern, `<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->`);
};
const replace = (name, content) => {
  readme = generated(readme, name, content);
};
replace('config', config.configTableMarkdown());
replace('access', access.accessMatrixMarkdown());
replace('indicators', indicators.indicatorsMarkdown());
writeFileSync(readmePath, readme);
const tablesPath = path.join(rootDir, 'docs/tables.md');
writeFileSync(tablesPath, generated(readFileSync(tablesPath, 'utf8'), 'tables', owners.tableOwnersMarkdown()));
process.stderr.write('README and docs/tables.md tables regenerated\n');
