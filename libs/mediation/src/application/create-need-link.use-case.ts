import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { hashToken, newCardToken } from '../domain/card-link.js';
import { NEED_LINK_DEFAULT_DAYS, needLinkUrl } from '../domain/employer-need.js';
import { EmployerAccess } from './employer-access.js';
import { EmployerNeedStore } from './ports/employer-need-store.js';

export interface NeedLink {
  readonly id: string;
  /** The only time the link is given: its token is kept as a hash. */
  readonly url: string;
  readonly expiresAt: Date;
}

/**
 * A signed, expiring link an employer posts recruitment needs through, without an account: one
 * employer's (given by their mediator), or the actor's structure's public form (no employer: the
 * SIRET says who posts).
 */
@Injectable()
export class CreateNeedLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly clock: Clock,
    private readonly needs: EmployerNeedStore,
  ) {}

  async execute(
    actor: Actor,
    input: { readonly employerId?: string; readonly days?: number },
    baseUrl: string,
  ): Promise<NeedLink> {
    const employer = input.employerId ? await this.access.open(actor, input.employerId) : null;
    if (!employer) await this.access.structures(actor);
    const days = input.days ?? NEED_LINK_DEFAULT_DAYS[employer ? 'employer' : 'structure'];
    const token = newCardToken();
    const expiresAt = new Date(this.clock.now().getTime() + days * 86_400_000);
    const id = await this.needs.createLink(this.dataSource.manager, {
      structureId: employer?.structureId ?? actor.structureId,
      employerId: employer?.id ?? null,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: actor.userId,
    });
    return { id, url: needLinkUrl(baseUrl, token), expiresAt };
  }
}
