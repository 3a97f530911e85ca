import type { EntityManager } from 'typeorm';
import type { CheckConsent } from '@passerelle/coaching';
import { mediationError } from '../domain/mediation-errors.js';
import type { IntroductionRow } from './ports/introduction-store.js';

/**
 * Whether a card may leave the service for an employer: the person consents to share their
 * profile. Every path that shows a card to an employer calls it, card by card.
 */
export async function assertCardMayBeShared(
  consents: CheckConsent,
  manager: EntityManager,
  row: Pick<IntroductionRow, 'id' | 'beneficiary_id'>,
  field = 'consent',
): Promise<void> {
  if (!(await consents.execute(row.beneficiary_id, 'share_profile_with_employers', manager)))
    throw mediationError('introduction.no_consent', 'the person has not consented to share their profile', [
      { field, reason: 'share_profile_with_employers is not recorded' },
    ]);
}
