import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { earlyReadsSettled } from './api/prefetch';
import { AuthProvider, hasRole, useAuth } from './auth/auth';
import { BASE, type Screen, SCREENS } from './screens';
import { Layout } from './ui/layout';
import { Loading } from './ui/ui';
import { ScreenError } from './ui/screen-error';

/**
 * The application, started by boot.ts once the code of the first screen is there too. Every screen loads as a
 * chunk of its own (screens.ts); the others are fetched once the first has its data and the page is idle.
 */
let preloading = false;

/**
 * Every screen's code, fetched once (signed in, or on the login page while the user types), after the boot's
 * early reads are answered and when the page is idle: a screen opened later renders at once, without the
 * Suspense fallback, and these downloads do not compete with the first screen's data.
 */
function usePreloadScreens(active: boolean): void {
  useEffect(() => {
    if (!active || preloading) return;
    preloading = true;
    const preloadAll = () => void Promise.allSettled(Object.values(SCREENS).map((screen: Screen) => screen.preload()));
    void earlyReadsSettled().then(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(preloadAll, { timeout: 1000 });
      else setTimeout(preloadAll, 50);
    });
  }, [active]);
}

/** A screen's route element: the screen at once when its code is there, else a light fallback while it loads. */
function screen(entry: Screen) {
  const Component = lazy(async () => ({ default: await entry.preload() }));
  function LazyScreen() {
    const Loaded = entry.loaded();
    if (Loaded) return <Loaded />;
    return (
      <Suspense fallback={<Loading what="de l’écran" />}>
        <Component />
      </Suspense>
    );
  }
  return <LazyScreen />;
}

const LoginScreen = screen(SCREENS.login);

/** The login page; the signed-in screens load while the user types. */
function Login() {
  usePreloadScreens(true);
  return LoginScreen;
}

/** Signed-in pages; anyone else goes to the login page (which says when a session expired). */
function RequireSession() {
  const { state, user } = useAuth();
  usePreloadScreens(state === 'authenticated');
  const { pathname } = useLocation();
  if (state !== 'authenticated') return <Navigate to="/connexion" replace />;
  // A temporary password opens nothing else until the person has chosen their own.
  if (user?.mustChangePassword && pathname !== '/mot-de-passe') return <Navigate to="/mot-de-passe" replace />;
  // A role that requires a second factor opens nothing else until the account has one.
  if (!user?.mustChangePassword && user?.totpEnrolmentRequired && pathname !== '/double-authentification')
    return <Navigate to="/double-authentification" replace />;
  return <Layout />;
}

/** The first page depends on what the user does (screens.ts's HOME_SCREENS). */
function Home() {
  const { user } = useAuth();
  if (hasRole(user, 'coach')) return <Navigate to="/portefeuille" replace />;
  if (hasRole(user, 'platform_staff')) return <Navigate to="/mediation" replace />;
  if (hasRole(user, 'manager')) return <Navigate to="/indicateurs" replace />;
  return <Navigate to="/admin" replace />;
}

const { login, booking, ...signedIn } = SCREENS;

/** Renders the application (boot.ts calls it once the first screen's code is loaded). */
export function start(): void {
  const router = createBrowserRouter(
    [
      { path: `/${login.path}`, element: <Login /> },
      { path: `/${booking.path}`, element: screen(booking) },
      {
        element: <RequireSession />,
        errorElement: <ScreenError />,
        children: [
          { index: true, element: <Home /> },
          ...Object.values(signedIn).map((entry: Screen) => ({ path: entry.path, element: screen(entry) })),
          { path: '*', element: <Navigate to="/" replace /> },
        ],
      },
    ],
    { basename: BASE },
  );
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </StrictMode>,
  );
}
