/** The configuration variables as documented: levels and modes, the defaults loadConfig applies, the README table. */

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const EMBEDDED_MODES = ['auto', 'off'] as const;
export type EmbeddedMode = (typeof EMBEDDED_MODES)[number];

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
  SHORTLIST_REMINDER_WORKING_DAYS: 3,
  CARD_RATE_LIMIT_PER_MINUTE: 30,
  CARD_LINK_RATE_LIMIT_PER_MINUTE: 20,
  MAIL_FROM: 'Passerelle <no-reply@passerelle.local>',
  SMS_SENDER: 'Passerelle',
  WEB_DIR: './dist/web',
  RETENTION_APPLY: true,
  OCCUPATION_LEARNING: false,
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
    'SHORTLIST_REMINDER_WORKING_DAYS',
    `${CONFIG_DEFAULTS.SHORTLIST_REMINDER_WORKING_DAYS}`,
    'working days (Monday to Friday, French public holidays skipped: those of the employer’s département, Alsace-Moselle included) without an answer for every person of a shortlist before its contact is reminded once',
  ],
  [
    'CARD_RATE_LIMIT_PER_MINUTE',
    `${CONFIG_DEFAULTS.CARD_RATE_LIMIT_PER_MINUTE}`,
    'requests per minute from one address to each kind of public link page: `/cartes/*` (card, photo, answer), `/selections/*`, `/besoins/*`, `/espace/*`, `/bookings/*` and `/calendar/*`',
  ],
  [
    'CARD_LINK_RATE_LIMIT_PER_MINUTE',
    `${CONFIG_DEFAULTS.CARD_LINK_RATE_LIMIT_PER_MINUTE}`,
    'requests per minute to one public link (card, shortlist, need form, space, booking), whatever the address',
  ],
  [
    'SMTP_URL',
    '(capture)',
    'e.g. `smtps://user:pass@smtp.example.fr:465`; unset: e-mails are written to `DATA_DIR/mail-outbox/`',
  ],
  ['PUBLIC_URL', '(request host)', 'public address of Passerelle, used in links e-mailed to employers'],
  ['MAIL_FROM', `${CONFIG_DEFAULTS.MAIL_FROM}`, 'sender of outgoing e-mails'],
  [
    'SMS_API_URL',
    '(capture)',
    'SMS provider’s HTTP endpoint (`POST` JSON `{ from, to, text }`); unset: SMS are written to `DATA_DIR/sms-outbox/`',
  ],
  ['SMS_API_TOKEN', '(none)', 'bearer token sent to the SMS provider'],
  [
    'SMS_SENDER',
    `${CONFIG_DEFAULTS.SMS_SENDER}`,
    'sender name of outgoing SMS (11 characters at most for most providers)',
  ],
  ['WEB_DIR', `${CONFIG_DEFAULTS.WEB_DIR}`, 'the built web application (`npm run build:web`), served under `/app/`'],
  [
    'RETENTION_APPLY',
    `${CONFIG_DEFAULTS.RETENTION_APPLY}`,
    'the daily retention job anonymises the files whose 30-day notice has passed; `false` holds it to a report (dry run)',
  ],
  [
    'OCCUPATION_LEARNING',
    `${CONFIG_DEFAULTS.OCCUPATION_LEARNING}`,
    'uncoded offers are also read the way the most similar stored coded offers (France Travail’s) were coded, behind a gate that keeps sure referential readings (see Matching); needs 200+ coded offers',
  ],
  [
    'METRICS_TOKEN',
    '(closed)',
    'bearer token (32+ characters) that opens `GET /metrics` (Prometheus); unset: the endpoint answers 404',
  ],
] as const;

/** The README's configuration table, generated from CONFIG_VARIABLES (a unit test keeps them equal). */
export function configTableMarkdown(): string {
  const rows = CONFIG_VARIABLES.map(([name, fallback, meaning]) => `| \`${name}\` | ${fallback} | ${meaning} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
