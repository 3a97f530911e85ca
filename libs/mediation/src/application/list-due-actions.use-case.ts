import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type DueAction, EmployerStore } from './ports/employer-store.js';

/** The actor's follow-up list: next actions not done, due by `until` (default: today and overdue). */
@Injectable()
export class ListDueActions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployerStore,
  ) {}

  async execute(actor: Actor, until: string): Promise<DueAction[]> {
    return this.employers.dueActions(this.dataSource.manager, actor.userId, until);
  }
}
