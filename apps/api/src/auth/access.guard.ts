import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticateRequest, type AuthenticatedActor, isAllowed } from '@passerelle/identity';
import { ACCESS_METADATA, type AccessRule } from './access.decorators.js';
import { identityError } from '@passerelle/identity';

type RequestWithActor = Request & { actor?: AuthenticatedActor; id?: string };

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
    const actor = await this.authenticate.execute(token, { requestId: request.id, ip: request.ip });
    request.actor = actor;

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
    return true;
  }
}
