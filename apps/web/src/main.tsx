import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AuthProvider, hasRole, useAuth } from './auth/auth';
import { Layout } from './ui/layout';
import { LoginPage } from './pages/login-page';
import { PortfolioPage } from './pages/portfolio-page';
import { PersonPage } from './pages/person-page';
import { MatchesPage } from './pages/matches-page';
import { OffersPage, OfferPage } from './pages/offers-page';
import { MediationPage, IntroductionPage } from './pages/mediation-page';
import { FollowUpsPage } from './pages/follow-ups-page';
import { IndicatorsPage } from './pages/indicators-page';
import { AdminPage } from './pages/admin-page';
import './styles.css';

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
        { path: 'personnes/:id', element: <PersonPage /> },
        { path: 'personnes/:id/offres', element: <MatchesPage /> },
        { path: 'offres', element: <OffersPage /> },
        { path: 'offres/:id', element: <OfferPage /> },
        { path: 'mediation', element: <MediationPage /> },
        { path: 'mises-en-relation/:id', element: <IntroductionPage /> },
        { path: 'suivis', element: <FollowUpsPage /> },
        { path: 'indicateurs', element: <IndicatorsPage /> },
        { path: 'admin', element: <AdminPage /> },
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
