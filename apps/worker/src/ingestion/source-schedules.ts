import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IngestionJobs, ManageSources } from '@passerelle/ingestion';

/** At start, every source's repeatable run is brought in line with its stored schedule. */
@Injectable()
export class SourceSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourceSchedules.name);

  constructor(
    private readonly sources: ManageSources,
    private readonly jobs: IngestionJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sources = await this.sources.list();
    for (const source of sources) await this.jobs.syncSchedule(source);
    const scheduled = sources.filter((source) => source.enabled && source.scheduleMinutes);
    if (scheduled.length > 0)
      this.logger.log(
        `scheduled ${scheduled.map((source) => `${source.name} every ${source.scheduleMinutes} min`).join(', ')}`,
      );
  }
}
