import 'reflect-metadata';
import { Command } from 'commander';
import { auditVerifyCommand } from './commands/audit.command.js';
import { backupCommand, restoreCommand } from './commands/backup.command.js';
import { reconcileCommand, reindexCommand } from './commands/index.command.js';
import { extractCommand, ingestCommand, reparseCommand } from './commands/ingest.command.js';
import { learnOccupationsCommand } from './commands/learn.command.js';
import { retentionCommand } from './commands/retention.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { seedCommand } from './commands/seed.command.js';
import { createAdminCommand, createUserCommand, resetPasswordCommand } from './commands/users.command.js';
import { startCommand } from './commands/start.command.js';
import { workerCheckCommand } from './commands/worker-check.command.js';

/** `npm run cli -- <command>`: each command fails with a non-zero exit and one line saying why. */
function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`passerelle: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

const program = new Command('passerelle')
  .description('Passerelle: back-to-work platform for RSA beneficiaries.')
  .showHelpAfterError('(run with --help for the list of commands)');

program
  .command('start')
  .description('run API and worker in one process; starts embedded services when their URL is unset')
  .action(() => startCommand().catch(fail));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => migrateCommand().then(() => process.exit(0), fail));

program
  .command('seed')
  .description('import or refresh the reference data (ROME 4.0 occupations, skills, mobilities; communes)')
  .action(() => seedCommand().then(() => process.exit(0), fail));

program
  .command('worker-check')
  .description('send a ping job and wait for a worker to answer it (needs REDIS_URL or a local Redis)')
  .option('--timeout <ms>', 'how long to wait for the answer', '10000')
  .action((options: { timeout: string }) => workerCheckCommand(options).then(() => process.exit(0), fail));

program
  .command('create-admin')
  .description('create the first administrator of an empty database (prints a generated password once)')
  .option('--email <email>', 'login e-mail', 'admin@passerelle.local')
  .option('--password <password>', 'password (generated when omitted)')
  .option('--structure <name>', 'name of the root structure', 'Administration')
  .action((options: { email: string; password?: string; structure: string }) =>
    createAdminCommand(options).then(() => process.exit(0), fail),
  );

program
  .command('create-user')
  .description('create a user (prints a temporary password once when none is given)')
  .requiredOption('--email <email>', 'login e-mail')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--structure <id>', 'structure id (uuid)')
  .requiredOption('--roles <roles>', 'comma-separated: coach, platform_staff, manager, admin')
  .option('--password <password>', 'password (generated when omitted)')
  .action((options: { email: string; name: string; structure: string; roles: string; password?: string }) =>
    createUserCommand(options).then(() => process.exit(0), fail),
  );

program
  .command('reset-password')
  .description("give a user a new temporary password (printed once) and end the user's sessions")
  .requiredOption('--email <email>', 'login e-mail')
  .action((options: { email: string }) => resetPasswordCommand(options).then(() => process.exit(0), fail));

program
  .command('ingest')
  .description('run one ingestion source now: progress on stderr, JSON summary on stdout')
  .requiredOption('--source <name>', 'source name (see GET /sources)')
  .action((options: { source: string }) =>
    ingestCommand(options).then(() => process.exit(process.exitCode ?? 0), fail),
  );

program
  .command('reparse')
  .description("parse a source's stored payloads again with today's parsers (fetches nothing); JSON summary on stdout")
  .requiredOption('--source <name>', 'source name (see GET /sources)')
  .action((options: { source: string }) =>
    reparseCommand(options).then(() => process.exit(process.exitCode ?? 0), fail),
  );

program
  .command('learn-occupations')
  .description(
    'build the occupation reader from the stored offers whose source gave a ROME code; JSON report on stdout',
  )
  .option('--max <n>', 'newest coded offers to learn from (default 20000)')
  .action((options: { max?: string }) => learnOccupationsCommand(options).then(() => process.exit(0), fail));

program
  .command('extract')
  .argument(
    '<file-or-url>',
    'an offer page (HTML with a board description or JSON-LD) or a France Travail offer (JSON)',
  )
  .description('print the normalised offer as JSON, or the rejection reason with a non-zero exit')
  .action((target: string) => extractCommand(target).then(() => process.exit(0), fail));

program
  .command('reindex')
  .description('rebuild the offers search index from PostgreSQL into a new index and swap it in')
  .action(() => reindexCommand().then(() => process.exit(0), fail));

program
  .command('reconcile')
  .description('report offers missing or stale in the search index; --repair fixes them')
  .option('--repair', 'add, refresh and remove index entries to match PostgreSQL')
  .action((options: { repair?: boolean }) => reconcileCommand(options).then(() => process.exit(0), fail));

program
  .command('retention')
  .description(
    'personal-data retention: notify coaches 30 days ahead, anonymise the files whose notice has passed, drop old session traces',
  )
  .option('--dry-run', 'only report the files due and send the notices (changes no file)')
  .action((options: { dryRun?: boolean }) => retentionCommand(options).then(() => process.exit(0), fail));

const audit = program.command('audit').description('the audit log of personal-data access');
audit
  .command('verify')
  .description('check the hash chain of the audit log: exits non-zero at the first changed or deleted row')
  .option('--expect <seq:hash>', 'a head printed by an earlier run, which the chain must still contain')
  .action((options: { expect?: string }) => auditVerifyCommand(options).then(() => process.exit(0), fail));

program
  .command('backup')
  .description('save the database (pg_dump) and the stored files (photos, captured e-mails) into a new directory')
  .requiredOption('--to <dir>', 'a new or empty directory')
  .action((options: { to: string }) => backupCommand(options).then(() => process.exit(0), fail));

program
  .command('restore')
  .description('restore a backup into an empty database and data directory, then rebuild the search index')
  .requiredOption('--from <dir>', 'a directory written by backup')
  .action((options: { from: string }) => restoreCommand(options).then(() => process.exit(0), fail));

program.parseAsync(process.argv).catch(fail);
