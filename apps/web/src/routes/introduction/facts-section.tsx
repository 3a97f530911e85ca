import { Link } from 'react-router';
import type { IntroductionResponse } from '../../api/types';
import { hasRole, useAuth } from '../../auth/auth';
import { DECLINE_REASONS } from '../../ui/labels';
import { formatDate, formatDateTime } from '../../ui/ui';

/** The introduction in brief: the person, the employer, the offer, and the interview, trial or refusal. */
export function FactsSection({ view }: { view: IntroductionResponse }) {
  const { user } = useAuth();
  return (
    <section className="card" aria-labelledby="intro-facts">
      <h2 id="intro-facts" style={{ marginTop: 0 }}>
        En bref
      </h2>
      <dl className="facts">
        <dt>Personne</dt>
        <dd>
          {/* The file is the coach's and the manager's; a mediator knows the person by the card. */}
          {hasRole(user, 'coach', 'manager') ? (
            <Link to={`/personnes/${view.beneficiaryId}`}>{view.card?.firstName ?? 'Voir le dossier'}</Link>
          ) : (
            (view.card?.firstName ?? 'Connue une fois la fiche créée')
          )}
        </dd>
        <dt>Employeur</dt>
        <dd>{view.employerName}</dd>
        <dt>Offre</dt>
        <dd>
          {view.offerId ? (
            <Link to={`/offres/${view.offerId}`}>{view.offerTitle ?? 'Voir l’offre'}</Link>
          ) : (
            'Candidature spontanée (sans offre)'
          )}
        </dd>
        {view.interviewAt && (
          <>
            <dt>Entretien</dt>
            <dd>
              {formatDateTime(view.interviewAt)}
              {view.interviewPlace && `, ${view.interviewPlace}`}
            </dd>
          </>
        )}
        {view.trialStart && (
          <>
            <dt>Immersion</dt>
            <dd>
              du {formatDate(view.trialStart)} au {formatDate(view.trialEnd)}
            </dd>
          </>
        )}
        {view.declineReason && (
          <>
            <dt>Motif du refus</dt>
            <dd>{DECLINE_REASONS.find((reason) => reason.id === view.declineReason)?.label ?? view.declineReason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
