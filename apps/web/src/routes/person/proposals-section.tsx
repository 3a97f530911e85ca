import { Link } from 'react-router';
import type { BeneficiaryFileResponse } from '../../api/types';
import { formatDate } from '../../ui/ui';

/** The offers proposed to the person, with their score then. */
export function ProposalsSection({ proposals }: { proposals: BeneficiaryFileResponse['proposals'] }) {
  return (
    <section className="card" aria-labelledby="proposals">
      <h2 id="proposals">Offres proposées</h2>
      {proposals.length === 0 ? (
        <p>Aucune offre proposée pour l’instant.</p>
      ) : (
        <ul>
          {proposals.map((proposal) => (
            <li key={proposal.offerId}>
              <Link to={`/offres/${proposal.offerId}`}>{proposal.title}</Link> —{' '}
              {proposal.employerName ?? 'employeur non précisé'}, {proposal.communeName} (proposée le{' '}
              {formatDate(proposal.proposedAt)}
              {proposal.score !== null ? `, score ${proposal.score}` : ''})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
