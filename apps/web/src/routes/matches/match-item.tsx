import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import { CONTRACT_LABELS } from '../../ui/labels';
import { Alert, Badge, Button } from '../../ui/ui';
import { EmployerChoice } from './employer-choice';
import type { Match } from './use-matches-data';

/**
 * Where the job is, from the person's side: `Seclin (59113) (à 9,6 km)`; an offer placed only by its
 * area already names it in the explanation (`dans le département : Nord (59)`), said once.
 */
function whereShort(match: Match): string {
  const { place, distanceKm } = match.explanation;
  if (distanceKm !== null && distanceKm !== undefined) return `${match.placeLabel} (${place})`;
  return place.charAt(0).toUpperCase() + place.slice(1);
}

/** One matched offer: its score, place and contract, why it matches; propose it or open an introduction. */
export function MatchItem({
  match,
  canWrite,
  choosing,
  problem,
  onPropose,
  onIntroduce,
  onChoose,
}: {
  match: Match;
  canWrite: boolean;
  /** The offer's card asks which employer. */
  choosing: boolean;
  problem: string | undefined;
  onPropose: () => void;
  onIntroduce: (choice?: Record<string, unknown>) => Promise<ApiError | null>;
  onChoose: (open: boolean) => void;
}) {
  return (
    <li className="card match">
      <h2 style={{ marginTop: 0 }}>
        <Link to={`/offres/${match.id}`}>{match.title}</Link>
      </h2>
      <p>
        <span className="score">{match.score}</span>
        <span className="muted"> / 100</span> · {match.employerName ?? 'Employeur non précisé'} ·{' '}
        <span className="place">{whereShort(match)}</span> ·{' '}
        <span className="contract">{CONTRACT_LABELS[match.contractType] ?? match.contractType}</span>
        {match.proposed && (
          <>
            {' '}
            <Badge tone="success">déjà proposée</Badge>
          </>
        )}
      </p>
      <details>
        <summary>Pourquoi cette offre</summary>
        <dl className="facts">
          <dt>Compétences en commun</dt>
          <dd>{match.explanation.matchingSkills.join(', ') || 'aucune listée'}</dd>
          <dt>Compétences clés manquantes</dt>
          <dd>{match.explanation.missingCoreSkills.join(', ') || 'aucune'}</dd>
          <dt>Parcours métier</dt>
          <dd>{match.explanation.occupationPath ?? 'métier nouveau pour la personne'}</dd>
          <dt>Lieu</dt>
          <dd>{whereShort(match)}</dd>
          <dt>Contrat</dt>
          <dd>{match.explanation.contractFit}</dd>
          <dt>Temps de travail</dt>
          <dd>{match.explanation.workingTimeFit}</dd>
          <dt>Horaires</dt>
          <dd>{match.explanation.scheduleFit}</dd>
        </dl>
      </details>
      {problem && <Alert>{problem}</Alert>}
      {canWrite && !choosing && (
        <div className="actions">
          {!match.proposed && (
            <Button onPress={onPropose} aria-label={`Proposer l’offre ${match.title}`}>
              Proposer
            </Button>
          )}
          <Button
            variant="secondary"
            onPress={() => (match.employerName ? void onIntroduce() : onChoose(true))}
            aria-label={`Mettre en relation pour ${match.title}`}
          >
            Mettre en relation
          </Button>
        </div>
      )}
      {canWrite && choosing && (
        <EmployerChoice match={match} onChosen={(choice) => onIntroduce(choice)} onCancel={() => onChoose(false)} />
      )}
    </li>
  );
}
