import './styles.css';
import { prefetch } from './api/prefetch';
import { session } from './auth/session-store';
import { BASE, HOME_SCREENS, matchScreen, type Screen, SCREENS } from './screens';

/**
 * The page's first script, a few kilobytes: it starts what the first screen waits for before the application's
 * code runs, so that nothing waits in line. After a reload of a signed-in tab, the session is refreshed (its answer
 * carries the signed-in user) and, as soon as it is, the screen's own reads (api/prefetch.ts) go out; only then do
 * the application's code and the screen's chunk load and run, while the API answers (run earlier, that code
 * would keep the page busy and the reads unsent). The application starts once both are there, so the screen
 * renders without a loading step for its code.
 */
const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : '/';
const found = matchScreen(path);
let first: readonly Screen[];
let readsSent: Promise<void> = Promise.resolve();
if (found && !found.screen.session) first = [found.screen];
else if (session.state() !== 'authenticated') first = [SCREENS.login];
else {
  const search = new URLSearchParams(window.location.search);
  readsSent = prefetch(found?.screen.firstReads?.(found.params, search) ?? []);
  // `/` and unknown paths go to the user's home, which depends on their role.
  first = found ? [found.screen] : HOME_SCREENS;
}

void readsSent
  .then(() => Promise.all([import('./main'), ...first.map((screen) => screen.preload().catch(() => undefined))]))
  .then(([app]) => app.start());
