import path from 'node:path';
import { ConfigError, type Env, readBoolean, readEnum, readInt, readList, readString, readUrl } from './env-parsers.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const EMBEDDED_MODES = ['auto', 'off'] as const;
export type EmbeddedMode = (typeof EMBEDDED_MODES)[number];

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
    /** Requests per minute from one client address to the public card pages (`/cartes/*`). */
    readonly cardRateLimitPerMinute: number;
    /** Requests per minute to one card link, from any address. */
    readonly cardLinkRateLimitPerMinute: number;
  };
  /** Outgoing e-mail: SMTP when a URL is set, otherwise captured in the data directory. */
  readonly mail: { readonly smtpUrl: URL | undefined; readonly from: string };
  /** The address people outside reach Passerelle at (links e-mailed to employers); unset: the request's host. */
  readonly publicUrl: URL | undefined;
  /** The built web application (Vite's output), served under /app/. */
  readonly webDir: string;
  /** Bearer token that opens `GET /metrics` (Prometheus); unset: the endpoint does not exist (404). */
  readonly metricsToken: string | undefined;
}

/**
 * The default of every variable that has one, in one place: `loadConfig` falls back to these and
 * the README's table (CONFIG_VARIABLES) prints them.
 */
export const CONFIG_DEFAULTS = {
  PORT: 3000,
  HOST: '127.0.0.1',
  HTTP_BODY_LIMIT: '1mb',
  PASSERELLE_DATA_DIR: './.data',
  LOG_LEVEL: 'info',
  EMBEDDED_SERVICES: 'auto',
  DB_MIGRATE_ON_START: true,
  DB_POOL_SIZE: 10,
  QUEUE_PREFIX: 'passerelle',
  MEILI_INDEX_PREFIX: 'passerelle_',
  MEILI_TASK_TIMEOUT_MS: 60_000,
  WORKER_CONCURRENCY: 4,
  SHUTDOWN_TIMEOUT_MS: 30_000,
  AUTH_ACCESS_TOKEN_TTL: 900,
  AUTH_REFRESH_TOKEN_TTL_DAYS: 14,
  AUTH_SESSION_LIFETIME_HOURS: 12,
  AUTH_LOGIN_MAX_FAILURES: 5,
  AUTH_LOGIN_MAX_DELAY_SECONDS: 900,
  AUTH_LOGIN_ACCOUNT_MAX_DELAY_SECONDS: 60,
  AUTH_TEMPORARY_PASSWORD_TTL_HOURS: 72,
  AUTH_RATE_LIMIT_PER_MINUTE: 30,
  OIDC_ALLOW_INSECURE: false,
  OIDC_MFA_AMR: 'mfa',
  FRANCE_TRAVAIL_API_URL: 'https://api.francetravail.io/partenaire/offresdemploi',
  FRANCE_TRAVAIL_TOKEN_URL: 'https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire',
  DEMO_MODE: true,
  DEMO_PORT: 3100,
  PORTFOLIO_CAP: 40,
  CER_DEFAULT_MONTHS: 3,
  RETENTION_MONTHS: 24,
  CARD_LINK_DAYS: 30,
  EMPLOYER_REMINDER_HOURS: 72,
  CARD_RATE_LIMIT_PER_MINUTE: 30,
  CARD_LINK_RATE_LIMIT_PER_MINUTE: 20,
  MAIL_FROM: 'Passerelle <no-reply@passerelle.local>',
  WEB_DIR: './dist/web',
  RETENTION_APPLY: true,
} as const;

/** The documented variables, in the order of the README's configuration table. */
export const CONFIG_VARIABLES = [
  ['PORT', `${CONFIG_DEFAULTS.PORT}`, 'HTTP port of the API'],
  ['HOST', `${CONFIG_DEFAULTS.HOST}`, 'interface the API listens on (`0.0.0.0` in containers)'],
  ['HTTP_BODY_LIMIT', `${CONFIG_DEFAULTS.HTTP_BODY_LIMIT}`, 'largest accepted request body; larger ones get 413'],
  [
    'PASSERELLE_DATA_DIR',
    `${CONFIG_DEFAULTS.PASSERELLE_DATA_DIR}`,
    'where embedded services keep their data and the generated Meilisearch key',
  ],
  ['LOG_LEVEL', `${CONFIG_DEFAULTS.LOG_LEVEL}`, `one of ${LOG_LEVELS.join(', ')}`],
  [
    'EMBEDDED_SERVICES',
    `${CONFIG_DEFAULTS.EMBEDDED_SERVICES}`,
    '`auto` finds or starts PostgreSQL, Redis and Meilisearch when their URL is unset; `off` requires the URLs',
  ],
  ['DATABASE_URL', '(local or embedded)', 'PostgreSQL URL, `postgres://user:password@host:5432/db`'],
  [
    'DB_MIGRATE_ON_START',
    `${CONFIG_DEFAULTS.DB_MIGRATE_ON_START}`,
    'apply pending migrations at start (under an advisory lock)',
  ],
  ['DB_POOL_SIZE', `${CONFIG_DEFAULTS.DB_POOL_SIZE}`, 'PostgreSQL connections per process'],
  ['REDIS_URL', '(local or embedded)', 'Redis URL, `redis://host:6379/0`'],
  ['QUEUE_PREFIX', `${CONFIG_DEFAULTS.QUEUE_PREFIX}`, 'prefix of BullMQ keys and login counters in Redis'],
  ['MEILI_URL', '(embedded)', 'Meilisearch URL; unset starts the bundled Meilisearch 1.21.0'],
  ['MEILI_MASTER_KEY', '(generated when embedded)', 'Meilisearch master or admin API key'],
  ['MEILI_INDEX_PREFIX', `${CONFIG_DEFAULTS.MEILI_INDEX_PREFIX}`, 'prefix of every index name'],
  ['MEILI_TASK_TIMEOUT_MS', `${CONFIG_DEFAULTS.MEILI_TASK_TIMEOUT_MS}`, 'how long to wait for one Meilisearch task'],
  [
    'WORKER_CONCURRENCY',
    `${CONFIG_DEFAULTS.WORKER_CONCURRENCY}`,
    'jobs processed at once per queue by a worker process',
  ],
  [
    'SHUTDOWN_TIMEOUT_MS',
    `${CONFIG_DEFAULTS.SHUTDOWN_TIMEOUT_MS}`,
    'on SIGTERM, how long in-flight jobs may take before the process gives them back',
  ],
  [
    'AUTH_JWT_SECRET',
    '(generated when embedded)',
    'key signing access tokens, at least 32 characters; required with EMBEDDED_SERVICES=off',
  ],
  ['AUTH_ACCESS_TOKEN_TTL', `${CONFIG_DEFAULTS.AUTH_ACCESS_TOKEN_TTL}`, 'access token lifetime, seconds'],
  [
    'AUTH_REFRESH_TOKEN_TTL_DAYS',
    `${CONFIG_DEFAULTS.AUTH_REFRESH_TOKEN_TTL_DAYS}`,
    'refresh token lifetime, days (each refresh rotates it)',
  ],
  [
    'AUTH_SESSION_LIFETIME_HOURS',
    `${CONFIG_DEFAULTS.AUTH_SESSION_LIFETIME_HOURS}`,
    'absolute session lifetime, hours after the login; refreshing does not extend it, the user logs in again',
  ],
  [
    'AUTH_TOTP_REQUIRED_ROLES',
    '(none)',
    'comma-separated roles that must enrol a TOTP second factor, e.g. `coach,manager,platform_staff`',
  ],
  [
    'AUTH_TOTP_ENCRYPTION_KEY',
    '(generated when embedded)',
    'key encrypting TOTP secrets at rest (AES-256-GCM), 32 bytes as 64 hex digits or base64; required with EMBEDDED_SERVICES=off',
  ],
  [
    'AUTH_LOGIN_MAX_FAILURES',
    `${CONFIG_DEFAULTS.AUTH_LOGIN_MAX_FAILURES}`,
    'failed logins from one address on one account before delays start; each further failure doubles the delay from 1 s',
  ],
  [
    'AUTH_LOGIN_MAX_DELAY_SECONDS',
    `${CONFIG_DEFAULTS.AUTH_LOGIN_MAX_DELAY_SECONDS}`,
    'longest delay imposed on one address (on one account, or on all together)',
  ],
  [
    'AUTH_LOGIN_ACCOUNT_MAX_DELAY_SECONDS',
    `${CONFIG_DEFAULTS.AUTH_LOGIN_ACCOUNT_MAX_DELAY_SECONDS}`,
    'longest delay failures on one account impose on addresses that never logged into it (known ones are not delayed)',
  ],
  [
    'AUTH_TEMPORARY_PASSWORD_TTL_HOURS',
    `${CONFIG_DEFAULTS.AUTH_TEMPORARY_PASSWORD_TTL_HOURS}`,
    'hours a temporary password (new account, reset) stays usable; then an administrator must reset it',
  ],
  [
    'AUTH_RATE_LIMIT_PER_MINUTE',
    `${CONFIG_DEFAULTS.AUTH_RATE_LIMIT_PER_MINUTE}`,
    'requests per minute from one address to the authentication endpoints',
  ],
  ['OIDC_ISSUER', '(off)', 'OpenID Connect issuer URL of the SSO (e.g. ProConnect); enables SSO login'],
  ['OIDC_CLIENT_ID', '', 'client id registered with the SSO'],
  ['OIDC_CLIENT_SECRET', '', 'client secret registered with the SSO'],
  ['OIDC_REDIRECT_URI', '', 'callback URL registered with the SSO, ending in `/auth/oidc/callback`'],
  [
    'OIDC_ALLOW_INSECURE',
    `${CONFIG_DEFAULTS.OIDC_ALLOW_INSECURE}`,
    'accept a plain-HTTP issuer (local providers only)',
  ],
  [
    'OIDC_MFA_AMR',
    `${CONFIG_DEFAULTS.OIDC_MFA_AMR}`,
    'comma-separated ID-token `amr` values proving the SSO checked a second factor; roles in `AUTH_TOTP_REQUIRED_ROLES` need one of them (or an `OIDC_MFA_ACR` value)',
  ],
  ['OIDC_MFA_ACR', '(none)', 'comma-separated ID-token `acr` values that also prove a second factor'],
  ['CORS_ORIGINS', '(closed)', 'comma-separated browser origins allowed to call the API'],
  [
    'FRANCE_TRAVAIL_API_URL',
    `${CONFIG_DEFAULTS.FRANCE_TRAVAIL_API_URL}`,
    'base URL of the Offres d’emploi v2 API (or a compatible server)',
  ],
  [
    'FRANCE_TRAVAIL_TOKEN_URL',
    `${CONFIG_DEFAULTS.FRANCE_TRAVAIL_TOKEN_URL}`,
    'OAuth2 token endpoint (client credentials)',
  ],
  ['FRANCE_TRAVAIL_CLIENT_ID', '(off)', 'client id; when set, the source `france-travail` is registered'],
  ['FRANCE_TRAVAIL_CLIENT_SECRET', '', 'client secret (kept out of the database)'],
  ['FRANCE_TRAVAIL_DEPARTEMENTS', '(none)', 'comma-separated départements to pull, e.g. `59,62`'],
  [
    'FETCH_ALLOWED_HOSTS',
    '(none)',
    'comma-separated hosts (`host` or `host:port`) ingestion may reach on a private address, e.g. `emploi.intranet.cd59.fr`; every other source must resolve to public addresses',
  ],
  [
    'DEMO_MODE',
    `${CONFIG_DEFAULTS.DEMO_MODE}`,
    '`npm start` serves imitation boards (Nordemploi, Job Connexion, France Travail API) and ingests them',
  ],
  ['DEMO_PORT', `${CONFIG_DEFAULTS.DEMO_PORT}`, 'port of the demo boards (another free port when taken)'],
  [
    'PORTFOLIO_CAP',
    `${CONFIG_DEFAULTS.PORTFOLIO_CAP}`,
    'beneficiaries per coach; above it, only a manager can assign (override recorded)',
  ],
  ['CER_DEFAULT_MONTHS', `${CONFIG_DEFAULTS.CER_DEFAULT_MONTHS}`, 'duration of a CER when none is given'],
  [
    'RETENTION_MONTHS',
    `${CONFIG_DEFAULTS.RETENTION_MONTHS}`,
    'months after coaching ended, or without activity in a file never closed, before it is anonymised (coach told 30 days before)',
  ],
  ['CARD_LINK_DAYS', `${CONFIG_DEFAULTS.CARD_LINK_DAYS}`, 'days a candidate card link sent to an employer stays valid'],
  [
    'EMPLOYER_REMINDER_HOURS',
    `${CONFIG_DEFAULTS.EMPLOYER_REMINDER_HOURS}`,
    'hours without an employer’s answer to a card before the mediator is reminded',
  ],
  [
    'CARD_RATE_LIMIT_PER_MINUTE',
    `${CONFIG_DEFAULTS.CARD_RATE_LIMIT_PER_MINUTE}`,
    'requests per minute from one address to the employers’ card pages (`/cartes/*`: page, photo, answer)',
  ],
  [
    'CARD_LINK_RATE_LIMIT_PER_MINUTE',
    `${CONFIG_DEFAULTS.CARD_LINK_RATE_LIMIT_PER_MINUTE}`,
    'requests per minute to one card link, whatever the address',
  ],
  [
    'SMTP_URL',
    '(capture)',
    'e.g. `smtps://user:pass@smtp.example.fr:465`; unset: e-mails are written to `DATA_DIR/mail-outbox/`',
  ],
  ['PUBLIC_URL', '(request host)', 'public address of Passerelle, used in links e-mailed to employers'],
  ['MAIL_FROM', `${CONFIG_DEFAULTS.MAIL_FROM}`, 'sender of outgoing e-mails'],
  ['WEB_DIR', `${CONFIG_DEFAULTS.WEB_DIR}`, 'the built web application (`npm run build:web`), served under `/app/`'],
  [
    'RETENTION_APPLY',
    `${CONFIG_DEFAULTS.RETENTION_APPLY}`,
    'the daily retention job anonymises the files whose 30-day notice has passed; `false` holds it to a report (dry run)',
  ],
  [
    'METRICS_TOKEN',
    '(closed)',
    'bearer token (32+ characters) that opens `GET /metrics` (Prometheus); unset: the endpoint answers 404',
  ],
] as const;

export const ROLE_NAMES = ['coach', 'platform_staff', 'manager', 'admin'] as const;

const PREFIX = /^[a-z0-9_-]{0,40}$/i;

/** The bounds of the settings an administrator may also change at run time (RuntimeSettings keeps to them). */
export const SETTING_BOUNDS = {
  PORTFOLIO_CAP: { min: 1, max: 500 },
  CER_DEFAULT_MONTHS: { min: 1, max: 24 },
  RETENTION_MONTHS: { min: 1, max: 240 },
  CARD_LINK_DAYS: { min: 1, max: 365 },
  EMPLOYER_REMINDER_HOURS: { min: 0, max: 24 * 60 },
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

/** The README's configuration table, generated from CONFIG_VARIABLES (a unit test keeps them equal). */
export function configTableMarkdown(): string {
  const rows = CONFIG_VARIABLES.map(([name, fallback, meaning]) => `| \`${name}\` | ${fallback} | ${meaning} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** A guessable token would open the metrics to anyone: at least 32 characters, no spaces. */
function readMetricsToken(env: Env): string | undefined {
  const token = readString(env, 'METRICS_TOKEN');
  if (token === undefined || token === '') return undefined;
  if (!/^\S{32,}$/.test(token))
    throw new ConfigError('METRICS_TOKEN', 'at least 32 characters without spaces', '(hidden)');
  return token;
}
