import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import type { StructureKind } from '../domain/roles.js';
import { StructureEntity } from '../infrastructure/structure.entity.js';
import { StructureTree } from '../infrastructure/structure-tree.js';
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
    @InjectRepository(StructureEntity) private readonly structures: Repository<StructureEntity>,
    private readonly tree: StructureTree,
  ) {}

  async execute(actor: Actor, input: NewStructure): Promise<StructureView> {
    await this.tree.reach(actor, 'structures.manage');
    if (input.parentId !== undefined && !(await this.structures.existsBy({ id: input.parentId }))) {
      throw identityError('structure.unknown_parent', 'no such parent structure', [
        { field: 'parentId', reason: 'no structure has this id' },
      ]);
    }
    const saved = await this.structures.save(
      this.structures.create({ name: input.name.trim(), kind: input.kind, parentId: input.parentId ?? null }),
    );
    return toStructureView(saved);
  }
}

/** Structures within the actor's reach (`structures.read`). */
@Injectable()
export class ReadStructures {
  constructor(
    @InjectRepository(StructureEntity) private readonly structures: Repository<StructureEntity>,
    private readonly tree: StructureTree,
  ) {}

  async list(actor: Actor): Promise<StructureView[]> {
    const { structureIds } = await this.tree.reach(actor, 'structures.read');
    const rows = await this.structures.find({
      where: structureIds === null ? {} : { id: In(structureIds) },
      order: { name: 'ASC' },
    });
    return rows.map(toStructureView);
  }

  async get(actor: Actor, id: string): Promise<StructureView> {
    const { structureIds } = await this.tree.reach(actor, 'structures.read');
    const row = await this.structures.findOneBy({ id });
    if (!row || (structureIds !== null && !structureIds.includes(row.id))) {
      throw identityError('structure.not_found', 'no such structure');
    }
    return toStructureView(row);
  }
}
