import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type BeneficiaryErased,
  type BeneficiaryErasedHandler,
  ErasureHandlers,
  RecordNotification,
} from '@passerelle/coaching';
import { Mailer } from '@passerelle/core';
import { MediationErasureStore } from './ports/mediation-erasure-store.js';

/**
 * Mediation's share of an erasure: the candidate card and what was written about the person (the
 * interview place, the employer's answers and the viewer's address in the introduction's history,
 * the mediator's request and the coach's reason), the links (revoked), the notifications about the
 * person's introductions and requests, and the copies of the e-mails sent about them. What the
 * indicators and the 48-hour report count stays: the introductions, their statuses, dates and
 * history of moves, the requests and their decisions.
 */
@Injectable()
export class EraseMediationData implements BeneficiaryErasedHandler, OnModuleInit {
  readonly name = 'mediation';

  constructor(
    private readonly handlers: ErasureHandlers,
    private readonly mailer: Mailer,
    private readonly store: MediationErasureStore,
    private readonly notifications: RecordNotification,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async erase(manager: EntityManager, event: BeneficiaryErased): Promise<void> {
    await this.store.erase(manager, event.beneficiaryId);
    await this.notifications.withdraw(await this.store.notificationSubjects(manager, event.beneficiaryId), { manager });
    // Files outside the transaction: removed before it commits, so the event stays pending until they are gone.
    await this.mailer.forgetAbout(event.beneficiaryId);
  }
}
