import { OccupationLearning } from '@passerelle/offers';
import { openCliContext } from '../cli-context.js';

/**
 * Builds the occupation reader from the stored coded offers now (as every process does at start-up
 * and every six hours when OCCUPATION_LEARNING is on): progress on stderr, the report (offers,
 * codes, size, time) on stdout. With the setting off it measures what a reader would hold; the
 * API and worker keep reading with the referential alone.
 */
export async function learnOccupationsCommand(options: { max?: string }): Promise<void> {
  const context = await openCliContext({ referential: true });
  try {
    const maxOffers = options.max === undefined ? undefined : Number.parseInt(options.max, 10);
    if (maxOffers !== undefined && !(maxOffers > 0)) throw new Error(`--max must be a positive number: ${options.max}`);
    const report = await context.app.get(OccupationLearning).rebuild({
      maxOffers,
      onProgress: (read) => process.stderr.write(`learn-occupations: ${read} coded offers read\n`),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await context.close();
  }
}
