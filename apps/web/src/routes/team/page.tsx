import { Link } from 'react-router';
import { hasRole, useAuth } from '../../auth/auth';
import { Alert, PageTitle } from '../../ui/ui';
import { CoachLoadsSection } from './coach-loads-section';
import { PeopleSection } from './people-section';
import { RhythmSection } from './rhythm-section';
import { useTeamData } from './use-team-data';

/**
 * Managers: each coach's load against the cap, the overrides in force, the contact rhythm and who is
 * behind it, and every person with their coach.
 */
export function TeamPage() {
  const { user } = useAuth();
  if (!hasRole(user, 'manager'))
    return (
      <>
        <PageTitle title="Équipe">Équipe</PageTitle>
        <Alert kind="info">Cette page est réservée aux responsables.</Alert>
      </>
    );
  return <Team />;
}

function Team() {
  const { coachLoads, people, rhythms } = useTeamData();
  return (
    <>
      <PageTitle title="Équipe">Équipe et portefeuilles</PageTitle>
      <div className="actions">
        <Link className="button button-primary" to="/personnes/nouvelle">
          Inscrire une personne
        </Link>
        <Link className="button button-secondary" to="/nouveaux-entrants">
          Importer les nouveaux entrants
        </Link>
      </div>

      <CoachLoadsSection loads={coachLoads.loads} error={coachLoads.error} />

      <RhythmSection rhythms={rhythms} />

      <PeopleSection people={people.data} peopleError={people.error} loads={coachLoads.loads} />
    </>
  );
}
