import { useEffect, useState } from 'react';
import { FieldError, Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { CandidateRequestResponse } from '../../api/types';
import { api, describeError, ok } from '../../api/client';
import type { ApiData } from '../../api/use-api-data';
import { hasRole, useAuth } from '../../auth/auth';
import { Alert, Button, formatDate, Loading } from '../../ui/ui';

/** Requests to propose a person for an offer: the coach decides for their people; the others see theirs waiting. */
export function CandidateRequests({ requests }: { requests: ApiData<CandidateRequestResponse[]> }) {
  const { user } = useAuth();
  const { data: items, error, setData: setItems } = requests;
  const [decided, setDecided] = useState<CandidateRequestResponse | null>(null);

  // Opened from a notification (/mediation#requests-title): the requests come into view once listed.
  const listed = items !== null;
  useEffect(() => {
    if (listed && window.location.hash === '#requests-title')
      document.getElementById('requests-title')?.scrollIntoView();
  }, [listed]);

  const toDecide = (items ?? []).filter((item) => item.requestedBy !== user?.id);
  const mine = (items ?? []).filter((item) => item.requestedBy === user?.id);
  const coach = hasRole(user, 'coach');

  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">Demandes de candidats</h2>
      {error && <Alert>{error}</Alert>}
      {decided && (
        <Alert kind="success">
          {decided.status === 'agreed' ? (
            <>
              Vous proposez {decided.label} pour « {decided.offerTitle} ».
              {decided.introductionId && (
                <>
                  {' '}
                  <Link to={`/mises-en-relation/${decided.introductionId}`}>Voir la mise en relation</Link>.
                </>
              )}
            </>
          ) : (
            <>Refus enregistré pour « {decided.offerTitle} » ; le demandeur est prévenu.</>
          )}
        </Alert>
      )}
      {!items && !error && <Loading what="des demandes" />}
      {items && items.length === 0 && <p>Aucune demande en attente.</p>}
      {toDecide.length > 0 && (
        <>
          <h3>{coach ? 'À décider pour vos accompagné·es' : 'En attente du référent'}</h3>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {toDecide.map((request) => (
              <RequestItem
                key={request.id}
                request={request}
                canDecide={coach}
                onDecided={(view) => {
                  setDecided(view);
                  setItems((previous) => previous?.filter((item) => item.id !== view.id) ?? null);
                }}
              />
            ))}
          </ul>
        </>
      )}
      {mine.length > 0 && (
        <>
          <h3>Vos demandes en attente</h3>
          <ul>
            {mine.map((request) => (
              <li key={request.id}>
                {request.label} pour <Link to={`/offres/${request.offerId}`}>{request.offerTitle}</Link>{' '}
                <span className="muted">(demandé le {formatDate(request.createdAt)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RequestItem({
  request,
  canDecide,
  onDecided,
}: {
  request: CandidateRequestResponse;
  canDecide: boolean;
  onDecided: (view: CandidateRequestResponse) => void;
}) {
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (agree: boolean) => {
    if (!agree && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDecided(
        await ok(
          api.POST('/candidate-requests/{id}/decision', {
            params: { path: { id: request.id } },
            body: agree ? { agree } : { agree, reason: reason.trim() },
          }),
        ),
      );
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card">
      <p style={{ marginTop: 0 }}>
        <strong>
          {request.beneficiaryId ? (
            <Link to={`/personnes/${request.beneficiaryId}`}>{request.label}</Link>
          ) : (
            request.label
          )}
        </strong>{' '}
        pour l’offre <Link to={`/offres/${request.offerId}`}>{request.offerTitle}</Link>
        <br />
        <span className="muted">
          Demandé par {request.requestedByName} le {formatDate(request.createdAt)}
        </span>
      </p>
      {request.message && <p>« {request.message} »</p>}
      {error && <Alert>{error}</Alert>}
      {canDecide && (
        <>
          <TextField
            value={reason}
            onChange={(value) => {
              setReason(value);
              setReasonMissing(false);
            }}
            isInvalid={reasonMissing}
            className="field"
            maxLength={500}
          >
            <Label>Motif en cas de refus</Label>
            <Input />
            <FieldError>Indiquez pourquoi vous ne proposez pas la personne.</FieldError>
          </TextField>
          <div className="actions">
            <Button isDisabled={busy} onPress={() => void decide(true)}>
              Accepter<span className="visually-hidden"> : proposer {request.label}</span>
            </Button>
            <Button variant="danger" isDisabled={busy} onPress={() => void decide(false)}>
              Refuser<span className="visually-hidden"> la demande pour {request.label}</span>
            </Button>
          </div>
        </>
      )}
    </li>
  );
}
