import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type BeneficiaryErased,
  type BeneficiaryErasedHandler,
  ErasureHandlers,
  RecordNotification,
} from '@passerelle/coaching';
import { OutcomesErasureStore } from './ports/outcomes-erasure-store.js';

/**
 * Outcomes' share of an erasure: the words (the employer's name typed for a job found alone, which
 * may be a private person's, the employer's view and the note of each checkpoint) and the
 * notifications of the person's checkpoints. The facts the indicators count stay: contract,
 * duration, hours, dates, durability, aid, end reason, and each checkpoint's in-job, RSA-exit and
 * difficulties answers.
 */
@Injectable()
export class EraseOutcomesData implements BeneficiaryErasedHandler, OnModuleInit {
  readonly name = 'outcomes';

  constructor(
    private readonly handlers: ErasureHandlers,
    private readonly store: OutcomesErasureStore,
    private readonly notifications: RecordNotification,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async erase(manager: EntityManager, event: BeneficiaryErased): Promise<void> {
    await this.store.erase(manager, event.beneficiaryId);
    await this.notifications.withdraw(await this.store.notificationSubjects(manager, event.beneficiaryId), { manager });
  }
}
