import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, type AnonymousActor, AuditLog } from '@passerelle/identity';
import { hashBookingToken, isBookingToken, newBookingToken } from '../domain/booking.js';
import { coachingError } from '../domain/coaching-errors.js';
import { calendarOf } from '../domain/ics.js';
import { CalendarFeedStore } from './ports/calendar-feed-store.js';

/** What the feed holds: the past month and the next six. */
const PAST_DAYS = 31;
const AHEAD_DAYS = 183;

/**
 * A coach's agenda as an ICS subscription. `open` gives a new secret URL (shown once; only its
 * token's hash is kept) and revokes the one before; `revoke` closes it; `read` answers the
 * calendar for a live token (null otherwise), an access to the names it holds, audited.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feeds: CalendarFeedStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async open(actor: Actor, baseUrl: string): Promise<{ url: string }> {
    const token = newBookingToken();
    await this.dataSource.transaction((manager) => this.feeds.replace(manager, actor.userId, hashBookingToken(token)));
    return { url: `${baseUrl.replace(/\/$/, '')}/calendar/${token}.ics` };
  }

  async revoke(actor: Actor): Promise<void> {
    if (!(await this.feeds.revoke(this.dataSource.manager, actor.userId)))
      throw coachingError('calendar.not_found', 'no live calendar feed');
  }

  live(actor: Actor): Promise<boolean> {
    return this.feeds.isLive(this.dataSource.manager, actor.userId);
  }

  async read(token: string, reader: AnonymousActor): Promise<string | null> {
    if (!isBookingToken(token)) return null;
    const coachUserId = await this.feeds.coachOf(this.dataSource.manager, hashBookingToken(token));
    if (!coachUserId) return null;
    const now = this.clock.now();
    const events = await this.feeds.events(
      this.dataSource.manager,
      coachUserId,
      new Date(now.getTime() - PAST_DAYS * 86_400_000),
      new Date(now.getTime() + AHEAD_DAYS * 86_400_000),
    );
    const subjects = new Map(events.flatMap((event) => event.subjects.map((subject) => [subject.id, subject])));
    if (subjects.size > 0)
      await this.audit.record(
        reader,
        'list',
        [...subjects.values()].map((subject) => ({ type: 'beneficiary', ...subject })),
        { view: 'calendar_feed', coachUserId },
      );
    return calendarOf(events, now);
  }
}
