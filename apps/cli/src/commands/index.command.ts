import { ReconcileOffersIndex, ReindexOffers } from '@passerelle/matching';
import { openCliContext } from '../cli-context.js';

/** Rebuilds the offers index from Postgres into a new index and swaps it in (no downtime). */
export async function reindexCommand(): Promise<void> {
  const context = await openCliContext();
  try {
    const report = await context.app
      .get(ReindexOffers)
      .execute((indexed) => process.stderr.write(`reindex: ${indexed} offers\n`));
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await context.close();
  }
}

/** Reports offers missing or stale in the index (and extra entries); `--repair` puts them right. */
export async function reconcileCommand(options: { repair?: boolean }): Promise<void> {
  const context = await openCliContext();
  try {
    const report = await context.app.get(ReconcileOffersIndex).execute(options.repair ?? false);
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await context.close();
  }
}
