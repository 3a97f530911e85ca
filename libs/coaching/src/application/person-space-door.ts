import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import {
  hashSpaceSecret,
  isSpaceToken,
  newSpaceCode,
  newSpaceToken,
  SPACE_CODE_MAX_ATTEMPTS,
  SPACE_CODE_MINUTES,
  SPACE_CODES_PER_HOUR,
  spaceCodeMessage,
  type SpaceVisitor,
} from '../domain/person-space.js';
import { PersonMessages } from './person-messages.js';
import { PersonSpaceStore, type SpaceLinkRow } from './ports/person-space-store.js';

/**
 * What a space link gives its holder: unknown (never issued, or altered), gone (expired, revoked, or
 * the person no longer followed), a request for the short code (a browser not yet admitted while
 * another one is), or the space open to the person. `deviceToken`: a browser admitted just now, to
 * keep in its cookie.
 */
export type SpaceEntry =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'expired' | 'revoked' | 'closed' }
  | { readonly kind: 'needs_code'; readonly firstName: string | null }
  | { readonly kind: 'open'; readonly visitor: SpaceVisitor; readonly deviceToken?: string };

type LinkCheck = { kind: 'unknown' } | { kind: 'gone'; reason: 'expired' | 'revoked' | 'closed' } | SpaceLinkRow;

async function checkLink(
  manager: EntityManager,
  spaces: PersonSpaceStore,
  token: string,
  now: Date,
): Promise<LinkCheck> {
  if (!isSpaceToken(token)) return { kind: 'unknown' };
  const link = await spaces.linkByTokenHash(manager, hashSpaceSecret(token), true);
  if (!link) return { kind: 'unknown' };
  if (link.revokedAt) return { kind: 'gone', reason: 'revoked' };
  if (link.expiresAt <= now) return { kind: 'gone', reason: 'expired' };
  if (!link.followed) return { kind: 'gone', reason: 'closed' };
  return link;
}

const isRow = (check: LinkCheck): check is SpaceLinkRow => !('kind' in check);

function visitorOf(link: SpaceLinkRow, deviceId: string, ip?: string): SpaceVisitor {
  return {
    beneficiaryId: link.beneficiaryId,
    structureId: link.structureId,
    referentUserId: link.referentUserId,
    firstName: link.firstName,
    linkId: link.id,
    deviceId,
    ...(ip ? { ip } : {}),
  };
}

/**
 * Opens a space link from a browser: its device cookie admitted to this link, or the first browser
 * ever to open it (admitted now: trust on first use, since the link went to the person alone).
 * Checked on every request, so a revocation or the end of the coaching closes it at once.
 */
@Injectable()
export class OpenPersonSpace {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: PersonSpaceStore,
    private readonly clock: Clock,
  ) {}

  /**
   * `admitNew` false (a download, never the page itself): only a browser already admitted enters;
   * any other gets `needs_code`, and the caller sends it to the page, where admission happens.
   */
  execute(
    token: string,
    device: string | undefined,
    ip?: string,
    options: { readonly admitNew?: boolean } = {},
  ): Promise<SpaceEntry> {
    return this.dataSource.transaction(async (manager) => {
      const link = await checkLink(manager, this.spaces, token, this.clock.now());
      if (!isRow(link)) return link;
      if (device) {
        const deviceId = await this.spaces.touchDevice(manager, link.id, hashSpaceSecret(device));
        if (deviceId) return { kind: 'open', visitor: visitorOf(link, deviceId, ip) };
      }
      if (options.admitNew === false) return { kind: 'needs_code', firstName: link.firstName };
      // The link is locked: two first openings at once admit one browser, the other needs the code.
      if ((await this.spaces.deviceCount(manager, link.id)) > 0)
        return { kind: 'needs_code', firstName: link.firstName };
      const deviceToken = newSpaceToken();
      const deviceId = await this.spaces.insertDevice(manager, link.id, hashSpaceSecret(deviceToken), 'first_opening');
      return { kind: 'open', visitor: visitorOf(link, deviceId, ip), deviceToken };
    });
  }
}

export type CodeSending =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'expired' | 'revoked' | 'closed' }
  | { readonly kind: 'sent'; readonly channel: 'sms' | 'email' | null }
  | { readonly kind: 'too_many' };

/**
 * Sends the person a short code (SMS where they consented to it, e-mail otherwise) to admit a new
 * browser to their link: at most SPACE_CODES_PER_HOUR per link and per hour, each SMS being a message
 * to the person's phone. The code is kept hashed; a new one replaces the one before.
 */
@Injectable()
export class SendSpaceCode {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: PersonSpaceStore,
    private readonly messages: PersonMessages,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<CodeSending> {
    const code = newSpaceCode();
    const now = this.clock.now();
    const link = await this.dataSource.transaction(async (manager) => {
      const link = await checkLink(manager, this.spaces, token, now);
      if (!isRow(link)) return link;
      if ((await this.spaces.codesSince(manager, link.id, new Date(now.getTime() - 3_600_000))) >= SPACE_CODES_PER_HOUR)
        return { kind: 'too_many' } as const;
      await this.spaces.insertCode(
        manager,
        link.id,
        hashSpaceSecret(code, link.id),
        new Date(now.getTime() + SPACE_CODE_MINUTES * 60_000),
      );
      return link;
    });
    if ('kind' in link) return link;
    const deliveries = await this.messages.send(
      { id: link.beneficiaryId, email: link.email, phone: link.phone },
      spaceCodeMessage(code),
      { purpose: 'space_code', spaceLinkId: link.id, firstOf: ['sms', 'email'] },
    );
    const channel = deliveries.sms === 'sent' ? 'sms' : deliveries.email === 'sent' ? 'email' : null;
    return { kind: 'sent', channel };
  }
}

export type CodeEntry =
  SpaceEntry | { readonly kind: 'wrong_code'; readonly attemptsLeft: number } | { readonly kind: 'code_expired' };

/**
 * The person types the short code on a new browser: the right one, in time and within
 * SPACE_CODE_MAX_ATTEMPTS tries, admits the browser (a device cookie); a wrong one counts against
 * the code, which is dead after the last try (a new code must be asked for).
 */
@Injectable()
export class EnterSpaceCode {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: PersonSpaceStore,
    private readonly clock: Clock,
  ) {}

  execute(token: string, code: string, ip?: string): Promise<CodeEntry> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const link = await checkLink(manager, this.spaces, token, now);
      if (!isRow(link)) return link;
      const sent = await this.spaces.latestCode(manager, link.id);
      if (!sent || sent.usedAt || sent.expiresAt <= now || sent.failedAttempts >= SPACE_CODE_MAX_ATTEMPTS)
        return { kind: 'code_expired' };
      if (!/^\d{6}$/.test(code) || hashSpaceSecret(code, link.id) !== sent.codeHash) {
        await this.spaces.failCode(manager, sent.id);
        return { kind: 'wrong_code', attemptsLeft: SPACE_CODE_MAX_ATTEMPTS - sent.failedAttempts - 1 };
      }
      await this.spaces.useCode(manager, sent.id);
      const deviceToken = newSpaceToken();
      const deviceId = await this.spaces.insertDevice(manager, link.id, hashSpaceSecret(deviceToken), 'code');
      return { kind: 'open', visitor: visitorOf(link, deviceId, ip), deviceToken };
    });
  }
}
