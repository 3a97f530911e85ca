import { type FormEvent, useState } from 'react';
import { Form, Label, TextArea, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { CandidateRequestResponse, CandidateResponse } from '../../api/types';
import { api, describeError, ok } from '../../api/client';
import { InlineFacts } from '../../ui/forms';
import { Alert, Badge, Button, formatDate, Loading } from '../../ui/ui';
import { useCandidates } from './use-offer-data';

const REQUEST_STATUS: Record<string, { label: string; tone: 'neutral' | 'warning' | 'danger' | 'success' }> = {
  pending: { label: 'Demande en attente du référent', tone: 'warning' },
  agreed: { label: 'Le référent a accepté', tone: 'success' },
  declined: { label: 'Le référent a refusé', tone: 'danger' },
};

/** Reverse matching: people ranked for the offer, pseudonymised until their coach agrees. */
export function CandidatesSection({ offerId }: { offerId: string }) {
  const { data: result, error, setData: setResult } = useCandidates(offerId);

  const updated = (ref: string, request: CandidateRequestResponse) =>
    setResult((previous) =>
      previous
        ? {
            ...previous,
            items: previous.items.map((item) =>
              item.ref === ref
                ? { ...item, request: { id: request.id, status: request.status, at: request.createdAt } }
                : item,
            ),
          }
        : previous,
    );

  return (
    <section aria-labelledby="offer-candidates">
      <h2 id="offer-candidates">Candidats pour cette offre</h2>
      <p className="muted">
        Les personnes suivies par vos structures, classées par le moteur de rapprochement. Elles restent anonymes tant
        que leur conseiller·ère référent·e n’a pas accepté de les proposer.
      </p>
      {error && <Alert>{error}</Alert>}
      {!result && !error && <Loading what="des candidats" />}
      {result && result.items.length === 0 && <p>Aucune personne suivie ne correspond à cette offre.</p>}
      {result && result.items.length > 0 && (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {result.items.map((candidate, index) => (
            <CandidateItem
              key={candidate.ref}
              offerId={offerId}
              rank={index + 1}
              candidate={candidate}
              onRequested={(request) => updated(candidate.ref, request)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function CandidateItem({
  offerId,
  rank,
  candidate,
  onRequested,
}: {
  offerId: string;
  rank: number;
  candidate: CandidateResponse;
  onRequested: (request: CandidateRequestResponse) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const explanation = candidate.explanation;
  const request = candidate.request ? REQUEST_STATUS[candidate.request.status] : null;
  const headingId = `candidate-${candidate.ref}`;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await ok(
        api.POST('/offers/{id}/candidates/{ref}/requests', {
          params: { path: { id: offerId, ref: candidate.ref } },
          body: message.trim() ? { message: message.trim() } : {},
        }),
      );
      setAsking(false);
      onRequested(created);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card match">
      <h3 id={headingId} style={{ marginTop: 0 }}>
        <span className="muted">{rank}.</span>{' '}
        {candidate.revealed && candidate.beneficiaryId ? (
          <Link to={`/personnes/${candidate.beneficiaryId}`}>{candidate.label}</Link>
        ) : (
          candidate.label
        )}{' '}
        <span className="score">{candidate.score}</span>
        <span className="muted"> / 100</span>
      </h3>
      <p>
        <span style={{ display: 'inline-block', width: '12rem', maxWidth: '100%' }} aria-hidden="true">
          <span className="bar" style={{ width: `${Math.max(2, Math.min(100, candidate.score))}%` }} />
        </span>
      </p>
      <InlineFacts
        items={[
          [
            'Compétences en commun',
            explanation.matchingSkills.length > 0 ? explanation.matchingSkills.join(', ') : 'Aucune',
          ],
          [
            'Compétences clés manquantes',
            explanation.missingCoreSkills.length > 0 ? explanation.missingCoreSkills.join(', ') : 'Aucune',
          ],
          ['Parcours', explanation.occupationPath ?? 'Pas de lien direct avec le métier'],
          [
            'Distance',
            explanation.distanceKm !== null ? `${Math.round(explanation.distanceKm)} km` : explanation.distanceBand,
          ],
          [
            'Disponibilité',
            candidate.availabilityDate ? `À partir du ${formatDate(candidate.availabilityDate)}` : 'Non précisée',
          ],
          [
            'Offres déjà proposées',
            `${candidate.offersProposed}${
              candidate.openIntroductions > 0
                ? ` ; ${candidate.openIntroductions} mise${candidate.openIntroductions > 1 ? 's' : ''} en relation en cours`
                : ''
            }`,
          ],
          [
            'Référent·e',
            candidate.referentName ??
              (candidate.hasReferent
                ? 'Un·e conseiller·ère de la structure, nommé·e après son accord'
                : 'Aucun·e pour l’instant'),
          ],
        ]}
      />
      <p>
        {candidate.ownPortfolio && <Badge tone="success">Dans votre portefeuille</Badge>}
        {candidate.proposed && <Badge tone="success">Offre déjà proposée à la personne</Badge>}
        {request && candidate.request && (
          <Badge tone={request.tone}>
            {request.label} (demande du {formatDate(candidate.request.at)})
          </Badge>
        )}
      </p>
      {error && <Alert>{error}</Alert>}
      {!candidate.revealed && !candidate.request && (
        <>
          {!asking && (
            <Button variant="secondary" onPress={() => setAsking(true)}>
              Demander au référent
            </Button>
          )}
          {asking && (
            <Form onSubmit={(event) => void send(event)} aria-label={`Demande pour ${candidate.label}`}>
              <TextField value={message} onChange={setMessage} className="field" maxLength={1000}>
                <Label>Message au référent (facultatif)</Label>
                <TextArea rows={2} />
              </TextField>
              <div className="actions">
                <Button type="submit" isDisabled={busy}>
                  {busy ? 'Envoi…' : 'Envoyer la demande'}
                </Button>
                <Button variant="secondary" onPress={() => setAsking(false)}>
                  Annuler
                </Button>
              </div>
            </Form>
          )}
        </>
      )}
    </li>
  );
}
