import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AuthenticatedActor,
  CreateUser,
  ReadUsers,
  RemoveTotp,
  ResetPassword,
  UpdateUser,
} from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { CreateUserRequest, IdParam, UpdateUserRequest, UserListQuery } from './identity.dto.js';
import {
  CreatedUserResponse,
  TemporaryPasswordResponse,
  UserPageResponse,
  UserResponse,
} from './identity.response.dto.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly read: ReadUsers,
    private readonly create: CreateUser,
    private readonly update: UpdateUser,
    private readonly reset: ResetPassword,
    private readonly removeTotp: RemoveTotp,
  ) {}

  @Get()
  @RequireAction('users.read')
  @ApiOkResponse({ type: UserPageResponse })
  async list(@CurrentActor() actor: AuthenticatedActor, @Query() query: UserListQuery): Promise<UserPageResponse> {
    const page = await this.read.list(actor, query);
    return { items: page.items.map((user) => UserResponse.from(user)), total: page.total };
  }

  @Get(':id')
  @RequireAction('users.read')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<UserResponse> {
    return UserResponse.from(await this.read.get(actor, params.id));
  }

  @Post()
  @RequireAction('users.manage')
  @ApiCreatedResponse({ type: CreatedUserResponse })
  async createUser(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: CreateUserRequest,
  ): Promise<CreatedUserResponse> {
    const created = await this.create.execute(actor, body);
    return {
      user: UserResponse.from(created.user),
      temporaryPassword: created.temporaryPassword,
      temporaryPasswordExpiresAt: created.temporaryPasswordExpiresAt,
    };
  }

  @Patch(':id')
  @RequireAction('users.manage')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async updateUser(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.update.execute(actor, params.id, body));
  }

  /** A new temporary password (shown once); the user's sessions end. */
  @Post(':id/password-reset')
  @RequireAction('users.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TemporaryPasswordResponse })
  async resetPassword(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
  ): Promise<TemporaryPasswordResponse> {
    return this.reset.execute(actor, params.id);
  }

  /** Removes the user's second factor (lost phone): they enrol a new one at next login; their sessions end. */
  @Post(':id/totp-reset')
  @RequireAction('users.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async resetTotp(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.removeTotp.execute(actor, params.id);
  }
}
