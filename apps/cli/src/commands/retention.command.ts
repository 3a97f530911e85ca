import { RunRetention } from '@passerelle/coaching';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { ForgetSessionTraces } from '@passerelle/identity';
import { ForgetViewerAddresses } from '@passerelle/mediation';
import { openCliContext, SYSTEM_ACTOR } from '../cli-context.js';

/**
 * The retention pass by hand, as the nightly job runs it: tells coaches 30 days ahead, anonymises
 * the files whose notice has passed (unless `--dry-run`, or RETENTION_APPLY=false holds the
 * deployment to reports), and drops the addresses of finished sessions and of old card views. Prints ids and counts only; the
 * worker hands the erasures on to the other contexts.
 */
export async function retentionCommand(options: { dryRun?: boolean }): Promise<void> {
  const context = await openCliContext();
  try {
    const config = context.app.get<ResolvedConfig>(APP_CONFIG);
    const apply = !options.dryRun && config.coaching.retentionApply;
    const report = await context.app.get(RunRetention).execute(SYSTEM_ACTOR, { apply });
    // Addresses need no notice: only a dry run keeps them (RETENTION_APPLY holds files, not these).
    const sessions = options.dryRun ? { tokens: 0 } : await context.app.get(ForgetSessionTraces).execute();
    const views = options.dryRun ? { views: 0 } : await context.app.get(ForgetViewerAddresses).execute();
    process.stdout.write(
      `${JSON.stringify({ ...report, sessionTracesForgotten: sessions.tokens, viewerAddressesForgotten: views.views })}\n`,
    );
  } finally {
    await context.close();
  }
}
