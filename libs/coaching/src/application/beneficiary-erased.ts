import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What coaching tells the other contexts when a person's file is erased (on request or by the
 * retention pass). Recorded in `beneficiary_erased_event` in the same transaction as coaching's
 * own erasure; ids only.
 */
export interface BeneficiaryErased {
  readonly eventId: string;
  readonly beneficiaryId: string;
  readonly cause: 'request' | 'retention';
}

/**
 * A context's share of an erasure: it clears its own data about the person, inside `manager`'s
 * transaction, which also records that this handler is done. Must be idempotent (a crash after
 * its work and before the commit runs it again). Files it keeps outside the database it removes
 * before returning, so that the event stays pending until they are gone.
 */
export interface BeneficiaryErasedHandler {
  /** Stable: stored in the event's `handled_by`. */
  readonly name: string;
  erase(manager: EntityManager, event: BeneficiaryErased): Promise<void>;
}

/**
 * The handlers of `BeneficiaryErased`, one per context that holds data about a person. Each
 * context registers its own at module start (coaching does not know the others' tables); two
 * handlers with one name are refused at start-up.
 */
@Injectable()
export class ErasureHandlers {
  private readonly handlers = new Map<string, BeneficiaryErasedHandler>();

  register(handler: BeneficiaryErasedHandler): void {
    if (this.handlers.has(handler.name)) throw new Error(`two erasure handlers are named ${handler.name}`);
    this.handlers.set(handler.name, handler);
  }

  all(): readonly BeneficiaryErasedHandler[] {
    return [...this.handlers.values()];
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
