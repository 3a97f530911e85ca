export { aes256KeyBytes, isResolved, loadConfig } from './config/app-config.js';
export { CONFIG_VARIABLES, configTableMarkdown } from './config/config-variables.js';
export type { AppConfig, LogLevel, ResolvedConfig } from './config/app-config.js';
export { ConfigError } from './config/env-parsers.js';
export { APP_CONFIG } from './config/config.tokens.js';
export { installationSecret } from './config/installation-secret.js';
export { RuntimeSettings } from './config/runtime-settings.js';
export type { SettingView } from './config/runtime-settings.js';
export { mapConcurrent } from './concurrency.js';
export { CoreModule } from './core.module.js';
export type { CoreModuleOptions } from './core.module.js';
export { dataSourceOptions } from './database/data-source-options.js';
export { ensureDatabase } from './database/ensure-database.js';
export { MIGRATIONS } from './database/migration-registry.js';
export { runMigrations } from './database/run-migrations.js';
export {
  MigrationChangedError,
  checkMigrationChecksums,
  migrationChecksum,
  migrationFile,
} from './database/migration-checksums.js';
export { advisoryXactLock } from './database/advisory-lock.js';
export { updateReturning } from './database/update-returning.js';
export type { MigrationReport } from './database/run-migrations.js';
export { DataDirInUseError, resolveServices } from './embedded/embedded-services.js';
export type { ResolveOptions, ServiceSet } from './embedded/embedded-services.js';
export { isRunning, processIdentity, type ProcessIdentity } from './embedded/process-identity.js';
export { lookUpState, servicesStatePath, type ServicesState } from './embedded/services-state.js';
export { MEILISEARCH_VERSION, meilisearchBinary, startMeilisearch } from './embedded/meilisearch-server.js';
export type { EmbeddedMeilisearch } from './embedded/meilisearch-server.js';
export { freePort, isListening, preferredPort, waitFor } from './embedded/ports.js';
export { RedisUnavailableError, pingRedis, startRedis } from './embedded/redis-server.js';
export type { EmbeddedRedis } from './embedded/redis-server.js';
export { canConnectPostgres, startPostgres } from './embedded/postgres-server.js';
export type { ServiceLogger } from './embedded/service-logger.js';
export { ServiceOwnedElsewhereError, SupervisedProcess } from './embedded/supervised-process.js';
export { DomainError } from './errors/domain-error.js';
export type { DomainErrorKind, ErrorDetail } from './errors/domain-error.js';
export { CORE_ERRORS, coreError } from './errors/core-errors.js';
export type { CoreErrorCode } from './errors/core-errors.js';
export { errorFactory } from './errors/error-catalogue.js';
export type { ErrorCatalogue, ErrorEntry, ErrorFactory } from './errors/error-catalogue.js';
export { ReadinessService } from './health/readiness.service.js';
export type { Dependency, DependencyStatus, Readiness } from './health/readiness.service.js';
export { LoggingModule, requestId } from './logging/logging.module.js';
export { REDACTED, redactRequestUrl } from './logging/redact-request-url.js';
export { SystemJobs } from './queues/job-producer.js';
export { TypedQueue } from './queues/typed-queue.js';
export type { JobOf } from './queues/typed-queue.js';
export { QUEUES } from './queues/queue-contracts.js';
export type { JobContracts, JobName, JobPayload, QueueName } from './queues/queue-contracts.js';
export { redisOptions } from './queues/redis-connection.js';
export type { RedisRole } from './queues/redis-connection.js';
export type { IndexDefinition } from './search/index-definition.js';
export { MeiliTaskFailedError, awaitTask, createMeiliClient } from './search/meili-client.js';
export { KeptAliveMeiliTransport, meiliApiError } from './search/kept-alive-transport.js';
export { SearchIndexes } from './search/search-indexes.service.js';
export { MetricsPublisher } from './metrics/metrics-publisher.js';
export { platformFacts, RUN_OUTCOMES } from './metrics/platform-facts.js';
export type { PlatformFacts } from './metrics/platform-facts.js';
export {
  aggregateMetrics,
  httpRequestDuration,
  meiliTaskFailures,
  processRegistry,
  workerJobDuration,
  workerJobs,
} from './metrics/process-metrics.js';
export { migrateDatabase, verifyMigrations } from './runtime/migrate-database.js';
export { createProcessLogger } from './runtime/process-logger.js';
export { onShutdownSignal, prepareRuntime } from './runtime/runtime.js';
export type { Runtime } from './runtime/runtime.js';
export {
  CapturingMailer,
  createMailer,
  headerText,
  isSingleAddress,
  Mailer,
  safeMessage,
  SmtpMailer,
} from './mail/mailer.js';
export type { MailMessage } from './mail/mailer.js';
export { CapturingSmsSender, createSmsSender, HttpSmsSender, SmsSender } from './sms/sms-sender.js';
export type { SmsMessage } from './sms/sms-sender.js';
export { Clock } from './clock.js';
export { seededRandom } from './seeded-random.js';
export { RecentlyUsedMap } from './recently-used-map.js';
export { csvCell, csvDocument, frenchCsvDocument, neutraliseFormula } from './csv/csv.js';
export type { CsvConventions } from './csv/csv.js';
export type { CsvValue } from './csv/csv.js';
export { frenchDate, PdfDocument, printable } from './pdf/pdf-document.js';
export type { PdfDocumentOptions, SignatureBlock } from './pdf/pdf-document.js';
export {
  departementOfInsee,
  easterSunday,
  frenchPublicHolidays,
  isFrenchWorkingDay,
  workingDaysAfter,
} from './calendar/french-holidays.js';
