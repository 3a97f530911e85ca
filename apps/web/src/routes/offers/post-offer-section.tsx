import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import type { OfferResponse } from '../../api/types';
import { api, ok } from '../../api/client';
import {
  formMessage,
  OFFER_FIELDS,
  OfferFields,
  readOfferForm,
  staffFieldErrors,
} from '../../features/offers/offer-form';
import { CONTRACT_LABELS } from '../../ui/labels';
import { Alert, Button } from '../../ui/ui';

/** Manual posting by platform staff: the same checks as an ingested offer plus SIRET and expiry, errors by field. */
export function PostOfferSection({ onPosted }: { onPosted: () => void }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [posted, setPosted] = useState<OfferResponse | null>(null);
  const [busy, setBusy] = useState(false);
  // A new form (empty fields, date included) after each posting.
  const [formKey, setFormKey] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = readOfferForm(event.currentTarget);
    setBusy(true);
    setProblem(null);
    setErrors({});
    setPosted(null);
    try {
      const offer = await ok(api.POST('/offers', { body }));
      setPosted(offer);
      setFormKey((key) => key + 1);
      onPosted();
    } catch (caught) {
      const byField = staffFieldErrors(caught);
      setErrors(byField);
      const message = formMessage(caught, byField, OFFER_FIELDS);
      setProblem(
        message.startsWith('Corrigez')
          ? 'L’offre n’est pas publiée : corrigez les champs signalés ci-dessous.'
          : message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="post-offer">
      <h2 id="post-offer">Publier une offre</h2>
      <p className="muted">
        Une offre recueillie hors des sources (téléphone, salon, visite) : elle suit les mêmes contrôles qu’une offre
        collectée.
      </p>
      <Button variant="secondary" aria-expanded={open} aria-controls="post-offer-form" onPress={() => setOpen(!open)}>
        {open ? 'Masquer le formulaire' : 'Saisir une offre'}
      </Button>
      {posted && (
        <Alert kind="success">
          Offre publiée : <Link to={`/offres/${posted.id}`}>{posted.title}</Link> ({posted.placeLabel},{' '}
          {CONTRACT_LABELS[posted.contractType] ?? posted.contractType}).
        </Alert>
      )}
      {open && (
        <div id="post-offer-form" className="card" style={{ marginTop: '0.75rem' }}>
          {problem && <Alert>{problem}</Alert>}
          <Form
            key={formKey}
            validationErrors={errors}
            onSubmit={(event) => void submit(event)}
            aria-labelledby="post-offer"
          >
            <p className="muted">Les champs marqués * sont obligatoires.</p>
            <OfferFields errors={errors} />
            <div className="actions">
              <Button type="submit" isDisabled={busy}>
                {busy ? 'Publication…' : 'Publier l’offre'}
              </Button>
            </div>
          </Form>
        </div>
      )}
    </section>
  );
}
