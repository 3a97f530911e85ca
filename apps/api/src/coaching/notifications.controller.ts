import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  coachingError,
  CountUnreadNotifications,
  ListNotifications,
  MarkNotificationRead,
  type NotificationView,
} from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { Authenticated, CurrentActor } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { IdParam } from '../identity/identity.dto.js';
import { NotificationsQuery, NotificationsResponse, UnreadCountResponse } from './coaching.dto.js';

/**
 * The logged-in user's own inbox: a mediator's request for one of their people, an employer's
 * answer, reminders, retention notices. Nobody reads or marks another user's notifications.
 */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly listing: ListNotifications,
    private readonly unreadCounting: CountUnreadNotifications,
    private readonly marking: MarkNotificationRead,
  ) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: NotificationsResponse, description: 'newest first, 200 at most' })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: NotificationsQuery,
  ): Promise<{ items: NotificationView[] }> {
    return { items: await this.listing.execute(actor, query.unread === 'true') };
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOkResponse({ type: UnreadCountResponse, description: 'the badge in the navigation' })
  async unreadCount(@CurrentActor() actor: AuthenticatedActor): Promise<UnreadCountResponse> {
    return { unread: await this.unreadCounting.execute(actor) };
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'read (reading it again changes nothing)' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async markRead(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    if (!(await this.marking.execute(actor, params.id)))
      throw coachingError('notification.not_found', 'no such notification');
  }
}
