import { AppSettings1764000000000 } from './1764000000000-app-settings.js';
import { Identity1764000001000 } from './1764000001000-identity.js';

/**
 * Every migration, in order. Listed explicitly rather than globbed so the build, the tests and the
 * container image all run exactly the same set. A landed migration is never edited: add a new one.
 */
export const MIGRATIONS = [AppSettings1764000000000, Identity1764000001000];
