import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiFoundResponse,
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
  identityError,
  type IdentityErrorCode,
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
import { ChangePasswordRequest, LoginRequest, SsoExchangeRequest, TotpConfirmRequest } from './identity.dto.js';
import { LoginMethodsResponse, SessionResponse, TotpEnrolmentResponse, UserResponse } from './identity.response.dto.js';
import {
  assertNotCrossSite,
  clearRefreshCookie,
  clearSsoStateCookie,
  readCookie,
  REFRESH_COOKIE,
  setRefreshCookie,
  setSsoStateCookie,
  SSO_STATE_COOKIE,
} from './session-cookies.js';

const WEB_SSO_COOKIE = 'passerelle_web_sso';

/** The answer of the SSO login endpoints: no body, the provider's authorisation address. */
const SSO_REDIRECT = {
  Location: { description: 'the SSO provider’s authorisation URL', schema: { type: 'string', format: 'uri' } },
} as const;

/** A web SSO login kept 60 seconds under its one-time code, until the login page exchanges it. */
interface KeptSsoSession {
  readonly answer: SessionResponse;
  readonly refreshToken: string;
}

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

  /**
   * The access token in the answer; the refresh token only in an HttpOnly cookie, never where
   * script could read it.
   */
  private started(session: Session, request: Request, response: Response): SessionResponse {
    setRefreshCookie(response, request, this.config, session.refreshToken);
    return SessionResponse.from(session);
  }

  /**
   * Local account login: e-mail, password, and the TOTP code when the account has one. The refresh
   * token comes as the HttpOnly cookie `passerelle_refresh` (path /auth).
   */
  @Post('login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  async passwordLogin(
    @Body() body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    return this.started(await this.login.execute(body, clientOf(request)), request, response);
  }

  /**
   * A new access token for the refresh-token cookie, which is rotated (the answer sets the new one).
   * Needs the X-Requested-With header (cross-site requests cannot send it).
   */
  @Post('refresh')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  async refreshSession(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    assertNotCrossSite(request, this.config);
    const token = readCookie(request, REFRESH_COOKIE);
    try {
      if (!token) throw identityError('auth.refresh_refused', 'no session cookie: log in');
      return this.started(await this.refresh.execute(token, clientOf(request)), request, response);
    } catch (error) {
      clearRefreshCookie(response, request, this.config);
      throw error;
    }
  }

  /** Ends the session of the refresh-token cookie: its tokens are revoked, its access tokens stop working. */
  @Post('logout')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponse })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    assertNotCrossSite(request, this.config);
    const token = readCookie(request, REFRESH_COOKIE);
    if (token) await this.revoke.execute(token);
    clearRefreshCookie(response, request, this.config);
  }

  @Get('me')
  @Authenticated({ allowDuringEnrolment: true, allowWithTemporaryPassword: true })
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentActor() actor: AuthenticatedActor): Promise<UserResponse> {
    return UserResponse.from(await this.users.self(actor), actor.enrolmentOnly);
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
    // The session making the change goes on; every other one ends.
    await this.changePassword.execute(actor, body.currentPassword, body.newPassword, actor.sessionId);
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

  /**
   * Redirects the browser to the SSO provider (OIDC authorisation code flow with PKCE). The `state`
   * is bound to this browser by an HttpOnly cookie the callback requires.
   */
  @Get('oidc/login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiFoundResponse({ description: 'to the SSO provider', headers: SSO_REDIRECT })
  async ssoLogin(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { url, state } = await this.sso.start();
    setSsoStateCookie(response, request, this.config, state);
    response.redirect(HttpStatus.FOUND, url.toString());
  }

  /**
   * The web application's SSO: the same flow, marked by a short cookie so that the callback ends
   * on the application's login page with a one-time code instead of answering JSON.
   */
  @Get('oidc/web-login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiFoundResponse({ description: 'to the SSO provider, back to /app/connexion', headers: SSO_REDIRECT })
  async ssoWebLogin(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { url, state } = await this.sso.start();
    setSsoStateCookie(response, request, this.config, state);
    response.cookie(WEB_SSO_COOKIE, '1', { path: '/auth/oidc', httpOnly: true, sameSite: 'lax', maxAge: 600_000 });
    response.redirect(HttpStatus.FOUND, url.toString());
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
  @ApiFoundResponse({
    description: 'the web application’s flow: to its login page with a one-time code, or the reason of a failure',
    headers: {
      Location: {
        description: '/app/connexion?sso=<code> or /app/connexion?sso_error=<reason>',
        schema: { type: 'string' },
      },
    },
  })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async ssoCallback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const callback = new URL(request.originalUrl, `${request.protocol}://${request.get('host') ?? 'localhost'}`);
    const web = readCookie(request, WEB_SSO_COOKIE) === '1';
    const browserState = readCookie(request, SSO_STATE_COOKIE);
    clearSsoStateCookie(response, request, this.config);
    if (!web) {
      const session = await this.sso.complete(callback, browserState, clientOf(request));
      response.json(this.started(session, request, response));
      return;
    }
    response.clearCookie(WEB_SSO_COOKIE, { path: '/auth/oidc', httpOnly: true, sameSite: 'lax' });
    try {
      const session = await this.sso.complete(callback, browserState, clientOf(request));
      const code = randomBytes(24).toString('base64url');
      // The answer as the exchange will give it, and the refresh token for its cookie: JSON keeps no dates.
      const kept: KeptSsoSession = { answer: SessionResponse.from(session), refreshToken: session.refreshToken };
      await this.redis.set(`sso-code:${code}`, JSON.stringify(kept), 'EX', 60);
      response.redirect(HttpStatus.FOUND, `/app/connexion?sso=${code}`);
    } catch (error) {
      const reason = error instanceof DomainError ? error.code : ('auth.sso_failed' satisfies IdentityErrorCode);
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
  @ApiForbiddenResponse({ type: ErrorResponse })
  async ssoExchange(
    @Body() body: SsoExchangeRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    assertNotCrossSite(request, this.config);
    const stored = await this.redis.getdel(`sso-code:${body.code}`);
    if (!stored) throw identityError('auth.sso_code_invalid', 'this login code is unknown or used');
    const kept = JSON.parse(stored) as KeptSsoSession;
    setRefreshCookie(response, request, this.config, kept.refreshToken);
    return kept.answer;
  }
}
