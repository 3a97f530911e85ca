import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import { CandidateRequests, type CandidateRequestView } from './candidate-requests.js';
import { CandidateRequestStore, type CandidateRequestStatus } from './ports/candidate-request-store.js';
import { PeopleAccessLog } from './ports/people-access-log.js';

/**
 * Requests about the actor's people (to answer) and those the actor made (to follow). Audited:
 * one row per person concerned, named to the reader or not.
 */
@Injectable()
export class ListCandidateRequests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly candidates: CandidateRequests,
    private readonly requestStore: CandidateRequestStore,
    private readonly accessLog: PeopleAccessLog,
  ) {}

  async execute(actor: Actor, status?: CandidateRequestStatus): Promise<CandidateRequestView[]> {
    const condition = await this.beneficiaries.scope(actor, 'beneficiaries.read', 3);
    const rows = await this.requestStore.mineOrAbout(this.dataSource.manager, actor.userId, status ?? null, condition);
    await this.accessLog.record(
      this.dataSource.manager,
      actor,
      'list',
      rows.map((row) => row.beneficiary_id),
      { part: 'candidate_requests', status: status ?? null },
    );
    const key = await this.candidates.pseudonymKey();
    return rows.map((row) => this.candidates.toView(key, row));
  }
}
