import { type NewNotification, type RecordNotification } from '@passerelle/coaching';
import type { AuditAction, AuditLog, AuditSubject } from '@passerelle/identity';
import type { IntroductionView, ReadIntroduction } from '@passerelle/mediation';
import type { OfferStore } from '@passerelle/offers';

/*
 * Stand-ins for what outcomes' use cases call in other contexts (coaching, identity, mediation,
 * offers), holding what a test gives them and recording what they are asked. They answer only the
 * calls outcomes makes; their own contexts test the real ones.
 */

/** The audit log: every row recorded, in order. */
export class RecordingAuditLog {
  readonly entries: Array<{
    actorUserId: string | null;
    action: AuditAction;
    subjects: readonly AuditSubject[];
    details: Record<string, unknown>;
  }> = [];

  get log(): AuditLog {
    const log: Pick<AuditLog, 'record'> = {
      record: (actor, action, subjects, details = {}) => {
        if (subjects.length > 0) this.entries.push({ actorUserId: actor.userId, action, subjects, details });
        return Promise.resolve();
      },
    };
    return log;
  }
}

/** The inbox: every notification recorded (each user counts as newly notified). */
export class RecordingNotifications {
  readonly sent: NewNotification[] = [];

  get record(): RecordNotification {
    const record: Pick<RecordNotification, 'execute'> = {
      execute: (notifications) => {
        this.sent.push(...notifications);
        return Promise.resolve(notifications.map((notification) => notification.userId));
      },
    };
    return record as RecordNotification;
  }
}

/** The offers closed, with their reason. */
export class RecordingOfferClosures {
  readonly closed: Array<{ ids: readonly string[]; reason: string }> = [];

  get store(): OfferStore {
    const store: Pick<OfferStore, 'close'> = {
      close: (ids, reason) => {
        this.closed.push({ ids, reason });
        return Promise.resolve([...ids]);
      },
    };
    return store as OfferStore;
  }
}

/** Mediation's reading of an introduction: the views given (404 for any other). */
export function fakeReadIntroduction(...views: IntroductionView[]): ReadIntroduction {
  const read: Pick<ReadIntroduction, 'execute'> = {
    execute: (_actor, id) => {
      const view = views.find((one) => one.id === id);
      return view ? Promise.resolve(view) : Promise.reject(new Error(`no introduction ${id}`));
    },
  };
  return read as ReadIntroduction;
}
