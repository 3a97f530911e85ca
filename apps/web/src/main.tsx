import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { AuthProvider, hasRole, useAuth } from './auth/auth';
import { session } from './auth/session-store';
import { Layout } from './ui/layout';
import { LoginPage } from './routes/login/page';
import { PortfolioPage } from './routes/portfolio/page';
import { Loading } from './ui/ui';
import { ScreenError } from './ui/screen-error';
import './styles.css';

/** Screens beyond the login and the portfolio load on first use: the first page stays light. */
const preloads: Array<() => Promise<unknown>> = [];
let preloading: Promise<unknown> | null = null;

/**
 * Every screen's code, fetched while the session is being restored (once): a screen whose code is
 * there renders at once, without the Suspense fallback and the 300 ms React waits before revealing
 * what replaces a fallback.
 */
function preloadScreens(): void {
  preloading ??= Promise.allSettled(preloads.map((preload) => preload()));
}

function screen<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  let loaded: ComponentType | null = null;
  const preload = async (): Promise<ComponentType> => (loaded ??= (await load())[name] as ComponentType);
  preloads.push(preload);
  const Component = lazy(async () => ({ default: await preload() }));
  function Screen() {
    if (loaded) {
      const Loaded = loaded;
      return <Loaded />;
    }
    return (
      <Suspense fallback={<Loading what="de l’écran" />}>
        <Component />
      </Suspense>
    );
  }
  return <Screen />;
}

/** Signed-in pages; anyone else goes to the login page (which says when a session expired). */
function RequireSession() {
  const { state, user } = useAuth();
  if (state === 'authenticated') preloadScreens();
  const { pathname } = useLocation();
  if (state !== 'authenticated') return <Navigate to="/connexion" replace />;
  // A temporary password opens nothing else until the person has chosen their own.
  if (user?.mustChangePassword && pathname !== '/mot-de-passe') return <Navigate to="/mot-de-passe" replace />;
  // A role that requires a second factor opens nothing else until the account has one.
  if (!user?.mustChangePassword && user?.totpEnrolmentRequired && pathname !== '/double-authentification')
    return <Navigate to="/double-authentification" replace />;
  return <Layout />;
}

/** The first page depends on what the user does. */
function Home() {
  const { user } = useAuth();
  if (hasRole(user, 'coach')) return <Navigate to="/portefeuille" replace />;
  if (hasRole(user, 'platform_staff')) return <Navigate to="/mediation" replace />;
  if (hasRole(user, 'manager')) return <Navigate to="/indicateurs" replace />;
  return <Navigate to="/admin" replace />;
}

const router = createBrowserRouter(
  [
    { path: '/connexion', element: <LoginPage /> },
    // The page an invited person opens from their link: no account, no session.
    { path: '/rendez-vous/:token', element: screen(() => import('./routes/booking/page'), 'BookingPage') },
    {
      element: <RequireSession />,
      errorElement: <ScreenError />,
      children: [
        { index: true, element: <Home /> },
        { path: 'portefeuille', element: <PortfolioPage /> },
        { path: 'mot-de-passe', element: screen(() => import('./routes/password/page'), 'PasswordPage') },
        { path: 'double-authentification', element: screen(() => import('./routes/totp/page'), 'TotpPage') },
        { path: 'agenda', element: screen(() => import('./routes/agenda/page'), 'AgendaPage') },
        { path: 'equipe', element: screen(() => import('./routes/team/page'), 'TeamPage') },
        { path: 'nouveaux-entrants', element: screen(() => import('./routes/entrants/page'), 'EntrantsPage') },
        {
          path: 'personnes/nouvelle',
          element: screen(() => import('./routes/register-person/page'), 'RegisterPersonPage'),
        },
        { path: 'personnes/:id', element: screen(() => import('./routes/person/page'), 'PersonPage') },
        { path: 'personnes/:id/offres', element: screen(() => import('./routes/matches/page'), 'MatchesPage') },
        { path: 'partages', element: screen(() => import('./routes/shares/page'), 'SharesPage') },
        {
          path: 'partages/:id',
          element: screen(() => import('./routes/person/shared-file-page'), 'SharedFilePage'),
        },
        { path: 'offres', element: screen(() => import('./routes/offers/page'), 'OffersPage') },
        { path: 'offres/:id', element: screen(() => import('./routes/offer/page'), 'OfferPage') },
        { path: 'mediation', element: screen(() => import('./routes/mediation/page'), 'MediationPage') },
        { path: 'besoins', element: screen(() => import('./routes/needs/page'), 'NeedsPage') },
        {
          path: 'mises-en-relation/:id',
          element: screen(() => import('./routes/introduction/page'), 'IntroductionPage'),
        },
        { path: 'selections/:id', element: screen(() => import('./routes/shortlist/page'), 'ShortlistPage') },
        { path: 'suivis', element: screen(() => import('./routes/follow-ups/page'), 'FollowUpsPage') },
        { path: 'indicateurs', element: screen(() => import('./routes/indicators/page'), 'IndicatorsPage') },
        { path: 'admin', element: screen(() => import('./routes/admin/page'), 'AdminPage') },
        {
          path: 'notifications',
          element: screen(() => import('./routes/notifications/page'), 'NotificationsPage'),
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: '/app' },
);

// A reload of a signed-in tab: the screens' code loads while the session is restored.
if (session.state() === 'authenticated') preloadScreens();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
