import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, StructureTree } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { EmployerStore, type EmployerView } from './ports/employer-store.js';

/** Which employers a mediator manages: those of the structures their right to manage employers reaches. */
@Injectable()
export class EmployerAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly employers: EmployerStore,
  ) {}

  /** The structures whose employers the actor manages (null: all); refused without the right. */
  async structures(actor: Actor): Promise<string[] | null> {
    return (await this.tree.reach(actor, 'employers.manage')).structureIds;
  }

  /** The employer, when the actor manages it; 404 otherwise. */
  async open(actor: Actor, id: string): Promise<EmployerView> {
    const structures = await this.structures(actor);
    const employer = await this.employers.find(this.dataSource.manager, id, structures);
    if (!employer) throw mediationError('employer.not_found', 'no employer with this id');
    return employer;
  }
}
