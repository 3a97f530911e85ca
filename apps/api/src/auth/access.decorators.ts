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

/** The authenticated actor of the request (set by AccessGuard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedActor => {
  const request = context.switchToHttp().getRequest<{ actor?: AuthenticatedActor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
