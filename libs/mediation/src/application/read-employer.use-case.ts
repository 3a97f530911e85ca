import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { EmployerAccess } from './employer-access.js';
import { type EmployerDetail, EmployerStore } from './ports/employer-store.js';

/** The employer's page: contacts, interactions (newest first), job analyses. */
@Injectable()
export class ReadEmployer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly employers: EmployerStore,
  ) {}

  async execute(actor: Actor, employerId: string): Promise<EmployerDetail> {
    const employer = await this.access.open(actor, employerId);
    return { ...employer, ...(await this.employers.detail(this.dataSource.manager, employerId)) };
  }
}
