import path from 'node:path';
import { CONFIG_DEFAULTS, EMBEDDED_MODES, type EmbeddedMode, LOG_LEVELS, type LogLevel } from './config-variables.js';
import { ConfigError, type Env, readBoolean, readEnum, readInt, readList, readString, readUrl } from './env-parsers.js';

export { EMBEDDED_MODES, LOG_LEVELS } from './config-variables.js';
export type { EmbeddedMode, LogLevel } from './config-variables.js';

/** Everything Passerelle reads from its environment, validated once at start. */
export interface AppConfig {
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimit: string };
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** `auto`: start or find PostgreSQL, Redis and Meilisearch when their URL is unset; `off`: the URLs are required. */
  readonly embedded: EmbeddedMode;
  readonly database: { readonly url: URL | undefined; readonly migrateOnStart: boolean; readonly poolSize: number };
  readonly redis: { readonly url: URL | undefined; readonly queuePrefix: string };
  readonly meilisearch: {
    readonly url: URL | undefined;
    readonly masterKey: string | undefined;
    readonly indexPrefix: string;
    readonly taskTimeoutMs: number;
  };
  readonly worker: { readonly concurrency: number; readonly shutdownTimeoutMs: number };
  readonly auth: {
    /** HMAC key of access tokens; generated into the data directory when embedded and unset. */
    readonly jwtSecret: string | undefined;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    /** Hours after a login when its session ends, however often it was refreshed: the user logs in again. */
    readonly sessionLifetimeHours: number;
    /** Roles that must use a second factor (TOTP) with a local account. */
    readonly totpRequiredRoles: readonly string[];
    /**
     * AES-256-GCM key of the TOTP secrets at rest (32 bytes, hex or base64); generated into the data
     * directory when embedded and unset.
     */
    readonly totpEncryptionKey: string | undefined;
    /** Failed logins from one address on one account before delays start (then they double from 1 s). */
    readonly loginMaxFailures: number;
    /** Longest delay imposed on one address. */
    readonly loginMaxDelaySeconds: number;
    /** Longest delay failures on one account impose on addresses that never logged into it. */
    readonly loginAccountMaxDelaySeconds: number;
    /** How long a temporary password (new account, reset) can be used to choose one's own. */
    readonly temporaryPasswordTtlHours: number;
    /** Requests per minute and client address on the authentication endpoints. */
    readonly rateLimitPerMinute: number;
  };
  readonly oidc: {
    readonly issuer: URL | undefined;
    readonly clientId: string | undefined;
    readonly clientSecret: string | undefined;
    readonly redirectUri: URL | undefined;
    /** Plain-HTTP issuers are refused unless this is on (local providers in tests and demos). */
    readonly allowInsecure: boolean;
    /** ID-token `amr` values any of which proves the SSO checked a second factor (RFC 8176). */
    readonly mfaAmr: readonly string[];
    /** ID-token `acr` values that prove the same (a level of assurance with a second factor). */
    readonly mfaAcr: readonly string[];
  };
  /** Browser origins allowed to call the API cross-site; empty means CORS closed. */
  readonly corsOrigins: readonly string[];
  /** France Travail "Offres d'emploi v2": registered as source `france-travail` when a client id is set. */
  readonly franceTravail: {
    readonly apiUrl: URL;
    readonly tokenUrl: URL;
    readonly clientId: string | undefined;
    readonly clientSecret: string | undefined;
    readonly departements: readonly string[];
  };
  /**
   * Hosts (`host` or `host:port`) ingestion may reach although they resolve to a non-public address
   * (an intranet board). Sources given through the API may otherwise only reach public addresses.
   */
  readonly fetch: { readonly allowedHosts: readonly string[] };
  /** The all-in-one start serves imitation job boards and ingests them, so a fresh machine shows offers. */
  readonly demo: { readonly enabled: boolean; readonly port: number };
  /** Whether uncoded offers are also read from the stored coded offers (OccupationLearning). */
  readonly occupationLearning: boolean;
  readonly coaching: {
    /** Beneficiaries one coach may follow; above it only a manager's override assigns more. */
    readonly portfolioCap: number;
    readonly cerDefaultMonths: number;
    /** Months after coaching ended, or without activity, before a file is anonymised. */
    readonly retentionMonths: number;
    /** On by default; off: the retention job reports what it would anonymise and changes nothing. */
    readonly retentionApply: boolean;
  };
  readonly mediation: {
    /** Days a candidate card link stays valid. */
    readonly cardLinkDays: number;
    /** Hours without an employer's answer before the mediator is reminded. */
    readonly reminderHours: number;
    /** Working days without an answer to a shortlist before its contact is reminded (once). */
    readonly shortlistReminderWorkingDays: number;
    /**
     * Requests per minute from one client address to each kind of public link page: `/cartes/*`,
     * `/selections/*`, `/besoins/*`, `/espace/*`, `/bookings/*`, `/calendar/*`.
     */
    readonly cardRateLimitPerMinute: number;
    /** Requests per minute to one public link (card, shortlist, need form, space, booking), from any address. */
    readonly cardLinkRateLimitPerMinute: number;
  };
  /** Outgoing e-mail: SMTP when a URL is set, otherwise captured in the data directory. */
  readonly mail: { readonly smtpUrl: URL | undefined; readonly from: string };
  /** Outgoing SMS: a provider's HTTP API when a URL is set, otherwise captured in the data directory. */
  readonly sms: { readonly apiUrl: URL | undefined; readonly token: string | undefined; readonly sender: string };
  /** The address people outside reach Passerelle at (links e-mailed to employers); unset: the request's host. */
  readonly publicUrl: URL | undefined;
  /** The built web application (Vite's output), served under /app/. */
  readonly webDir: string;
  /** Bearer token that opens `GET /metrics` (Prometheus); unset: the endpoint does not exist (404). */
  readonly metricsToken: string | undefined;
}

export const ROLE_NAMES = ['coach', 'platform_staff', 'manager', 'admin'] as const;

const PREFIX = /^[a-z0-9_-]{0,40}$/i;

/** The bounds of the settings an administrator may also change at run time (RuntimeSettings keeps to them). */
export const SETTING_BOUNDS = {
  PORTFOLIO_CAP: { min: 1, max: 500 },
  CER_DEFAULT_MONTHS: { min: 1, max: 24 },
  RETENTION_MONTHS: { min: 1, max: 240 },
  CARD_LINK_DAYS: { min: 1, max: 365 },
  EMPLOYER_REMINDER_HOURS: { min: 0, max: 24 * 60 },
  SHORTLIST_REMINDER_WORKING_DAYS: { min: 1, max: 30 },
} as const;

/** Parses and validates the environment. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const embedded = readEnum(env, 'EMBEDDED_SERVICES', EMBEDDED_MODES, CONFIG_DEFAULTS.EMBEDDED_SERVICES);
  const database = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redis = readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const meili = readUrl(env, 'MEILI_URL', ['http:', 'https:']);
  if (embedded === 'off') {
    if (!database) throw new ConfigError('DATABASE_URL', 'a postgres:// URL when EMBEDDED_SERVICES=off', undefined);
    if (!redis) throw new ConfigError('REDIS_URL', 'a redis:// URL when EMBEDDED_SERVICES=off', undefined);
    if (!meili) throw new ConfigError('MEILI_URL', 'an http(s):// URL when EMBEDDED_SERVICES=off', undefined);
  }
  const queuePrefix = readString(env, 'QUEUE_PREFIX', CONFIG_DEFAULTS.QUEUE_PREFIX);
  if (!PREFIX.test(queuePrefix) || queuePrefix === '') {
    throw new ConfigError('QUEUE_PREFIX', 'letters, digits, _ or - (1 to 40)', queuePrefix);
  }
  const indexPrefix = readString(env, 'MEILI_INDEX_PREFIX', CONFIG_DEFAULTS.MEILI_INDEX_PREFIX);
  if (!PREFIX.test(indexPrefix)) {
    throw new ConfigError('MEILI_INDEX_PREFIX', 'letters, digits, _ or - (up to 40)', indexPrefix);
  }
  const bodyLimit = readString(env, 'HTTP_BODY_LIMIT', CONFIG_DEFAULTS.HTTP_BODY_LIMIT);
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) {
    throw new ConfigError('HTTP_BODY_LIMIT', 'a size such as 100kb or 1mb', bodyLimit);
  }
  return {
    http: {
      host: readString(env, 'HOST', CONFIG_DEFAULTS.HOST),
      port: readInt(env, 'PORT', CONFIG_DEFAULTS.PORT, { min: 0, max: 65535 }),
      bodyLimit,
    },
    dataDir: path.resolve(cwd, readString(env, 'PASSERELLE_DATA_DIR', CONFIG_DEFAULTS.PASSERELLE_DATA_DIR)),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, CONFIG_DEFAULTS.LOG_LEVEL),
    embedded,
    database: {
      url: database,
      migrateOnStart: readBoolean(env, 'DB_MIGRATE_ON_START', CONFIG_DEFAULTS.DB_MIGRATE_ON_START),
      poolSize: readInt(env, 'DB_POOL_SIZE', CONFIG_DEFAULTS.DB_POOL_SIZE, { min: 1, max: 200 }),
    },
    redis: { url: redis, queuePrefix },
    meilisearch: {
      url: meili,
      masterKey: readString(env, 'MEILI_MASTER_KEY'),
      indexPrefix,
      taskTimeoutMs: readInt(env, 'MEILI_TASK_TIMEOUT_MS', CONFIG_DEFAULTS.MEILI_TASK_TIMEOUT_MS, {
        min: 100,
        max: 3_600_000,
      }),
    },
    worker: {
      concurrency: readInt(env, 'WORKER_CONCURRENCY', CONFIG_DEFAULTS.WORKER_CONCURRENCY, { min: 1, max: 256 }),
      shutdownTimeoutMs: readInt(env, 'SHUTDOWN_TIMEOUT_MS', CONFIG_DEFAULTS.SHUTDOWN_TIMEOUT_MS, {
        min: 0,
        max: 3_600_000,
      }),
    },
    auth: readAuth(env, embedded),
    oidc: readOidc(env),
    franceTravail: readFranceTravail(env),
    fetch: {
      allowedHosts: readList(
        env,
        'FETCH_ALLOWED_HOSTS',
        /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i,
        'hosts such as emploi.intranet.cd59.fr or 10.0.0.5:8080',
      ),
    },
    occupationLearning: readBoolean(env, 'OCCUPATION_LEARNING', CONFIG_DEFAULTS.OCCUPATION_LEARNING),
    demo: {
      enabled: readBoolean(env, 'DEMO_MODE', CONFIG_DEFAULTS.DEMO_MODE),
      port: readInt(env, 'DEMO_PORT', CONFIG_DEFAULTS.DEMO_PORT, { min: 0, max: 65535 }),
    },
    coaching: {
      portfolioCap: readInt(env, 'PORTFOLIO_CAP', CONFIG_DEFAULTS.PORTFOLIO_CAP, SETTING_BOUNDS.PORTFOLIO_CAP),
      cerDefaultMonths: readInt(
        env,
        'CER_DEFAULT_MONTHS',
        CONFIG_DEFAULTS.CER_DEFAULT_MONTHS,
        SETTING_BOUNDS.CER_DEFAULT_MONTHS,
      ),
      retentionMonths: readInt(
        env,
        'RETENTION_MONTHS',
        CONFIG_DEFAULTS.RETENTION_MONTHS,
        SETTING_BOUNDS.RETENTION_MONTHS,
      ),
      retentionApply: readBoolean(env, 'RETENTION_APPLY', CONFIG_DEFAULTS.RETENTION_APPLY),
    },
    mediation: {
      cardLinkDays: readInt(env, 'CARD_LINK_DAYS', CONFIG_DEFAULTS.CARD_LINK_DAYS, SETTING_BOUNDS.CARD_LINK_DAYS),
      reminderHours: readInt(
        env,
        'EMPLOYER_REMINDER_HOURS',
        CONFIG_DEFAULTS.EMPLOYER_REMINDER_HOURS,
        SETTING_BOUNDS.EMPLOYER_REMINDER_HOURS,
      ),
      shortlistReminderWorkingDays: readInt(
        env,
        'SHORTLIST_REMINDER_WORKING_DAYS',
        CONFIG_DEFAULTS.SHORTLIST_REMINDER_WORKING_DAYS,
        SETTING_BOUNDS.SHORTLIST_REMINDER_WORKING_DAYS,
      ),
      cardRateLimitPerMinute: readInt(env, 'CARD_RATE_LIMIT_PER_MINUTE', CONFIG_DEFAULTS.CARD_RATE_LIMIT_PER_MINUTE, {
        min: 1,
        max: 100_000,
      }),
      cardLinkRateLimitPerMinute: readInt(
        env,
        'CARD_LINK_RATE_LIMIT_PER_MINUTE',
        CONFIG_DEFAULTS.CARD_LINK_RATE_LIMIT_PER_MINUTE,
        { min: 1, max: 100_000 },
      ),
    },
    publicUrl: readUrl(env, 'PUBLIC_URL', ['http:', 'https:']),
    webDir: path.resolve(cwd, readString(env, 'WEB_DIR', CONFIG_DEFAULTS.WEB_DIR)),
    mail: {
      smtpUrl: readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: readString(env, 'MAIL_FROM', CONFIG_DEFAULTS.MAIL_FROM),
    },
    sms: {
      apiUrl: readUrl(env, 'SMS_API_URL', ['https:', 'http:']),
      token: readString(env, 'SMS_API_TOKEN'),
      sender: readString(env, 'SMS_SENDER', CONFIG_DEFAULTS.SMS_SENDER),
    },
    corsOrigins: readList(env, 'CORS_ORIGINS', /^https?:\/\/[^/\s]+$/, 'origins such as https://passerelle.example.fr'),
    metricsToken: readMetricsToken(env),
  };
}

function readAuth(env: Env, embedded: EmbeddedMode): AppConfig['auth'] {
  const jwtSecret = readString(env, 'AUTH_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('AUTH_JWT_SECRET', 'at least 32 characters', '(hidden)');
  }
  if (jwtSecret === undefined && embedded === 'off') {
    throw new ConfigError(
      'AUTH_JWT_SECRET',
      'a secret of at least 32 characters when EMBEDDED_SERVICES=off',
      undefined,
    );
  }
  const totpEncryptionKey = readString(env, 'AUTH_TOTP_ENCRYPTION_KEY');
  if (totpEncryptionKey !== undefined && !isAes256Key(totpEncryptionKey)) {
    throw new ConfigError('AUTH_TOTP_ENCRYPTION_KEY', '32 bytes as 64 hex digits or as base64', '(hidden)');
  }
  if (totpEncryptionKey === undefined && embedded === 'off') {
    throw new ConfigError(
      'AUTH_TOTP_ENCRYPTION_KEY',
      'a 32-byte key (64 hex digits or base64) when EMBEDDED_SERVICES=off',
      undefined,
    );
  }
  // Renamed when the lock became growing delays: a deployment still setting it would silently lose it.
  if (readString(env, 'AUTH_LOGIN_LOCK_SECONDS') !== undefined) {
    throw new ConfigError(
      'AUTH_LOGIN_LOCK_SECONDS',
      'unset: it was replaced by AUTH_LOGIN_MAX_DELAY_SECONDS (failures now cause growing delays, not a lock)',
      readString(env, 'AUTH_LOGIN_LOCK_SECONDS'),
    );
  }
  return {
    jwtSecret,
    totpEncryptionKey,
    accessTokenTtlSeconds: readInt(env, 'AUTH_ACCESS_TOKEN_TTL', CONFIG_DEFAULTS.AUTH_ACCESS_TOKEN_TTL, {
      min: 1,
      max: 86_400,
    }),
    refreshTokenTtlDays: readInt(env, 'AUTH_REFRESH_TOKEN_TTL_DAYS', CONFIG_DEFAULTS.AUTH_REFRESH_TOKEN_TTL_DAYS, {
      min: 1,
      max: 365,
    }),
    sessionLifetimeHours: readInt(env, 'AUTH_SESSION_LIFETIME_HOURS', CONFIG_DEFAULTS.AUTH_SESSION_LIFETIME_HOURS, {
      min: 1,
      max: 8_760,
    }),
    totpRequiredRoles: readList(
      env,
      'AUTH_TOTP_REQUIRED_ROLES',
      new RegExp(`^(${ROLE_NAMES.join('|')})$`),
      `roles among ${ROLE_NAMES.join(', ')}`,
    ),
    loginMaxFailures: readInt(env, 'AUTH_LOGIN_MAX_FAILURES', CONFIG_DEFAULTS.AUTH_LOGIN_MAX_FAILURES, {
      min: 1,
      max: 1_000,
    }),
    loginMaxDelaySeconds: readInt(env, 'AUTH_LOGIN_MAX_DELAY_SECONDS', CONFIG_DEFAULTS.AUTH_LOGIN_MAX_DELAY_SECONDS, {
      min: 1,
      max: 86_400,
    }),
    loginAccountMaxDelaySeconds: readInt(
      env,
      'AUTH_LOGIN_ACCOUNT_MAX_DELAY_SECONDS',
      CONFIG_DEFAULTS.AUTH_LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
      { min: 1, max: 86_400 },
    ),
    temporaryPasswordTtlHours: readInt(
      env,
      'AUTH_TEMPORARY_PASSWORD_TTL_HOURS',
      CONFIG_DEFAULTS.AUTH_TEMPORARY_PASSWORD_TTL_HOURS,
      { min: 1, max: 24 * 30 },
    ),
    rateLimitPerMinute: readInt(env, 'AUTH_RATE_LIMIT_PER_MINUTE', CONFIG_DEFAULTS.AUTH_RATE_LIMIT_PER_MINUTE, {
      min: 1,
      max: 100_000,
    }),
  };
}

/** 32 bytes written as 64 hex digits or as base64 (what `openssl rand -hex 32` or `-base64 32` prints). */
export function aes256KeyBytes(text: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{42,43}=?$/.test(text)) {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

function isAes256Key(text: string): boolean {
  return aes256KeyBytes(text) !== null;
}

function readFranceTravail(env: Env): AppConfig['franceTravail'] {
  const clientId = readString(env, 'FRANCE_TRAVAIL_CLIENT_ID');
  const clientSecret = readString(env, 'FRANCE_TRAVAIL_CLIENT_SECRET');
  if (clientId && !clientSecret) {
    throw new ConfigError(
      'FRANCE_TRAVAIL_CLIENT_SECRET',
      'the client secret when FRANCE_TRAVAIL_CLIENT_ID is set',
      undefined,
    );
  }
  return {
    apiUrl:
      readUrl(env, 'FRANCE_TRAVAIL_API_URL', ['https:', 'http:']) ?? new URL(CONFIG_DEFAULTS.FRANCE_TRAVAIL_API_URL),
    tokenUrl:
      readUrl(env, 'FRANCE_TRAVAIL_TOKEN_URL', ['https:', 'http:']) ??
      new URL(CONFIG_DEFAULTS.FRANCE_TRAVAIL_TOKEN_URL),
    clientId,
    clientSecret,
    departements: readList(env, 'FRANCE_TRAVAIL_DEPARTEMENTS', /^(\d{2}|2[AB]|97\d)$/, 'département codes such as 59'),
  };
}

function readOidc(env: Env): AppConfig['oidc'] {
  const allowInsecure = readBoolean(env, 'OIDC_ALLOW_INSECURE', CONFIG_DEFAULTS.OIDC_ALLOW_INSECURE);
  const issuer = readUrl(env, 'OIDC_ISSUER', allowInsecure ? ['https:', 'http:'] : ['https:']);
  const oidc = {
    issuer,
    clientId: readString(env, 'OIDC_CLIENT_ID'),
    clientSecret: readString(env, 'OIDC_CLIENT_SECRET'),
    redirectUri: readUrl(env, 'OIDC_REDIRECT_URI', ['https:', 'http:']),
    allowInsecure,
    mfaAmr: orDefault(readList(env, 'OIDC_MFA_AMR', /^[\w.:-]+$/, 'amr values such as mfa'), [
      CONFIG_DEFAULTS.OIDC_MFA_AMR,
    ]),
    mfaAcr: readList(env, 'OIDC_MFA_ACR', /^\S+$/, 'acr values without spaces'),
  };
  if (issuer) {
    if (!oidc.clientId) throw new ConfigError('OIDC_CLIENT_ID', 'the client id when OIDC_ISSUER is set', undefined);
    if (!oidc.clientSecret)
      throw new ConfigError('OIDC_CLIENT_SECRET', 'the client secret when OIDC_ISSUER is set', undefined);
    if (!oidc.redirectUri)
      throw new ConfigError('OIDC_REDIRECT_URI', 'the callback URL when OIDC_ISSUER is set', undefined);
  }
  return oidc;
}

function orDefault(list: string[], fallback: string[]): string[] {
  return list.length > 0 ? list : fallback;
}

/** The configuration once every service URL is known (after embedded services are resolved). */
export interface ResolvedConfig extends AppConfig {
  readonly auth: AppConfig['auth'] & { readonly jwtSecret: string; readonly totpEncryptionKey: string };
  readonly database: AppConfig['database'] & { readonly url: URL };
  readonly redis: AppConfig['redis'] & { readonly url: URL };
  readonly meilisearch: AppConfig['meilisearch'] & { readonly url: URL };
}

export function isResolved(config: AppConfig): config is ResolvedConfig {
  return Boolean(
    config.database.url &&
    config.redis.url &&
    config.meilisearch.url &&
    config.auth.jwtSecret &&
    config.auth.totpEncryptionKey,
  );
}

/** A guessable token would open the metrics to anyone: at least 32 characters, no spaces. */
function readMetricsToken(env: Env): string | undefined {
  const token = readString(env, 'METRICS_TOKEN');
  if (token === undefined || token === '') return undefined;
  if (!/^\S{32,}$/.test(token))
    throw new ConfigError('METRICS_TOKEN', 'at least 32 characters without spaces', '(hidden)');
  return token;
}
