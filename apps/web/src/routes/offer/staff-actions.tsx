import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { OfferResponse } from '../../api/types';
import { api, describeError, ok } from '../../api/client';
import {
  formMessage,
  OFFER_FIELDS,
  OfferFields,
  readOfferForm,
  staffFieldErrors,
} from '../../features/offers/offer-form';
import { Alert, Badge, Button, formatDate } from '../../ui/ui';

/** Whether staff edit the offer here: one posted by hand or captured by mediation (others change at their source). */
function editable(offer: OfferResponse): boolean {
  return offer.source === 'manual' || offer.source === 'mediation';
}

/**
 * For platform staff on an offer: edit it (a posted one), close it or mark it filled. Closed or
 * filled, it leaves matched search and keyword search.
 */
export function OfferStaffActions({
  offer,
  onChanged,
}: {
  offer: OfferResponse;
  onChanged: (offer: OfferResponse) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = readOfferForm(event.currentTarget);
    setBusy(true);
    setProblem(null);
    setErrors({});
    setDone(null);
    try {
      const saved = await ok(api.PUT('/offers/{id}', { params: { path: { id: offer.id } }, body }));
      setEditing(false);
      setDone('Modifications enregistrées.');
      onChanged(saved);
    } catch (caught) {
      const byField = staffFieldErrors(caught);
      setErrors(byField);
      setProblem(formMessage(caught, byField, OFFER_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const close = async (reason: 'manual' | 'filled') => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const closed = await ok(api.POST('/offers/{id}/close', { params: { path: { id: offer.id } }, body: { reason } }));
      setEditing(false);
      setDone(reason === 'filled' ? 'L’offre est marquée pourvue et fermée.' : 'L’offre est fermée.');
      onChanged(closed);
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="offer-manage">
      <h2 id="offer-manage" style={{ marginTop: 0 }}>
        Gérer l’offre
      </h2>
      <p>
        État :{' '}
        {offer.status === 'open' ? (
          <Badge tone="success">Ouverte</Badge>
        ) : (
          <Badge tone={offer.closedReason === 'filled' ? 'success' : 'danger'}>
            {offer.closedReason === 'filled' ? 'Pourvue' : 'Fermée'}
            {offer.closedAt && ` le ${formatDate(offer.closedAt)}`}
          </Badge>
        )}
      </p>
      {done && <Alert kind="success">{done}</Alert>}
      {problem && <Alert>{problem}</Alert>}
      {offer.status === 'open' && !editing && (
        <div className="actions">
          {editable(offer) && (
            <Button variant="secondary" onPress={() => setEditing(true)} isDisabled={busy}>
              Modifier l’offre
            </Button>
          )}
          <Button variant="secondary" onPress={() => void close('filled')} isDisabled={busy}>
            Marquer comme pourvue
          </Button>
          <Button variant="danger" onPress={() => void close('manual')} isDisabled={busy}>
            Fermer l’offre
          </Button>
        </div>
      )}
      {offer.status === 'open' && !editable(offer) && (
        <p className="muted">
          Offre collectée sur « {offer.source} » : elle se modifie sur son site d’origine ; fermée ici, elle reste
          fermée.
        </p>
      )}
      {offer.status === 'closed' && offer.closedReason !== 'filled' && (
        <div className="actions">
          <Button variant="secondary" onPress={() => void close('filled')} isDisabled={busy}>
            Marquer comme pourvue
          </Button>
        </div>
      )}
      {editing && (
        <Form validationErrors={errors} onSubmit={(event) => void save(event)} aria-label="Modifier l’offre">
          <p className="muted">Les champs marqués * sont obligatoires.</p>
          <OfferFields offer={offer} errors={errors} />
          <div className="actions">
            <Button type="submit" isDisabled={busy}>
              {busy ? 'Enregistrement…' : 'Enregistrer les modifications'}
            </Button>
            <Button variant="secondary" onPress={() => setEditing(false)}>
              Annuler
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
