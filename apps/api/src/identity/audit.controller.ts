import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, QueryAuditLog } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { AuditQueryParams } from './identity.dto.js';
import { AuditEventPageResponse, AuditEventResponse } from './identity.response.dto.js';

/** Read-only by design: the audit log has no write, update or delete route. */
@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly query: QueryAuditLog) {}

  @Get()
  @RequireAction('audit.read')
  @ApiOkResponse({ type: AuditEventPageResponse })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() params: AuditQueryParams,
  ): Promise<AuditEventPageResponse> {
    const page = await this.query.execute(actor, {
      ...params,
      from: params.from ? new Date(params.from) : undefined,
      to: params.to ? new Date(params.to) : undefined,
    });
    return { items: page.items.map((event) => AuditEventResponse.from(event)), total: page.total };
  }
}
