import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { MANUAL_SOURCE } from '@passerelle/offers';
import { FRANCE_TRAVAIL_SOURCE, type FranceTravailConfig } from '../domain/source.js';
import { ManageSources, sameUrl } from './manage-sources.use-case.js';

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

  /**
   * The secret of the configured France Travail client, for a run of a source with its client id
   * AND the environment's token and API URLs. A source whose URLs were changed (through the API or
   * in the database) runs without it: the secret, and the tokens it buys, go nowhere else.
   */
  secretFor(config: FranceTravailConfig): string | undefined {
    const ft = this.config.franceTravail;
    if (!ft.clientId || config.clientId !== ft.clientId) return undefined;
    if (!sameUrl(config.tokenUrl, ft.tokenUrl) || !sameUrl(config.apiUrl, ft.apiUrl)) return undefined;
    return ft.clientSecret;
  }
}
