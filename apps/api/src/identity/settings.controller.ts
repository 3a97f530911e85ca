import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type AuthenticatedActor, ManageSettings } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { ChangeSettingRequest, SettingKeyParam } from './identity.dto.js';
import { SettingResponse } from './identity.response.dto.js';

/** Platform settings: the values in force, and the administrator's changes to the editable ones. */
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: ManageSettings) {}

  @Get()
  @RequireAction('settings.manage')
  @ApiOkResponse({ type: [SettingResponse] })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<SettingResponse[]> {
    return (await this.settings.list(actor)).map((view) => SettingResponse.from(view));
  }

  @Put(':key')
  @RequireAction('settings.manage')
  @ApiOkResponse({ type: SettingResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'out of bounds, or set by the environment only' })
  async change(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: SettingKeyParam,
    @Body() body: ChangeSettingRequest,
  ): Promise<SettingResponse> {
    return SettingResponse.from(await this.settings.change(actor, params.key, body.value));
  }

  @Delete(':key')
  @RequireAction('settings.manage')
  @ApiOkResponse({ type: SettingResponse, description: 'the environment’s value applies again' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async reset(@CurrentActor() actor: AuthenticatedActor, @Param() params: SettingKeyParam): Promise<SettingResponse> {
    return SettingResponse.from(await this.settings.reset(actor, params.key));
  }
}
