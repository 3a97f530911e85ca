import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { Alert, Badge, Button, formatDate, formatDateTime } from '../../ui/ui';

const OUTCOMES: Record<string, string> = {
  sent: 'envoyé',
  failed: 'échec de l’envoi',
  no_consent: 'non envoyé : pas de consentement',
  no_address: 'non envoyé : aucune coordonnée',
};
const CHANNELS: Record<string, string> = { email: 'E-mail', sms: 'SMS' };
const PURPOSES: Record<string, string> = {
  invitation: 'invitation',
  reminder: 'rappel',
  moved: 'changement de rendez-vous',
};

/**
 * Invites the person to pick one of the coach's free slots: a link valid 14 days, sent by e-mail and SMS where the
 * person consented to each (the outcome per channel is shown; the link can also be given by hand). Below, the
 * messages sent to the person, failures included.
 */
export function InvitationPanel({ id, canWrite }: { id: string; canWrite: boolean }) {
  const [invitation, setInvitation] = useState<{
    url: string;
    expiresAt: string;
    deliveries: Record<string, string>;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deliveries = useApiData(
    () =>
      ok(api.GET('/beneficiaries/{id}/message-deliveries', { params: { path: { id } } })).then((page) => page.items),
    [id, invitation],
  );

  const invite = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setInvitation(await ok(api.POST('/beneficiaries/{id}/booking-invitations', { params: { path: { id } } })));
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {problem && <Alert>{problem}</Alert>}
      {canWrite && (
        <Button variant="secondary" isDisabled={busy} onPress={() => void invite()}>
          Inviter à choisir un créneau
        </Button>
      )}
      {invitation && (
        <div className="alert alert-success" role="status">
          <p>
            Lien de réservation, valable jusqu’au {formatDate(invitation.expiresAt)} :{' '}
            <a href={invitation.url}>{invitation.url}</a>
          </p>
          <ul aria-label="Envoi de l’invitation">
            {Object.entries(invitation.deliveries).map(([channel, outcome]) => (
              <li key={channel}>
                {CHANNELS[channel] ?? channel} : {OUTCOMES[outcome] ?? outcome}
              </li>
            ))}
          </ul>
        </div>
      )}
      {deliveries.data && deliveries.data.length > 0 && (
        <details>
          <summary>Messages envoyés ({deliveries.data.length})</summary>
          <ul aria-label="Messages envoyés à la personne">
            {deliveries.data.map((delivery, index) => (
              <li key={index}>
                {formatDateTime(delivery.at)} — {CHANNELS[delivery.channel] ?? delivery.channel},{' '}
                {PURPOSES[delivery.purpose] ?? delivery.purpose}{' '}
                {delivery.status === 'failed' ? (
                  <Badge tone="danger">échec : {delivery.error}</Badge>
                ) : (
                  <Badge tone="success">envoyé</Badge>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
