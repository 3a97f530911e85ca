import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AuthProvider, hasRole, useAuth } from './auth/auth';
import { Layout } from './ui/layout';
import { LoginPage } from './pages/login-page';
import { PortfolioPage } from './pages/portfolio-page';
import { Loading } from './ui/ui';
import './styles.css';

/** Screens beyond the login and the portfolio load on first use: the first page stays light. */
function screen<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  const Component = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<Loading what="de l’écran" />}>
      <Component />
    </Suspense>
  );
}

/** Signed-in pages; anyone else goes to the login page (which says when a session expired). */
function RequireSession() {
  const { state } = useAuth();
  if (state !== 'authenticated') return <Navigate to="/connexion" replace />;
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
    {
      element: <RequireSession />,
      children: [
        { index: true, element: <Home /> },
        { path: 'portefeuille', element: <PortfolioPage /> },
        { path: 'personnes/:id', element: screen(() => import('./pages/person-page'), 'PersonPage') },
        { path: 'personnes/:id/offres', element: screen(() => import('./pages/matches-page'), 'MatchesPage') },
        { path: 'offres', element: screen(() => import('./pages/offers-page'), 'OffersPage') },
        { path: 'offres/:id', element: screen(() => import('./pages/offers-page'), 'OfferPage') },
        { path: 'mediation', element: screen(() => import('./pages/mediation-page'), 'MediationPage') },
        { path: 'mises-en-relation/:id', element: screen(() => import('./pages/mediation-page'), 'IntroductionPage') },
        { path: 'suivis', element: screen(() => import('./pages/follow-ups-page'), 'FollowUpsPage') },
        { path: 'indicateurs', element: screen(() => import('./pages/indicators-page'), 'IndicatorsPage') },
        { path: 'admin', element: screen(() => import('./pages/admin-page'), 'AdminPage') },
        {
          path: 'notifications',
          element: screen(() => import('./pages/notifications-page'), 'NotificationsPage'),
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: '/app' },
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
