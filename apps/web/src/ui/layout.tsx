import { NavLink, Outlet, useNavigate } from 'react-router';
import { hasRole, useAuth } from '../auth/auth';
import { session } from '../auth/session-store';
import { NotificationsLink } from './notifications-badge';
import { ROLE_LABELS } from './labels';
import { Button } from './ui';

/** The frame of every signed-in page: skip link, header with the user, navigation by role, main. */
export function Layout() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const links: Array<{ to: string; label: string; show: boolean }> = [
    { to: '/portefeuille', label: 'Portefeuille', show: hasRole(user, 'coach', 'manager') },
    { to: '/agenda', label: 'Agenda', show: hasRole(user, 'coach') },
    { to: '/partages', label: 'Partagés avec moi', show: hasRole(user, 'coach') },
    { to: '/equipe', label: 'Équipe', show: hasRole(user, 'manager') },
    { to: '/offres', label: 'Offres', show: hasRole(user, 'coach', 'platform_staff', 'manager') },
    { to: '/mediation', label: 'Médiation', show: hasRole(user, 'coach', 'platform_staff') },
    { to: '/besoins', label: 'Besoins reçus', show: hasRole(user, 'coach', 'platform_staff') },
    { to: '/suivis', label: 'Suivis', show: hasRole(user, 'coach', 'platform_staff', 'manager') },
    { to: '/indicateurs', label: 'Indicateurs', show: hasRole(user, 'manager', 'admin') },
    { to: '/admin', label: 'Administration', show: hasRole(user, 'admin') },
  ];
  // A temporary password or a second factor to enrol: nothing else opens until it is done.
  const restricted = !!user?.mustChangePassword || !!user?.totpEnrolmentRequired;
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="app-header">
        <div className="brand">
          <span aria-hidden="true">⟶</span> Passerelle
        </div>
        <nav aria-label="Navigation principale">
          <ul>
            {links
              .filter((link) => link.show && !restricted)
              .map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to}>{link.label}</NavLink>
                </li>
              ))}
            {!restricted && (
              <li>
                <NotificationsLink />
              </li>
            )}
          </ul>
        </nav>
        <div className="user">
          <span>
            {user?.displayName}
            <span className="user-role"> · {user?.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}</span>
          </span>
          <NavLink to="/mot-de-passe">Mot de passe</NavLink>
          {!user?.totpEnabled && !restricted && (
            <NavLink to="/double-authentification">Double authentification</NavLink>
          )}
          <Button
            variant="secondary"
            onPress={() => {
              session.end();
              void navigate('/connexion');
            }}
          >
            Se déconnecter
          </Button>
        </div>
      </header>
      <main id="contenu" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
