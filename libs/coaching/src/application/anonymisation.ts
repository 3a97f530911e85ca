import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SmsSender } from '@passerelle/core';
import { ErasureOutboxStore } from './ports/erasure-outbox-store.js';
import { PersonalDataStore } from './ports/personal-data-store.js';
import { PhotoStore } from './ports/photo-store.js';

/**
 * What erasure (on request or by retention) does to a file, inside the caller's transaction. It
 * clears every personal field and free text and keeps what the indicators count: the structure,
 * coaching dates and status, exit reason, CER dates and outcomes, kinds of barriers, contacts,
 * actions and aid amounts, offers proposed, CV deposit date. Coaching clears its own tables and
 * records `BeneficiaryErased` in the same transaction; mediation, outcomes and the others clear
 * theirs from that event (ProcessErasures), so a crash in between loses nothing.
 */
@Injectable()
export class Anonymisation {
  constructor(
    private readonly store: PersonalDataStore,
    private readonly outbox: ErasureOutboxStore,
    private readonly photos: PhotoStore,
    private readonly sms: SmsSender,
  ) {}

  /**
   * Clears the file and records the event the other contexts erase from; returns the photo files
   * to delete after the commit (the photo sweep removes them if the process dies first).
   */
  async anonymise(manager: EntityManager, id: string, cause: 'request' | 'retention'): Promise<string[]> {
    await this.store.erase(manager, id);
    await this.outbox.record(manager, id, cause);
    // The local copies of the SMS sent to the person (a capture folder, when no provider is set).
    await this.sms.forgetAbout(id);
    return this.photos.forget(manager, id);
  }
}
