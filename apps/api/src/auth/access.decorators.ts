import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { Action, AuthenticatedActor } from '@passerelle/identity';

export const ACCESS_METADATA = 'passerelle:access';

export type AccessRule =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'authenticated';
      readonly allowDuringEnrolment: boolean;
      readonly allowWithTemporaryPassword: boolean;
    }
  | { readonly kind: 'action'; readonly actions: readonly Action[] };

/** No authentication: health, login, SSO callback. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user, for their own account (`/auth/me`, TOTP enrolment when it is mandatory). */
export const Authenticated = (
  options: { allowDuringEnrolment?: boolean; allowWithTemporaryPassword?: boolean } = {},
): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'authenticated',
      allowDuringEnrolment: options.allowDuringEnrolment ?? false,
      allowWithTemporaryPassword: options.allowWithTemporaryPassword ?? false,
    } satisfies AccessRule),
    ApiBearerAuth(),
  );

/**
 * The route performs `action` (or any one of several: the use case then picks by role); the access
 * policy says which roles may.
 */
export const RequireAction = (action: Action, ...alternatives: Action[]): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'action', actions: [action, ...alternatives] } satisfies AccessRule),
    ApiBearerAuth(),
  );

export const RECHECK_ALONGSIDE_METADATA = 'passerelle:recheck-alongside';

/**
 * On a `@RequireAction` route: the route's work starts once the access token is verified, alongside
 * the per-request re-read of the user, roles and session, instead of after it; the answer still
 * waits for that re-read, and a refusal (disabled user, ended session, role without the action) is
 * the answer whatever the work gave (AccessRecheckInterceptor). Only for a route whose work reads no
 * one's record and writes nothing (no audit, no actor: `@CurrentActor` throws there), so the work of
 * a refused request is at most a discarded read: the matched search of a profile sent in the body,
 * whose Meilisearch request would otherwise wait for a PostgreSQL round trip.
 */
export const RecheckAlongside = (): MethodDecorator => SetMetadata(RECHECK_ALONGSIDE_METADATA, true);

/** The authenticated actor of the request (set by AccessGuard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedActor => {
  const request = context.switchToHttp().getRequest<{ actor?: AuthenticatedActor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
