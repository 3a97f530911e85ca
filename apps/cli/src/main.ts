import 'reflect-metadata';
import { Command } from 'commander';
import { migrateCommand } from './commands/migrate.command.js';
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
  .command('worker-check')
  .description('send a ping job and wait for a worker to answer it (needs REDIS_URL or a local Redis)')
  .option('--timeout <ms>', 'how long to wait for the answer', '10000')
  .action((options: { timeout: string }) => workerCheckCommand(options).then(() => process.exit(0), fail));

program.parseAsync(process.argv).catch(fail);
