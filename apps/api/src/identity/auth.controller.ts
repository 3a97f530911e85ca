import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthenticateWithPassword,
  type AuthenticatedActor,
  ChangeOwnPassword,
  ConfirmTotpEnrolment,
  type ClientInfo,
  LoginWithSso,
  ReadUsers,
  RefreshSession,
  RevokeSession,
  StartTotpEnrolment,
} from '@passerelle/identity';
import { Authenticated, CurrentActor, Public } from '../auth/access.decorators.js';
import { AuthRateLimitGuard } from '../auth/rate-limit.guard.js';
import { ErrorResponse } from '../errors/error-body.js';
import { ChangePasswordRequest, LoginRequest, RefreshRequest, TotpConfirmRequest } from './identity.dto.js';
import { SessionResponse, TotpEnrolmentResponse, UserResponse } from './identity.response.dto.js';

function clientOf(request: Request): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: AuthenticateWithPassword,
    private readonly refresh: RefreshSession,
    private readonly revoke: RevokeSession,
    private readonly sso: LoginWithSso,
    private readonly users: ReadUsers,
    private readonly changePassword: ChangeOwnPassword,
    private readonly startTotp: StartTotpEnrolment,
    private readonly confirmTotp: ConfirmTotpEnrolment,
  ) {}

  /** Local account login: e-mail, password, and the TOTP code when the account has one. */
  @Post('login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  async passwordLogin(@Body() body: LoginRequest, @Req() request: Request): Promise<SessionResponse> {
    return SessionResponse.from(await this.login.execute(body, clientOf(request)));
  }

  /** A new access token for a refresh token; the refresh token is rotated (use the new one). */
  @Post('refresh')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async refreshSession(@Body() body: RefreshRequest, @Req() request: Request): Promise<SessionResponse> {
    return SessionResponse.from(await this.refresh.execute(body.refreshToken, clientOf(request)));
  }

  /** Ends the session: its refresh tokens are revoked. */
  @Post('logout')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async logout(@Body() body: RefreshRequest): Promise<void> {
    await this.revoke.execute(body.refreshToken);
  }

  @Get('me')
  @Authenticated({ allowDuringEnrolment: true, allowWithTemporaryPassword: true })
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentActor() actor: AuthenticatedActor): Promise<UserResponse> {
    return UserResponse.from(await this.users.self(actor));
  }

  @Post('password')
  @Authenticated({ allowDuringEnrolment: true, allowWithTemporaryPassword: true })
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async changeOwnPassword(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: ChangePasswordRequest,
  ): Promise<void> {
    await this.changePassword.execute(actor, body.currentPassword, body.newPassword);
  }

  /** Starts enrolling a TOTP second factor: scan the URI, then confirm with a code. */
  @Post('totp/enrol')
  @Authenticated({ allowDuringEnrolment: true })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TotpEnrolmentResponse })
  async enrolTotp(@CurrentActor() actor: AuthenticatedActor): Promise<TotpEnrolmentResponse> {
    return TotpEnrolmentResponse.from(await this.startTotp.execute(actor));
  }

  @Post('totp/confirm')
  @Authenticated({ allowDuringEnrolment: true })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async confirmTotpEnrolment(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: TotpConfirmRequest,
  ): Promise<void> {
    await this.confirmTotp.execute(actor, body.code);
  }

  /** Redirects the browser to the SSO provider (OIDC authorisation code flow with PKCE). */
  @Get('oidc/login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOkResponse({ description: 'redirect (302) to the SSO provider' })
  async ssoLogin(@Res() response: Response): Promise<void> {
    response.redirect(HttpStatus.FOUND, (await this.sso.start()).toString());
  }

  /** Where the SSO provider sends the browser back; answers the Passerelle session. */
  @Get('oidc/callback')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async ssoCallback(@Req() request: Request): Promise<SessionResponse> {
    const callback = new URL(request.originalUrl, `${request.protocol}://${request.get('host') ?? 'localhost'}`);
    return SessionResponse.from(await this.sso.complete(callback, clientOf(request)));
  }
}
