import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError } from '@passerelle/core';
import type { Actor } from '../domain/actor.js';
import { TokenService } from '../infrastructure/token-service.js';
import { UserEntity } from '../infrastructure/user.entity.js';

export interface AuthenticatedActor extends Actor {
  readonly enrolmentOnly: boolean;
  /** A temporary password (first admin, reset) must be changed before anything else. */
  readonly mustChangePassword: boolean;
}

/**
 * Turns a bearer token into the acting user. Roles and status are read from the database on each
 * request, so disabling a user or removing a role takes effect at once, not at token expiry.
 */
@Injectable()
export class AuthenticateRequest {
  constructor(
    private readonly tokens: TokenService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async execute(token: string, request: { requestId?: string; ip?: string }): Promise<AuthenticatedActor> {
    const claims = await this.tokens.verify(token);
    const user = await this.users.findOne({
      where: { id: claims.userId },
      select: { id: true, structureId: true, roles: true, status: true, mustChangePassword: true },
    });
    if (!user || user.status !== 'active') {
      throw new DomainError('unauthenticated', 'auth.user_inactive', 'this account is disabled');
    }
    return {
      userId: user.id,
      structureId: user.structureId,
      roles: user.roles,
      enrolmentOnly: claims.enrolmentOnly,
      mustChangePassword: user.mustChangePassword,
      requestId: request.requestId,
      ip: request.ip,
    };
  }
}
