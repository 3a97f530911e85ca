import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/app-config.js';

/** The logger used before and around Nest (start-up, embedded services, shutdown): same JSON lines. */
export function createProcessLogger(level: LogLevel, service: string): Logger {
  return pino({ level, base: { service } });
}
