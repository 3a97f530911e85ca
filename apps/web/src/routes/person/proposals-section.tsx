import { Link } from 'react-router';
import type { BeneficiaryFileResponse } from '../../api/types';
import { Badge, formatDate } from '../../ui/ui';

type Proposal = BeneficiaryFileResponse['proposals'][number];

/** What the person answered in their space: interested, or not for them and why. */
function Answer({ proposal }: { proposal: Proposal }) {
  if (!proposal.answer) return <Badge>pas encore de réponse</Badge>;
  const when = proposal.answeredAt ? ` le ${formatDate(proposal.answeredAt)}` : '';
  if (proposal.answer === 'interested') return <Badge tone="success">Intéressé(e){when}</Badge>;
  return (
    <>
      <Badge tone="warning">Pas pour moi{when}</Badge>
      {proposal.answerReason && <q className="proposal-reason"> {proposal.answerReason}</q>}
    </>
  );
}

/** The offers proposed to the person, with their score then and the person's answer from their space. */
export function ProposalsSection({ proposals }: { proposals: BeneficiaryFileResponse['proposals'] }) {
  return (
    <section className="card" aria-labelledby="proposals">
      <h2 id="proposals">Offres proposées</h2>
      {proposals.length === 0 ? (
        <p>Aucune offre proposée pour l’instant.</p>
      ) : (
        <ul aria-label="Offres proposées et réponses de la personne">
          {proposals.map((proposal) => (
            <li key={proposal.offerId}>
              <Link to={`/offres/${proposal.offerId}`}>{proposal.title}</Link> —{' '}
              {proposal.employerName ?? 'employeur non précisé'}, {proposal.communeName} (proposée le{' '}
              {formatDate(proposal.proposedAt)}
              {proposal.score !== null ? `, score ${proposal.score}` : ''}) : <Answer proposal={proposal} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
