import { Injectable } from '@nestjs/common';
import { RuntimeSettings, type SettingView } from '@passerelle/core';
import type { Actor } from '../domain/actor.js';
import { AuditLog } from '../infrastructure/audit-log.js';
import { StructureTree } from '../infrastructure/structure-tree.js';

/**
 * The platform settings an administrator reads and changes (`settings.manage`). Every change and
 * reset is written to the audit log with the old and new values.
 */
@Injectable()
export class ManageSettings {
  constructor(
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
    const change = await this.settings.set(key, value, actor.userId);
    await this.audit.record(actor, 'update', [{ type: 'setting', id: key }], change);
    return this.view(key);
  }

  async reset(actor: Actor, key: string): Promise<SettingView> {
    await this.tree.reach(actor, 'settings.manage');
    const change = await this.settings.reset(key);
    await this.audit.record(actor, 'update', [{ type: 'setting', id: key }], { ...change, reset: true });
    return this.view(key);
  }

  private async view(key: string): Promise<SettingView> {
    const found = (await this.settings.list()).find((setting) => setting.key === key);
    if (!found) throw new Error(`setting ${key} vanished`);
    return found;
  }
}
