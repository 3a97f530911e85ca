import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { api, describeError, ok } from '../../api/client';
import type { ShortlistLinkResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { Choice } from '../../ui/choice';
import { Checks, Field, NativeDate } from '../../ui/forms';
import { reminderText } from '../../features/shortlists/reminder-text';
import { Alert, Button, formatDateTime, Loading } from '../../ui/ui';

const MAX_CARDS = 5;
const SLOT_FIELDS = 3;
const INTERVIEW_MINUTES = 45;
const BY_HAND = 'by-hand';

/**
 * The mediator's shortlist for an offer: up to five people who accepted, compared side by side by the
 * employer on one signed link, with the interview slots offered; then the shortlists sent and their answers.
 */
export function ShortlistSection({ offerId }: { offerId: string }) {
  const introductions = useApiData(() => ok(api.GET('/introductions', { params: { query: { offerId } } })), [offerId]);
  const shortlists = useApiData(() => ok(api.GET('/shortlists', { params: { query: { offerId } } })), [offerId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [contactId, setContactId] = useState<string>(BY_HAND);
  const [slots, setSlots] = useState<string[]>(() => Array.from({ length: SLOT_FIELDS }, () => ''));
  const [place, setPlace] = useState('');
  const [link, setLink] = useState<ShortlistLinkResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ready = (introductions.data?.items ?? []).filter(
    (item) => item.firstName && (item.status === 'accepted' || item.status === 'card_sent'),
  );
  const employerId = introductions.data?.items[0]?.employerId ?? null;
  const employer = useApiData(
    () =>
      employerId ? ok(api.GET('/employers/{id}', { params: { path: { id: employerId } } })) : Promise.resolve(null),
    [employerId],
  );
  const contacts = (employer.data?.contacts ?? []).filter((contact) => contact.email);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (chosen.length === 0 || chosen.length > MAX_CARDS) {
      setError(`Choisissez entre 1 et ${MAX_CARDS} personnes.`);
      return;
    }
    setBusy(true);
    try {
      const offered = slots
        .filter((slot) => slot)
        .map((slot) => {
          const startsAt = new Date(slot);
          return {
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + INTERVIEW_MINUTES * 60_000).toISOString(),
            place: place.trim() || null,
          };
        });
      setLink(
        await ok(
          api.POST('/shortlists', {
            body: {
              offerId,
              introductionIds: chosen,
              slots: offered,
              ...(contactId === BY_HAND ? {} : { contactId }),
            },
          }),
        ),
      );
      setChosen([]);
      shortlists.reload();
      introductions.reload();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="offer-shortlist">
      <h2 id="offer-shortlist">Sélection pour l’employeur</h2>
      <div className="card">
        <p style={{ marginTop: 0 }} className="muted">
          Un seul lien signé et temporaire, sans compte : l’employeur compare jusqu’à {MAX_CARDS} profils côte à côte et
          répond pour chacun (rencontre sur un de vos créneaux, pas pour le moment, ou une question).
        </p>
        {introductions.error && <Alert>{introductions.error}</Alert>}
        {!introductions.data && !introductions.error && <Loading what="des mises en relation" />}
        {error && <Alert>{error}</Alert>}
        {link && (
          <Alert kind="success">
            Sélection créée, valable jusqu’au {formatDateTime(link.expiresAt)}
            {link.emailedTo ? `, envoyée par e-mail à ${link.emailedTo}` : ''} :
            <br />
            <a href={link.url} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
              {link.url}
              <span className="visually-hidden"> (nouvelle fenêtre)</span>
            </a>
          </Alert>
        )}
        {introductions.data && ready.length === 0 && (
          <p>Aucune personne n’a encore accepté d’être présentée pour cette offre.</p>
        )}
        {ready.length > 0 && (
          <Form onSubmit={(event) => void send(event)} aria-label="Nouvelle sélection">
            <Checks
              label={`Personnes présentées (${MAX_CARDS} au plus)`}
              options={ready.map((item) => ({ id: item.id, label: item.firstName ?? '' }))}
              value={chosen}
              onChange={setChosen}
            />
            <fieldset className="field">
              <legend>Créneaux d’entretien proposés (facultatif, {INTERVIEW_MINUTES} min)</legend>
              {slots.map((slot, index) => (
                <NativeDate
                  key={index}
                  label={`Créneau ${index + 1}`}
                  name={`slot-${index}`}
                  type="datetime-local"
                  value={slot}
                  onChange={(value) => setSlots((previous) => previous.map((old, at) => (at === index ? value : old)))}
                />
              ))}
              <Field label="Lieu des entretiens" name="place" value={place} onChange={setPlace} maxLength={300} />
            </fieldset>
            <Choice
              label="Envoyer le lien par e-mail à"
              description="Le contact choisi reçoit le lien, une relance s’il ne répond pas, et un message quand vous répondez à ses questions."
              options={[
                { id: BY_HAND, label: 'Personne : je transmets le lien moi-même' },
                ...contacts.map((contact) => ({ id: contact.id, label: `${contact.name} (${contact.email})` })),
              ]}
              value={contactId}
              onChange={setContactId}
              isDisabled={!employer.data && !employer.error}
            />
            <div className="actions">
              <Button type="submit" isDisabled={busy}>
                {busy ? 'Envoi…' : 'Créer le lien de sélection'}
              </Button>
            </div>
          </Form>
        )}
      </div>
      {shortlists.data && shortlists.data.items.length > 0 && (
        <>
          <h3>Sélections envoyées</h3>
          <ul>
            {shortlists.data.items.map((item) => (
              <li key={item.id}>
                <Link to={`/selections/${item.id}`}>
                  Sélection du {formatDateTime(item.createdAt)} pour {item.employerName}
                </Link>{' '}
                — {item.cards} profil{item.cards > 1 ? 's' : ''}, {item.answered} réponse{item.answered > 1 ? 's' : ''}
                {item.openQuestions > 0 &&
                  `, ${item.openQuestions} question${item.openQuestions > 1 ? 's' : ''} en attente`}
                {item.revokedAt && ' (lien désactivé)'}
                {item.reminder && ` — ${reminderText(item.reminder)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
