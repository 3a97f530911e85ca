import type { RuntimeSettings, SmsMessage, SmsSender } from '@passerelle/core';
import {
  type Action,
  type Actor,
  type AnonymousActor,
  type AuditAction,
  type AuditLog,
  type AuditSubject,
  identityError,
  scopeFor,
  type StructureTree,
} from '@passerelle/identity';
import type { CommuneQuery, ReferentialIndex, ResolvedCommune } from '@passerelle/referential';

/*
 * Stand-ins for what coaching's use cases take from other contexts (identity's audit log and
 * structure tree, core's runtime settings, the referential's communes), for use-case tests without
 * PostgreSQL. Each keeps the behaviour a coaching rule depends on and records what the test asserts.
 */

export interface AuditRecord {
  readonly actorUserId: string | null;
  readonly action: AuditAction;
  readonly subject: AuditSubject;
  readonly details: Record<string, unknown>;
}

/** The audit log, one record per subject as the real one writes rows; `records` is what was written. */
export function recordingAuditLog(): AuditLog & { readonly records: AuditRecord[] } {
  const records: AuditRecord[] = [];
  const log = {
    records,
    record(
      actor: Actor | AnonymousActor,
      action: AuditAction,
      subjects: readonly AuditSubject[],
      details: Record<string, unknown> = {},
    ): Promise<void> {
      for (const subject of subjects) records.push({ actorUserId: actor.userId, action, subject, details });
      return Promise.resolve();
    },
  };
  return log;
}

/**
 * The structure tree from a map of structure → parent (null: a root). Reach follows the access
 * policy as the real tree does: no scope for the action is `auth.forbidden`.
 */
export function inMemoryStructureTree(parents: Readonly<Record<string, string | null>> = {}): StructureTree {
  const subtree = (rootId: string): string[] => {
    const ids = [rootId];
    for (let i = 0; i < ids.length; i += 1)
      for (const [id, parent] of Object.entries(parents)) if (parent === ids[i] && !ids.includes(id)) ids.push(id);
    return ids;
  };
  const tree = {
    subtree: (rootId: string) => Promise.resolve(subtree(rootId)),
    reach(actor: Actor, action: Action) {
      const scope = scopeFor(actor.roles, action);
      if (scope === null) return Promise.reject(identityError('auth.forbidden', `not allowed: ${action}`));
      const structureIds =
        scope === 'all' ? null : scope === 'structure_tree' ? subtree(actor.structureId) : [actor.structureId];
      return Promise.resolve({ scope, structureIds });
    },
  };
  return tree as unknown as StructureTree;
}

type SettingKey = Parameters<RuntimeSettings['number']>[0];

/** The defaults of a fresh deployment for the settings coaching reads. */
export const DEFAULT_SETTINGS: Readonly<Partial<Record<SettingKey, number>>> = {
  'coaching.portfolio_cap': 40,
  'coaching.cer_default_months': 3,
  'coaching.retention_months': 24,
};

/** Runtime settings fixed by the test; `set` changes one as an administrator would. */
export function fixedSettings(
  values: Partial<Record<SettingKey, number>> = {},
): RuntimeSettings & { set(key: SettingKey, value: number): void } {
  const current: Partial<Record<SettingKey, number>> = { ...DEFAULT_SETTINGS, ...values };
  const settings = {
    number(key: SettingKey): Promise<number> {
      const value = current[key];
      return value === undefined ? Promise.reject(new Error(`no setting ${key} in this test`)) : Promise.resolve(value);
    },
    set(key: SettingKey, value: number): void {
      current[key] = value;
    },
  };
  return settings as unknown as RuntimeSettings & { set(key: SettingKey, value: number): void };
}

/** A commune the referential knows (Roubaix by default). */
export function aCommune(overrides: Partial<ResolvedCommune> = {}): ResolvedCommune {
  return {
    inseeCode: '59512',
    name: 'Roubaix',
    postalCode: '59100',
    departement: '59',
    region: '32',
    lat: 50.69,
    lng: 3.18,
    ...overrides,
  };
}

/** The referential's communes, found by INSEE code or name; nothing else of the referential is there. */
export function referentialOf(communes: readonly ResolvedCommune[] = [aCommune()]): ReferentialIndex {
  const referential = {
    load: () => Promise.resolve(),
    resolveCommune(query: CommuneQuery): ResolvedCommune | null {
      return (
        communes.find(
          (commune) =>
            (query.inseeCode && commune.inseeCode === query.inseeCode.trim()) ||
            (query.name && commune.name.toLowerCase() === query.name.trim().toLowerCase()),
        ) ?? null
      );
    },
  };
  return referential as unknown as ReferentialIndex;
}

/** An SMS sender that keeps what it is asked to send and to forget, in memory (no files). */
export function recordingSms(): SmsSender & { readonly sent: SmsMessage[]; readonly forgotten: string[] } {
  const sent: SmsMessage[] = [];
  const forgotten: string[] = [];
  return {
    sent,
    forgotten,
    send: (message: SmsMessage) => {
      sent.push(message);
      return Promise.resolve();
    },
    forgetAbout: (personId: string) => {
      forgotten.push(personId);
      return Promise.resolve(0);
    },
  };
}
