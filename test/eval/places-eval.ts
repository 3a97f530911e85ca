import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseFranceTravailOffer } from '@passerelle/ingestion';
import { normalizeOffer } from '@passerelle/offers';
import { readBundledReferential, ReferentialSnapshot } from '@passerelle/referential';
import { writeResults } from '../bench/bench-env.js';

/**
 * `npm run eval:places`: how precisely the real France Travail offers of the development set
 * (../shared/data/francetravail-dev, 4,411 offers, kept outside the repository) are placed, and how
 * many are rejected for their place, through the same parser and normalisation as ingestion. No
 * database: the bundled referential files are read into memory. Writes bench-results/places.json.
 */
const DEV_SET = path.join(process.cwd(), '..', 'shared', 'data', 'francetravail-dev', 'offers.jsonl.gz');

async function main(): Promise<void> {
  if (!existsSync(DEV_SET)) {
    process.stderr.write(`eval:places: skipped, the development set is not at ${DEV_SET}\n`);
    return;
  }
  const lookups = new ReferentialSnapshot((await readBundledReferential()).rows);
  const lines = readline.createInterface({ input: createReadStream(DEV_SET).pipe(createGunzip()) });
  const precision: Record<string, number> = {};
  const rejected: Record<string, number> = {};
  let offers = 0;
  for await (const line of lines) {
    offers += 1;
    const parsed = parseFranceTravailOffer(JSON.parse(line) as Parameters<typeof parseFranceTravailOffer>[0]);
    if (!parsed.ok) {
      const key = `parse ${parsed.field}: ${parsed.reason}`;
      rejected[key] = (rejected[key] ?? 0) + 1;
      continue;
    }
    const result = normalizeOffer(
      { source: 'france-travail', externalId: String(offers), fields: parsed.raw.fields },
      lookups,
    );
    if (!result.ok) {
      const key = `${result.rejection.field}: ${result.rejection.reason}`;
      rejected[key] = (rejected[key] ?? 0) + 1;
      continue;
    }
    precision[result.offer.location.precision] = (precision[result.offer.location.precision] ?? 0) + 1;
  }
  const placeRejections = Object.entries(rejected)
    .filter(([key]) => key.startsWith('location'))
    .reduce((sum, [, count]) => sum + count, 0);
  const results = { offers, precision, placeRejections, rejected };
  const file = await writeResults('places', results);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to ${file}\n`);
}

await main();
