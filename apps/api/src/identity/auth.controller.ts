import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { APP_CONFIG, DomainError, type ResolvedConfig } from '@passerelle/core';
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
  type Session,
  StartTotpEnrolment,
} from '@passerelle/identity';
import { Authenticated, CurrentActor, Public } from '../auth/access.decorators.js';
import { AuthRateLimitGuard } from '../auth/rate-limit.guard.js';
import { ErrorResponse } from '../errors/error-body.js';
import {
  ChangePasswordRequest,
  LoginRequest,
  RefreshRequest,
  SsoExchangeRequest,
  TotpConfirmRequest,
} from './identity.dto.js';
import { LoginMethodsResponse, SessionResponse, TotpEnrolmentResponse, UserResponse } from './identity.response.dto.js';

const WEB_SSO_COOKIE = 'passerelle_web_sso';

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
    private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
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

  /**
   * The web application's SSO: the same flow, marked by a short cookie so that the callback ends
   * on the application's login page with a one-time code instead of answering JSON.
   */
  @Get('oidc/web-login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOkResponse({ description: 'redirect (302) to the SSO provider, back to /app/connexion' })
  async ssoWebLogin(@Res() response: Response): Promise<void> {
    const target = (await this.sso.start()).toString();
    response.setHeader('Set-Cookie', `${WEB_SSO_COOKIE}=1; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=600`);
    response.redirect(HttpStatus.FOUND, target);
  }

  /** Which ways to log in this installation offers (the login page shows the SSO button or not). */
  @Get('methods')
  @Public()
  @ApiOkResponse({ type: LoginMethodsResponse })
  methods(): LoginMethodsResponse {
    return { password: true, sso: this.config.oidc.issuer !== undefined };
  }

  /**
   * Where the SSO provider sends the browser back: answers the Passerelle session, or, for the
   * web application, keeps it 60 seconds under a one-time code and sends the browser to the
   * login page, which exchanges the code (the tokens never appear in a URL).
   */
  @Get('oidc/callback')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async ssoCallback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const callback = new URL(request.originalUrl, `${request.protocol}://${request.get('host') ?? 'localhost'}`);
    const web = (request.headers.cookie ?? '').split(/;\s*/).includes(`${WEB_SSO_COOKIE}=1`);
    if (!web) {
      response.json(SessionResponse.from(await this.sso.complete(callback, clientOf(request))));
      return;
    }
    response.setHeader('Set-Cookie', `${WEB_SSO_COOKIE}=; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0`);
    try {
      const session = await this.sso.complete(callback, clientOf(request));
      const code = randomBytes(24).toString('base64url');
      await this.redis.set(`sso-code:${code}`, JSON.stringify(session), 'EX', 60);
      response.redirect(HttpStatus.FOUND, `/app/connexion?sso=${code}`);
    } catch (error) {
      const reason = error instanceof DomainError ? error.code : 'auth.sso_failed';
      response.redirect(HttpStatus.FOUND, `/app/connexion?sso_error=${encodeURIComponent(reason)}`);
    }
  }

  /** The web application's one-time SSO code for its session (once, within 60 seconds). */
  @Post('oidc/exchange')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async ssoExchange(@Body() body: SsoExchangeRequest): Promise<SessionResponse> {
    const stored = await this.redis.getdel(`sso-code:${body.code}`);
    if (!stored)
      throw new DomainError('unauthenticated', 'auth.sso_code_invalid', 'this login code is unknown or used');
    return SessionResponse.from(JSON.parse(stored) as Session);
  }
}
