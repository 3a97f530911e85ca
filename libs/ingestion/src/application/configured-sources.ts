import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { MANUAL_SOURCE } from '@passerelle/offers';
import { ManageSources } from './manage-sources.use-case.js';

export const FRANCE_TRAVAIL_SOURCE = 'france-travail';

/**
 * Sources that exist by configuration rather than by a staff member's choice: the manual-posting
 * source, and France Travail when FRANCE_TRAVAIL_CLIENT_ID is set (its secret stays in the
 * environment and is added at run time, never stored).
 */
@Injectable()
export class ConfiguredSources implements OnApplicationBootstrap {
  constructor(
    private readonly sources: ManageSources,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sources.upsert({
      name: MANUAL_SOURCE,
      label: 'Offres saisies par la plateforme',
      kind: 'manual',
      config: {},
    });
    const ft = this.config.franceTravail;
    if (!ft.clientId) return;
    await this.sources.upsert({
      name: FRANCE_TRAVAIL_SOURCE,
      label: 'France Travail',
      kind: 'france_travail',
      baseUrl: ft.apiUrl.toString(),
      config: {
        apiUrl: ft.apiUrl.toString(),
        tokenUrl: ft.tokenUrl.toString(),
        clientId: ft.clientId,
        departements: [...ft.departements],
      },
      rateLimitPerSecond: 8,
      maxConcurrency: 2,
      scheduleMinutes: 60,
    });
  }

  /** The secret of the configured France Travail client, for the run that needs it. */
  secretFor(clientId: string | undefined): string | undefined {
    return clientId && clientId === this.config.franceTravail.clientId
      ? this.config.franceTravail.clientSecret
      : undefined;
  }
}
