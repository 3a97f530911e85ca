import { Link } from 'react-router';
import { hasRole, useAuth } from '../../auth/auth';
import { Alert, PageTitle } from '../../ui/ui';
import { RegisterPersonForm } from './register-person-form';
import { useRegisterPersonData } from './use-register-person-data';

/**
 * Registers a person oriented to the service: a manager in one of their structures, with a referent coach now or
 * later (refused at the cap unless overridden with a reason); a coach into their own portfolio.
 */
export function RegisterPersonPage() {
  const { user } = useAuth();
  const manager = hasRole(user, 'manager');
  const data = useRegisterPersonData(manager);

  if (!hasRole(user, 'manager', 'coach'))
    return (
      <>
        <PageTitle title="Inscrire une personne">Inscrire une personne</PageTitle>
        <Alert kind="info">Cette page est réservée aux responsables et aux conseillers.</Alert>
      </>
    );

  return (
    <>
      <p>
        <Link to={manager ? '/equipe' : '/portefeuille'}>← {manager ? 'Équipe' : 'Portefeuille'}</Link>
      </p>
      <PageTitle title="Inscrire une personne">Inscrire une personne</PageTitle>
      <p className="muted">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <RegisterPersonForm manager={manager} data={data} />
    </>
  );
}
