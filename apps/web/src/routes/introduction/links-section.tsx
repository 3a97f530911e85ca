import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { CardLinkResponse, IntroductionResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Alert, Button, formatDateTime } from '../../ui/ui';
import { useEmployerContacts } from './use-introduction-data';

/** The signed, temporary link to the card: sent (by e-mail to a contact, or handed over), or revoked. */
export function LinksSection({ view, onSent }: { view: IntroductionResponse; onSent: () => void }) {
  // The contacts with an e-mail; a coach outside the employer's structure simply gets none.
  const contacts = useEmployerContacts(view.employerId);
  const [contactId, setContactId] = useState('none');
  const [link, setLink] = useState<CardLinkResponse | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ready = view.card !== null && (view.status === 'accepted' || view.status === 'card_sent');
  const contactOptions = [
    { id: 'none', label: 'Ne pas envoyer d’e-mail (je transmets le lien)' },
    ...contacts.map((contact) => ({ id: contact.id, label: `${contact.name} (${contact.email})` })),
  ];

  const send = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const sent = await ok(
        api.POST('/introductions/{id}/links', {
          params: { path: { id: view.id } },
          body: contactId !== 'none' ? { contactId } : {},
        }),
      );
      setLink(sent);
      onSent();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await ok(api.DELETE('/introductions/{id}/links', { params: { path: { id: view.id } } }));
      setLink(null);
      setMessage('Les liens envoyés à l’employeur sont désactivés.');
      onSent();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="intro-links">
      <h2 id="intro-links">Lien pour l’employeur</h2>
      <div className="card">
        <p style={{ marginTop: 0 }} className="muted">
          Un lien signé et temporaire vers la fiche, sans compte ; il faut le consentement de la personne au partage de
          son profil.
        </p>
        {error && <Alert>{error}</Alert>}
        {message && <Alert kind="success">{message}</Alert>}
        {link && (
          <Alert kind="success">
            Lien créé, valable jusqu’au {formatDateTime(link.expiresAt)}
            {link.emailedTo ? ` et envoyé à ${link.emailedTo}` : ''} :
            <br />
            <a href={link.url} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
              {link.url}
              <span className="visually-hidden"> (nouvelle fenêtre)</span>
            </a>
          </Alert>
        )}
        {ready ? (
          contacts.length > 0 && (
            <Choice label="Envoyer par e-mail à" options={contactOptions} value={contactId} onChange={setContactId} />
          )
        ) : (
          <p>Le lien peut être envoyé une fois que la personne a accepté (étape « Acceptée » ou « Fiche envoyée »).</p>
        )}
        <div className="actions">
          {ready && (
            <Button isDisabled={busy} onPress={() => void send()}>
              Envoyer le lien à l’employeur
            </Button>
          )}
          <Button variant="secondary" isDisabled={busy} onPress={() => void revoke()}>
            Désactiver les liens
          </Button>
        </div>
      </div>
    </section>
  );
}
