import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasRole, useAuth } from '../../auth/auth';
import { INTRODUCTION_STATUS_LABELS, INTRODUCTION_STATUS_TONES } from '../../ui/labels';
import { Alert, Badge, Loading, PageTitle } from '../../ui/ui';
import { CardSection } from './card-section';
import { FactsSection } from './facts-section';
import { eventText, HistorySection } from './history-section';
import { LinksSection } from './links-section';
import { PlacementSection } from './placement-section';
import { PmsmpSection } from './pmsmp-section';
import { TransitionPanel } from './transition-panel';
import { useIntroductionData } from './use-introduction-data';

/** One introduction: where it stands, its history, the next steps, the card and its link, the hire. */
export function IntroductionPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { data: view, error, setData: setView, refresh } = useIntroductionData(id);
  const [moved, setMoved] = useState<string | null>(null);
  useEffect(() => setMoved(null), [id]);

  if (error || !view)
    return (
      <>
        <PageTitle title="Mise en relation">Mise en relation</PageTitle>
        {error ? <Alert>{error}</Alert> : <Loading what="de la mise en relation" />}
        <p>
          <Link to="/mediation">Retour à la médiation</Link>
        </p>
      </>
    );

  const mayAct = hasRole(user, 'coach', 'platform_staff');
  const person = view.card?.firstName ?? 'Personne';
  const lastAnswer = [...view.events].reverse().find((event) => event.kind === 'answered');
  const proposedInterview = lastAnswer ? eventText(lastAnswer.details.proposedInterview) : null;
  // The shortlist the card was last sent on, where the employer's answers and questions are read and replied to.
  const shortlistId = [...view.events]
    .reverse()
    .map((event) => event.details.shortlistId)
    .find((value): value is string => typeof value === 'string');

  return (
    <>
      <p>
        <Link to="/mediation">← Retour à la médiation</Link>
      </p>
      <PageTitle title={`Mise en relation — ${person}`}>
        Mise en relation : {person} chez {view.employerName}
      </PageTitle>
      <p>
        <Badge tone={INTRODUCTION_STATUS_TONES[view.status] ?? 'neutral'}>
          Étape : {INTRODUCTION_STATUS_LABELS[view.status]}
        </Badge>
      </p>
      {moved && <Alert kind="success">{moved}</Alert>}
      {mayAct && shortlistId && (
        <p>
          <Link to={`/selections/${shortlistId}`}>Voir la sélection envoyée à l’employeur et y répondre</Link>
        </p>
      )}
      <div className="grid">
        <FactsSection view={view} />
        {mayAct && view.next.length > 0 && (
          <TransitionPanel
            view={view}
            proposedInterview={proposedInterview}
            onMoved={(next) => {
              setView(next);
              setMoved(`Étape enregistrée : ${INTRODUCTION_STATUS_LABELS[next.status]}.`);
            }}
          />
        )}
      </div>

      <HistorySection events={view.events} userId={user?.id ?? null} />

      <CardSection
        key={view.card ? 'card' : 'no-card'}
        view={view}
        mayEdit={hasRole(user, 'coach')}
        onSaved={(card) => {
          setView((previous) => (previous ? { ...previous, card } : previous));
          // An edit changes what the person validated: read the validation state again.
          refresh();
        }}
      />

      {mayAct && view.next.length > 0 && (
        <LinksSection
          view={view}
          // Sending moves an accepted introduction to card_sent and logs events: read it again.
          onSent={refresh}
        />
      )}

      {mayAct && ['interview', 'trial', 'hired'].includes(view.status) && <PmsmpSection view={view} />}

      {mayAct && view.status === 'hired' && <PlacementSection view={view} />}
    </>
  );
}
