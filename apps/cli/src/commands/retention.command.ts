import { PersonalData } from '@passerelle/coaching';
import { SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { openCliContext } from '../cli-context.js';

/**
 * The retention pass by hand: tells coaches 30 days ahead and reports the files due; `--apply`
 * anonymises them. Prints ids and counts only.
 */
export async function retentionCommand(options: { apply?: boolean }): Promise<void> {
  const context = await openCliContext();
  try {
    const report = await context.app
      .get(PersonalData)
      .retention(
        { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] },
        { apply: options.apply ?? false },
      );
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await context.close();
  }
}
