import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { PersonSpaceStore, type SpaceLinkView } from './ports/person-space-store.js';

/** The space links sent to a person, newest first, with the devices admitted (the file's read is audited). */
@Injectable()
export class ListSpaceLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly spaces: PersonSpaceStore,
  ) {}

  async execute(actor: Actor, beneficiaryId: string): Promise<SpaceLinkView[]> {
    const manager = this.dataSource.manager;
    await this.access.open(actor, 'beneficiaries.read', beneficiaryId, {
      action: 'read',
      details: { part: 'space_links' },
    });
    return this.spaces.links(manager, beneficiaryId);
  }
}

/** The coach closes the person's space at once: every link in force is revoked (a lost phone, a link seen by someone). */
@Injectable()
export class RevokeSpaceLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly spaces: PersonSpaceStore,
  ) {}

  async execute(actor: Actor, beneficiaryId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, beneficiaryId, 'space_link', manager, { revoked: true });
      await this.spaces.revokeLinks(manager, beneficiaryId);
    });
  }
}
