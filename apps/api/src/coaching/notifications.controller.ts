import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@passerelle/core';
import { type NotificationView, ReadNotifications } from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { Authenticated, CurrentActor } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { IdParam } from '../identity/identity.dto.js';
import { NotificationsQuery } from './coaching.dto.js';

/** The logged-in user's own notifications (retention notices...). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: ReadNotifications) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ description: 'newest first' })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: NotificationsQuery,
  ): Promise<{ items: NotificationView[] }> {
    return { items: await this.notifications.list(actor, query.unread === 'true') };
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNotFoundResponse({ type: ErrorResponse })
  async markRead(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    if (!(await this.notifications.markRead(actor, params.id)))
      throw new DomainError('not_found', 'notification.not_found', 'no such notification');
  }
}
