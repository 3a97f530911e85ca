import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { EmployerAccess } from './employer-access.js';
import { EmployerStore, type EmployerView } from './ports/employer-store.js';

/** The employers the actor manages, by name or SIRET. */
@Injectable()
export class ListEmployers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly employers: EmployerStore,
  ) {}

  async execute(actor: Actor, query: { q?: string }): Promise<EmployerView[]> {
    const structures = await this.access.structures(actor);
    return this.employers.list(this.dataSource.manager, structures, query.q ?? null);
  }
}
