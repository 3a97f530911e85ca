import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { ssoProvesSecondFactor } from '../domain/sso-second-factor.js';
import { AuditLog } from './ports/audit-log.js';
import { OidcClient, type SsoIdentity, type SsoStart } from './ports/oidc-client.js';
import { type User, UserStore } from './ports/user-store.js';
import { type ClientInfo, type Session, SessionIssuer } from './session-issuer.js';
import { identityError } from '../domain/identity-errors.js';

/**
 * SSO login. Accounts are never created by the SSO (least privilege: an administrator decides who
 * has access and with which roles); the first SSO login links the account with the same verified
 * e-mail (an audited change), later ones find it by the provider's subject. A role that requires a
 * second factor logs in through the SSO only when the SSO says it checked one (amr/acr).
 */
@Injectable()
export class LoginWithSso {
  constructor(
    private readonly oidc: OidcClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly sessions: SessionIssuer,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  start(): Promise<SsoStart> {
    return this.oidc.authorizationUrl();
  }

  /** `browserState`: the state the starting browser kept in its cookie. */
  async complete(callbackUrl: URL, browserState: string | undefined, client: ClientInfo): Promise<Session> {
    const identity = await this.oidc.complete(callbackUrl, browserState);
    const manager = this.dataSource.manager;
    let user = await this.users.bySsoSubject(manager, identity.issuer, identity.subject);
    let linking = false;
    if (!user && identity.email && identity.emailVerified) {
      const byEmail = await this.users.byEmail(manager, identity.email);
      if (byEmail && byEmail.oidcSubject === null) {
        user = byEmail;
        linking = true;
      }
    }
    if (!user || user.status !== 'active') {
      throw identityError(
        'auth.sso_unknown_user',
        'no active Passerelle account for this identity: ask an administrator to create one',
      );
    }
    const ssoSecondFactor = ssoProvesSecondFactor(identity, this.config.oidc);
    if (this.sessions.requiresSecondFactor(user) && !ssoSecondFactor) {
      throw identityError(
        'auth.sso_second_factor_required',
        'your role requires a second factor the SSO did not check: log in with your password and code',
      );
    }
    if (linking) await this.link(user, identity, client);
    return this.sessions.completeLogin(user, client, ssoSecondFactor ? 'sso' : null, {
      method: 'sso',
      issuer: identity.issuer,
      amr: identity.amr,
      acr: identity.acr,
    });
  }

  /** From now on this SSO identity opens the account: recorded, since it is a new way in. */
  private async link(user: User, identity: SsoIdentity, client: ClientInfo): Promise<void> {
    user.oidcIssuer = identity.issuer;
    user.oidcSubject = identity.subject;
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, user.id, { oidcIssuer: identity.issuer, oidcSubject: identity.subject });
      await this.audit.record(
        { userId: user.id, structureId: user.structureId, roles: user.roles, ip: client.ip },
        'update',
        [{ type: 'user', id: user.id, structureId: user.structureId }],
        { fields: ['sso'], ssoLinked: true, issuer: identity.issuer, subject: identity.subject },
        manager,
      );
    });
  }
}
