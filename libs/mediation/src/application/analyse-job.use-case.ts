import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { EmployerAccess } from './employer-access.js';
import { JobAnalysisOffers } from './job-analysis-offers.js';
import { EmployerStore, type NewJobAnalysis } from './ports/employer-store.js';

/**
 * A job analysed at the workplace: what the job really requires against what was first asked.
 * With `publish`, it becomes an offer (source `mediation`, an *offre captée*) that flows into the
 * index like any other.
 */
@Injectable()
export class AnalyseJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly offers: JobAnalysisOffers,
    private readonly employers: EmployerStore,
  ) {}

  async execute(
    actor: Actor,
    employerId: string,
    input: NewJobAnalysis & { publish: boolean },
  ): Promise<{ id: string; offerId: string | null }> {
    const employer = await this.access.open(actor, employerId);
    await this.offers.check(input);
    const offerId = input.publish ? await this.offers.publish(actor, employer, input) : null;
    const id = await this.employers.addJobAnalysis(this.dataSource.manager, employerId, input, offerId, actor.userId);
    return { id, offerId };
  }
}
