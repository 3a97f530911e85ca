import { hasRole, useAuth } from '../../auth/auth';
import { Alert, PageTitle } from '../../ui/ui';
import type { User } from './admin-labels';
import { SettingsSection } from './settings-section';
import { StructuresSection } from './structures-section';
import { useAdminData } from './use-admin-data';
import { UsersSection } from './users-section';

/** Accounts, structures and the platform settings, for administrators. */
export function AdminPage() {
  const { user } = useAuth();
  if (!hasRole(user, 'admin'))
    return (
      <>
        <PageTitle title="Administration">Administration</PageTitle>
        <Alert kind="info">Cette page est réservée aux administrateurs.</Alert>
      </>
    );
  return <Administration me={user!} />;
}

function Administration({ me }: { me: User }) {
  const { data: structures, error: structuresError, reload: loadStructures } = useAdminData();

  return (
    <>
      <PageTitle title="Administration">Administration</PageTitle>
      <nav aria-label="Sections de la page">
        <ul className="tags">
          <li>
            <a href="#comptes">Comptes</a>
          </li>
          <li>
            <a href="#structures">Structures</a>
          </li>
          <li>
            <a href="#reglages">Réglages</a>
          </li>
        </ul>
      </nav>
      {structuresError && <Alert>Structures indisponibles : {structuresError}</Alert>}
      <UsersSection me={me} structures={structures ?? []} />
      <StructuresSection structures={structures} failed={structuresError !== null} onCreated={loadStructures} />
      <SettingsSection />
    </>
  );
}
