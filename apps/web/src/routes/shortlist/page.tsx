import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, describeError, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { Alert, Button, formatDateTime, Loading, PageTitle } from '../../ui/ui';
import { reminderText } from '../../features/shortlists/reminder-text';
import { EntryItem } from './entry-item';

/** A shortlist sent to an employer: each person's answer, the questions and their replies, the link's state. */
export function ShortlistPage() {
  const { id = '' } = useParams();
  const {
    data: shortlist,
    error,
    setData,
  } = useApiData(() => ok(api.GET('/shortlists/{id}', { params: { path: { id } } })), [id], { clear: true });
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (error || !shortlist)
    return (
      <>
        <PageTitle title="Sélection">Sélection envoyée</PageTitle>
        {error ? <Alert>{error}</Alert> : <Loading what="de la sélection" />}
        <p>
          <Link to="/mediation">Retour à la médiation</Link>
        </p>
      </>
    );

  const revoke = async () => {
    setBusy(true);
    setRevokeError(null);
    try {
      await ok(api.DELETE('/shortlists/{id}/link', { params: { path: { id } } }));
      setData(await ok(api.GET('/shortlists/{id}', { params: { path: { id } } })));
    } catch (caught) {
      setRevokeError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link to={`/offres/${shortlist.offerId}`}>← Retour à l’offre</Link>
      </p>
      <PageTitle title={`Sélection pour ${shortlist.employerName}`}>Sélection pour {shortlist.employerName}</PageTitle>
      <p className="summary">
        {shortlist.offerTitle} · envoyée le {formatDateTime(shortlist.createdAt)} par {shortlist.senderName} ·{' '}
        {shortlist.revokedAt
          ? `lien désactivé le ${formatDateTime(shortlist.revokedAt)}`
          : `lien valable jusqu’au ${formatDateTime(shortlist.expiresAt)}`}
      </p>
      <p>
        {shortlist.contactEmail
          ? `Lien envoyé par e-mail à ${shortlist.contactName ?? shortlist.contactEmail} (${shortlist.contactEmail}) : prévenu·e par e-mail de chacune de vos réponses.`
          : 'Lien transmis à la main : l’employeur n’est pas prévenu par e-mail de vos réponses.'}
        {shortlist.reminder && ` ${reminderText(shortlist.reminder)}.`}
      </p>
      {shortlist.slots.length > 0 && (
        <p>Créneaux proposés : {shortlist.slots.map((slot) => formatDateTime(slot.startsAt)).join(' ; ')}</p>
      )}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shortlist.entries.map((entry) => (
          <EntryItem key={entry.id} shortlistId={shortlist.id} entry={entry} onReplied={setData} />
        ))}
      </ol>
      {revokeError && <Alert>{revokeError}</Alert>}
      {!shortlist.revokedAt && (
        <div className="actions">
          <Button variant="secondary" isDisabled={busy} onPress={() => void revoke()}>
            Désactiver le lien
          </Button>
        </div>
      )}
    </>
  );
}
