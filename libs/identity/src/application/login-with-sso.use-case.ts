import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError } from '@passerelle/core';
import { OidcClient } from '../infrastructure/oidc-client.js';
import { UserEntity } from '../infrastructure/user.entity.js';
import { type ClientInfo, type Session, SessionIssuer } from './session-issuer.js';

/**
 * SSO login. Accounts are never created by the SSO (least privilege: an administrator decides who
 * has access and with which roles); the first SSO login links the account with the same verified
 * e-mail, later ones find it by the provider's subject.
 */
@Injectable()
export class LoginWithSso {
  constructor(
    private readonly oidc: OidcClient,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionIssuer,
  ) {}

  start(): Promise<URL> {
    return this.oidc.authorizationUrl();
  }

  async complete(callbackUrl: URL, client: ClientInfo): Promise<Session> {
    const identity = await this.oidc.complete(callbackUrl);
    let user = await this.users.findOneBy({ oidcIssuer: identity.issuer, oidcSubject: identity.subject });
    if (!user && identity.email && identity.emailVerified) {
      const byEmail = await this.users.findOneBy({ email: identity.email });
      if (byEmail && byEmail.oidcSubject === null) {
        byEmail.oidcIssuer = identity.issuer;
        byEmail.oidcSubject = identity.subject;
        user = byEmail;
      }
    }
    if (!user || user.status !== 'active') {
      throw new DomainError(
        'unauthenticated',
        'auth.sso_unknown_user',
        'no active Passerelle account for this identity: ask an administrator to create one',
      );
    }
    return this.sessions.completeLogin(user, client, { method: 'sso', issuer: identity.issuer });
  }
}
