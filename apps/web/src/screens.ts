import type { ComponentType } from 'react';
import { matchesFirstReads } from './routes/matches/matches-search';
import { portfolioFirstReads } from './routes/portfolio/portfolio-sorts';

/** The router's basename: the web application is served under /app/. */
export const BASE = '/app';

/**
 * A screen: its route, and its code, fetched on first use or ahead of it (`preload`) and kept once there, so
 * that the router renders a screen whose code is loaded at once, without a Suspense fallback (React waits up
 * to 300 ms before revealing what replaces one).
 */
export interface Screen {
  /** The route under /app/, as the router writes it (`personnes/:id/offres`). */
  readonly path: string;
  /** False for the pages opened without a session (the login, an invitation's booking page). */
  readonly session: boolean;
  /**
   * The GET requests the screen makes as it opens, path and query exactly as it sends them: the boot asks for
   * them while the code loads (api/prefetch.ts).
   */
  readonly firstReads?: (params: Readonly<Record<string, string>>, search: URLSearchParams) => string[];
  readonly preload: () => Promise<ComponentType>;
  /** The screen's component once its code is there. */
  readonly loaded: () => ComponentType | null;
}

function lazyScreen<M extends Record<string, unknown>>(
  path: string,
  load: () => Promise<M>,
  name: keyof M & string,
  options: { session?: boolean; firstReads?: Screen['firstReads'] } = {},
): Screen {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  return {
    path,
    session: options.session ?? true,
    firstReads: options.firstReads,
    // A failed download is tried again on the next use.
    preload: () =>
      (loading ??= load().then(
        (module) => (loaded = module[name] as ComponentType),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
    loaded: () => loaded,
  };
}

/** Every screen; Vite makes a chunk of each, named after its route folder (vite.config.ts). */
export const SCREENS = {
  login: lazyScreen('connexion', () => import('./routes/login/page'), 'LoginPage', { session: false }),
  // The page an invited person opens from their link: no account, no session.
  booking: lazyScreen('rendez-vous/:token', () => import('./routes/booking/page'), 'BookingPage', {
    session: false,
  }),
  portfolio: lazyScreen('portefeuille', () => import('./routes/portfolio/page'), 'PortfolioPage', {
    firstReads: () => portfolioFirstReads(),
  }),
  password: lazyScreen('mot-de-passe', () => import('./routes/password/page'), 'PasswordPage'),
  totp: lazyScreen('double-authentification', () => import('./routes/totp/page'), 'TotpPage'),
  agenda: lazyScreen('agenda', () => import('./routes/agenda/page'), 'AgendaPage'),
  team: lazyScreen('equipe', () => import('./routes/team/page'), 'TeamPage'),
  entrants: lazyScreen('nouveaux-entrants', () => import('./routes/entrants/page'), 'EntrantsPage'),
  registerPerson: lazyScreen('personnes/nouvelle', () => import('./routes/register-person/page'), 'RegisterPersonPage'),
  person: lazyScreen('personnes/:id', () => import('./routes/person/page'), 'PersonPage'),
  matches: lazyScreen('personnes/:id/offres', () => import('./routes/matches/page'), 'MatchesPage', {
    firstReads: (params, search) => matchesFirstReads(params.id, search),
  }),
  shares: lazyScreen('partages', () => import('./routes/shares/page'), 'SharesPage'),
  sharedFile: lazyScreen('partages/:id', () => import('./routes/person/shared-file-page'), 'SharedFilePage'),
  offers: lazyScreen('offres', () => import('./routes/offers/page'), 'OffersPage'),
  offer: lazyScreen('offres/:id', () => import('./routes/offer/page'), 'OfferPage'),
  mediation: lazyScreen('mediation', () => import('./routes/mediation/page'), 'MediationPage'),
  needs: lazyScreen('besoins', () => import('./routes/needs/page'), 'NeedsPage'),
  introduction: lazyScreen('mises-en-relation/:id', () => import('./routes/introduction/page'), 'IntroductionPage'),
  shortlist: lazyScreen('selections/:id', () => import('./routes/shortlist/page'), 'ShortlistPage'),
  followUps: lazyScreen('suivis', () => import('./routes/follow-ups/page'), 'FollowUpsPage'),
  indicators: lazyScreen('indicateurs', () => import('./routes/indicators/page'), 'IndicatorsPage'),
  admin: lazyScreen('admin', () => import('./routes/admin/page'), 'AdminPage'),
  notifications: lazyScreen('notifications', () => import('./routes/notifications/page'), 'NotificationsPage'),
} satisfies Record<string, Screen>;

/** Where `/` sends each role (main.tsx's Home): the screens a signed-in reload of `/` may open. */
export const HOME_SCREENS: readonly Screen[] = [
  SCREENS.portfolio,
  SCREENS.mediation,
  SCREENS.indicators,
  SCREENS.admin,
];

/**
 * The screen a path under /app/ opens and its parameters, as the router would pick it (a fixed segment wins
 * over a parameter: `personnes/nouvelle` over `personnes/:id`); null for `/` and unknown paths.
 */
export function matchScreen(path: string): { screen: Screen; params: Record<string, string> } | null {
  const segments = path.split('/').filter((segment) => segment !== '');
  let best: { screen: Screen; params: Record<string, string>; fixed: number } | null = null;
  const screens: Screen[] = Object.values(SCREENS);
  for (const screen of screens) {
    const parts = screen.path.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let fixed = 0;
    const matches = parts.every((part, index) => {
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(segments[index]);
          return true;
        } catch {
          return false; // a malformed escape: the router would not open this screen either
        }
      }
      fixed += 1;
      return part.toLowerCase() === segments[index].toLowerCase();
    });
    if (matches && (!best || fixed > best.fixed)) best = { screen, params, fixed };
  }
  return best && { screen: best.screen, params: best.params };
}
