import { ExtractOffer, RunIngestion, type RunCounts } from '@passerelle/ingestion';
import { openCliContext } from '../cli-context.js';

function progressLine(verb: string, source: string, counts: Readonly<RunCounts>): string {
  return (
    `${verb} ${source}: ${counts.pagesFetched} pages, ${counts.offersSeen} offers seen, ${counts.created} created, ` +
    `${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`
  );
}

/** One run of one source now, in this process: progress on stderr, a JSON summary on stdout. */
export async function ingestCommand(options: { source: string }): Promise<void> {
  await runCommand(options.source, 'cli');
}

/**
 * The stored payloads of one source parsed again by today's parsers, fetching nothing: parser and
 * occupation-reading improvements reach the offers already in (same counts and summary as `ingest`).
 */
export async function reparseCommand(options: { source: string }): Promise<void> {
  await runCommand(options.source, 'reparse');
}

async function runCommand(source: string, trigger: 'cli' | 'reparse'): Promise<void> {
  const context = await openCliContext({ referential: true });
  try {
    const summary = await context.app.get(RunIngestion).execute(source, {
      trigger,
      onProgress: (counts) =>
        process.stderr.write(`${progressLine(trigger === 'reparse' ? 'reparse' : 'ingest', source, counts)}\n`),
    });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    if (summary.status === 'failed') process.exitCode = 1;
  } finally {
    await context.close();
  }
}

/** One page (file or URL) → the normalised offer as JSON on stdout, or the rejection reason and exit 1. */
export async function extractCommand(target: string): Promise<void> {
  const context = await openCliContext({ referential: true });
  try {
    const extraction = await context.app.get(ExtractOffer).execute(target);
    process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
  } finally {
    await context.close();
  }
}
