import { ImportReferential } from '@passerelle/referential';
import { openCliContext } from '../cli-context.js';

/** Imports or refreshes the bundled reference data (ROME 4.0, communes); a second run changes nothing. */
export async function seedCommand(): Promise<void> {
  const context = await openCliContext();
  try {
    const report = await context.app.get(ImportReferential).execute({
      onProgress: (message) => process.stderr.write(`seed: ${message}\n`),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await context.close();
  }
}
