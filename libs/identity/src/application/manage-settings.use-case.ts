import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuntimeSettings, type SettingView } from '@passerelle/core';
import type { Actor } from '../domain/actor.js';
import { AuditLog } from './ports/audit-log.js';
import { StructureTree } from './structure-tree.js';

/**
 * The platform settings an administrator reads and changes (`settings.manage`). Every change and
 * reset is written to the audit log with the old and new values, in the same transaction.
 */
@Injectable()
export class ManageSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<SettingView[]> {
    await this.tree.reach(actor, 'settings.manage');
    return this.settings.list();
  }

  async change(actor: Actor, key: string, value: unknown): Promise<SettingView> {
    await this.tree.reach(actor, 'settings.manage');
    await this.dataSource.transaction(async (manager) => {
      const change = await this.settings.set(key, value, actor.userId, manager);
      await this.audit.record(actor, 'update', [{ type: 'setting', id: key }], change, manager);
    });
    return this.view(key);
  }

  async reset(actor: Actor, key: string): Promise<SettingView> {
    await this.tree.reach(actor, 'settings.manage');
    await this.dataSource.transaction(async (manager) => {
      const change = await this.settings.reset(key, manager);
      await this.audit.record(actor, 'update', [{ type: 'setting', id: key }], { ...change, reset: true }, manager);
    });
    return this.view(key);
  }

  private async view(key: string): Promise<SettingView> {
    const found = (await this.settings.list()).find((setting) => setting.key === key);
    if (!found) throw new Error(`setting ${key} vanished`);
    return found;
  }
}
