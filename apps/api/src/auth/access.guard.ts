import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticateRequest, type AuthenticatedActor, isAllowed } from '@passerelle/identity';
import { ACCESS_METADATA, type AccessRule, RECHECK_ALONGSIDE_METADATA } from './access.decorators.js';
import { identityError } from '@passerelle/identity';

export type RequestWithActor = Request & {
  actor?: AuthenticatedActor;
  id?: string;
  /** On a `@RecheckAlongside` route: the re-read actor once admitted, or the refusal. */
  pendingAccess?: Promise<AuthenticatedActor>;
};

/**
 * Deny by default: a route opens only through @Public, @Authenticated or @RequireAction. The role
 * check happens here; which records the actor reaches is decided by the use case (404 outside).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateRequest,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `route without an access rule refused: ${context.getClass().name}.${context.getHandler().name}`,
      );
      throw identityError('auth.no_access_rule', 'this route is closed');
    }
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) throw identityError('auth.missing_token', 'log in first: no bearer token was sent');
    const requestFacts = { requestId: request.id, ip: request.ip };
    if (
      rule.kind === 'action' &&
      this.reflector.getAllAndOverride<boolean | undefined>(RECHECK_ALONGSIDE_METADATA, [context.getHandler()])
    ) {
      // The token is verified before anything runs; the re-read is settled by AccessRecheckInterceptor.
      const { actor } = await this.authenticate.begin(token, requestFacts);
      // No request.actor on such a route: its work must not depend on who asks (@CurrentActor throws).
      const admitted = actor.then((read) => {
        admit(rule, read);
        return read;
      });
      admitted.catch(() => undefined);
      request.pendingAccess = admitted;
      return true;
    }
    const actor = await this.authenticate.execute(token, requestFacts);
    request.actor = actor;
    admit(rule, actor);
    return true;
  }
}

/** What the actor's roles and account state allow on the route: throws the refusal. */
function admit(rule: AccessRule, actor: AuthenticatedActor): void {
  if (actor.enrolmentOnly && !(rule.kind === 'authenticated' && rule.allowDuringEnrolment)) {
    throw identityError(
      'auth.totp_enrolment_required',
      'your role requires a second factor: enrol one (POST /auth/totp/enrol) before anything else',
    );
  }
  if (actor.mustChangePassword && !(rule.kind === 'authenticated' && rule.allowWithTemporaryPassword)) {
    throw identityError(
      'auth.password_change_required',
      'this password is temporary: choose your own (POST /auth/password) before anything else',
    );
  }
  if (rule.kind === 'action' && !rule.actions.some((action) => isAllowed(actor.roles, action))) {
    throw identityError('auth.forbidden', `your roles do not allow ${rule.actions.join(' or ')}`);
  }
}
