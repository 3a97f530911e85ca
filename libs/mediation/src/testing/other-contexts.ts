import { type CheckConsent, type NewNotification, type RecordNotification } from '@passerelle/coaching';
import { type MailMessage, Mailer, type RuntimeSettings } from '@passerelle/core';
import { type Action, type Actor, identityError, scopeFor, type StructureTree } from '@passerelle/identity';
import type { CommuneQuery, ReferentialIndex, ResolvedCommune } from '@passerelle/referential';

/*
 * Stand-ins for what mediation's use cases call in other contexts (coaching, identity, core,
 * referential), holding what a test gives them and recording what they are asked. They answer only
 * the calls mediation makes; their own contexts test the real ones.
 */

/** Reaches the actor's own structure (or the subtree given for it) when their roles allow the action. */
export function fakeStructureTree(subtrees: Readonly<Record<string, string[]>> = {}): StructureTree {
  const tree: Pick<StructureTree, 'reach' | 'subtree'> = {
    reach(actor: Actor, action: Action) {
      const scope = scopeFor(actor.roles, action);
      if (scope === null) return Promise.reject(identityError('auth.forbidden', `not allowed: ${action}`));
      return Promise.resolve({
        scope,
        structureIds: scope === 'all' ? null : (subtrees[actor.structureId] ?? [actor.structureId]),
      });
    },
    subtree: (rootId: string) => Promise.resolve(subtrees[rootId] ?? [rootId]),
  };
  return tree as StructureTree;
}

/** Communes known by INSEE code; ROME codes known as listed. */
export function fakeReferential(
  communes: ReadonlyArray<Pick<ResolvedCommune, 'inseeCode' | 'name'>> = [{ inseeCode: '59350', name: 'Lille' }],
  romeCodes: readonly string[] = [],
): ReferentialIndex {
  const referential: Pick<
    ReferentialIndex,
    'load' | 'resolveCommune' | 'isKnownRomeCode' | 'skillsOfOccupation' | 'autocomplete'
  > = {
    load: () => Promise.resolve(),
    resolveCommune: (query: CommuneQuery) =>
      (communes.find((commune) => commune.inseeCode === query.inseeCode || commune.name === query.name) as
        ResolvedCommune | undefined) ?? null,
    isKnownRomeCode: (code: string) => romeCodes.includes(code),
    skillsOfOccupation: () => [],
    autocomplete: () => [],
  };
  return referential as ReferentialIndex;
}

/** Consents in force, by person and purpose; every question is recorded. */
export class FakeConsents {
  readonly asked: Array<{ beneficiaryId: string; purpose: string }> = [];
  private readonly granted = new Set<string>();

  grant(beneficiaryId: string, purpose = 'share_profile_with_employers'): this {
    this.granted.add(`${beneficiaryId}:${purpose}`);
    return this;
  }

  revoke(beneficiaryId: string, purpose = 'share_profile_with_employers'): this {
    this.granted.delete(`${beneficiaryId}:${purpose}`);
    return this;
  }

  get check(): CheckConsent {
    const check: Pick<CheckConsent, 'execute'> = {
      execute: (beneficiaryId, purpose) => {
        this.asked.push({ beneficiaryId, purpose });
        return Promise.resolve(this.granted.has(`${beneficiaryId}:${purpose}`));
      },
    };
    return check as CheckConsent;
  }
}

/** The inbox: every notification recorded, with its mode (each user counts as newly notified). */
export class RecordingNotifications {
  readonly sent: Array<NewNotification & { mode: 'once' | 'refresh' }> = [];

  get record(): RecordNotification {
    const record: Pick<RecordNotification, 'execute'> = {
      execute: (notifications, options = {}) => {
        for (const notification of notifications) this.sent.push({ ...notification, mode: options.mode ?? 'once' });
        return Promise.resolve(notifications.map((notification) => notification.userId));
      },
    };
    return record as RecordNotification;
  }
}

/** The e-mails sent, in order. */
export class RecordingMailer extends Mailer {
  readonly sent: MailMessage[] = [];

  send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }

  forgetAbout(): Promise<number> {
    return Promise.resolve(0);
  }
}

/** Runtime settings with the values given (mediation's defaults otherwise). */
export function fakeSettings(values: Readonly<Record<string, number>> = {}): RuntimeSettings {
  const all: Record<string, number> = {
    'mediation.card_link_days': 30,
    'mediation.reminder_hours': 72,
    'mediation.shortlist_reminder_working_days': 3,
    ...values,
  };
  const settings = { number: (key: string) => Promise.resolve(all[key]) };
  return settings as unknown as RuntimeSettings;
}
