import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess, parisToday } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { type FollowUpState, followUpView, type FollowUpView } from './follow-up-view.js';
import { FollowUpStore } from './ports/follow-up-store.js';

/** The actor's checkpoints as tasks: assigned to them, or about the people of their scope (audited, one row per person). */
@Injectable()
export class ListFollowUps {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly followUps: FollowUpStore,
  ) {}

  async execute(actor: Actor, state?: FollowUpState): Promise<FollowUpView[]> {
    const today = parisToday(this.clock.now());
    const condition = await this.access.scope(actor, 'beneficiaries.read', 4);
    const rows = await this.followUps.list(this.dataSource.manager, actor.userId, state ?? null, today, condition);
    if (rows.length > 0)
      await this.audit.record(
        actor,
        'read',
        [...new Map(rows.map((row) => [row.beneficiary_id, row])).values()].map((row) => ({
          type: 'beneficiary',
          id: row.beneficiary_id,
          structureId: row.structure_id,
        })),
        { part: 'follow_ups' },
      );
    return rows.map((row) => followUpView(row, today));
  }
}
