import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import type { StructureKind } from '../domain/roles.js';
import { StructureStore } from './ports/structure-store.js';
import { StructureTree } from './structure-tree.js';
import { type StructureView, toStructureView } from './user-view.js';
import { identityError } from '../domain/identity-errors.js';

export interface NewStructure {
  readonly name: string;
  readonly kind: StructureKind;
  readonly parentId?: string;
}

/** Adds an organisation unit, under a parent when it is a local office or a partner (admin). */
@Injectable()
export class CreateStructure {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly structures: StructureStore,
    private readonly tree: StructureTree,
  ) {}

  async execute(actor: Actor, input: NewStructure): Promise<StructureView> {
    await this.tree.reach(actor, 'structures.manage');
    const manager = this.dataSource.manager;
    if (input.parentId !== undefined && !(await this.structures.exists(manager, input.parentId))) {
      throw identityError('structure.unknown_parent', 'no such parent structure', [
        { field: 'parentId', reason: 'no structure has this id' },
      ]);
    }
    const saved = await this.structures.create(manager, {
      name: input.name.trim(),
      kind: input.kind,
      parentId: input.parentId ?? null,
    });
    return toStructureView(saved);
  }
}

/** Structures within the actor's reach (`structures.read`). */
@Injectable()
export class ReadStructures {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly structures: StructureStore,
    private readonly tree: StructureTree,
  ) {}

  async list(actor: Actor): Promise<StructureView[]> {
    const { structureIds } = await this.tree.reach(actor, 'structures.read');
    const rows = await this.structures.list(this.dataSource.manager, structureIds);
    return rows.map(toStructureView);
  }

  async get(actor: Actor, id: string): Promise<StructureView> {
    const { structureIds } = await this.tree.reach(actor, 'structures.read');
    const row = await this.structures.byId(this.dataSource.manager, id);
    if (!row || (structureIds !== null && !structureIds.includes(row.id))) {
      throw identityError('structure.not_found', 'no such structure');
    }
    return toStructureView(row);
  }
}
