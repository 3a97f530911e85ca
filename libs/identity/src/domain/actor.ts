import type { Role } from './roles.js';

/** Who is acting: the authenticated user of a request or a CLI command, and where it came from. */
export interface Actor {
  readonly userId: string;
  readonly structureId: string;
  readonly roles: readonly Role[];
  readonly requestId?: string;
  readonly ip?: string;
}

/** The actor of maintenance commands run on the server (CLI): all rights, recorded as such. */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** Someone not authenticated, such as a failed login: audited with no user, structure or role. */
export interface AnonymousActor {
  readonly userId: null;
  readonly structureId: null;
  readonly roles: readonly [];
  readonly requestId?: string;
  readonly ip?: string;
}
