import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, CreateStructure, ReadStructures } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { CreateStructureRequest, IdParam } from './identity.dto.js';
import { StructureResponse } from './identity.response.dto.js';

@ApiTags('structures')
@Controller('structures')
export class StructuresController {
  constructor(
    private readonly read: ReadStructures,
    private readonly create: CreateStructure,
  ) {}

  @Get()
  @RequireAction('structures.read')
  @ApiOkResponse({ type: [StructureResponse] })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<StructureResponse[]> {
    return (await this.read.list(actor)).map((structure) => StructureResponse.from(structure));
  }

  @Get(':id')
  @RequireAction('structures.read')
  @ApiOkResponse({ type: StructureResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<StructureResponse> {
    return StructureResponse.from(await this.read.get(actor, params.id));
  }

  @Post()
  @RequireAction('structures.manage')
  @ApiCreatedResponse({ type: StructureResponse })
  async createStructure(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: CreateStructureRequest,
  ): Promise<StructureResponse> {
    return StructureResponse.from(await this.create.execute(actor, body));
  }
}
