import { useState } from 'react';
import { api, ApiError, describeError, ok } from '../../api/client';
import { errorText } from '../../api/errors-fr';
import type { components } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { Alert, Badge, Button, formatDate, formatDateTime } from '../../ui/ui';

type Deliveries = components['schemas']['DeliveriesResponse'];

const OUTCOMES: Record<Deliveries['email'], string> = {
  sent: 'envoyé',
  failed: 'échec de l’envoi',
  no_consent: 'non envoyé : pas de consentement',
  no_address: 'non envoyé : aucune coordonnée',
};
const CHANNELS: Record<keyof Deliveries, string> = { sms: 'SMS', email: 'E-mail' };

/**
 * The person's own space (their card to validate, the offers proposed, their appointments, their consents): the
 * referent sends them its link, by SMS and e-mail where they consented to each (the link itself never shows
 * here), sees the links in force and how many browsers entered, and revokes them all at once.
 */
export function SpaceSection({ id }: { id: string }) {
  const [sent, setSent] = useState<{ expiresAt: string; deliveries: Deliveries } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const links = useApiData(
    () => ok(api.GET('/beneficiaries/{id}/space-links', { params: { path: { id } } })).then((page) => page.items),
    [id],
  );
  const inForce = (links.data ?? []).filter((link) => !link.revokedAt && new Date(link.expiresAt) > new Date());

  const run = async (call: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      await call();
      links.reload();
    } catch (caught) {
      // No channel: the catalogue's sentence says what is missing (the detail only names the field).
      setProblem(
        caught instanceof ApiError && caught.code === 'space.no_channel'
          ? errorText('space.no_channel')
          : describeError(caught),
      );
    } finally {
      setBusy(false);
    }
  };
  const send = () =>
    run(async () => {
      setSent(null);
      setSent(await ok(api.POST('/beneficiaries/{id}/space-links', { params: { path: { id } } })));
    });
  const revoke = () =>
    run(async () => {
      await ok(api.DELETE('/beneficiaries/{id}/space-links', { params: { path: { id } } }));
      setSent(null);
      setNotice('Les liens de l’espace personnel sont révoqués : ils ne s’ouvrent plus.');
    });

  return (
    <section className="card" aria-labelledby="person-space">
      <h2 id="person-space">Espace personnel</h2>
      <p className="muted">
        La personne y valide sa fiche avant tout envoi à un employeur, répond aux offres proposées, confirme ses
        rendez-vous et gère ses consentements. Le lien part par SMS ou par e-mail, selon son accord.
      </p>
      {problem && <Alert>{problem}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {sent && (
        <div className="alert alert-success" role="status">
          <p>Lien de l’espace envoyé, valable jusqu’au {formatDate(sent.expiresAt)}.</p>
          <ul aria-label="Envoi du lien de l’espace">
            {(Object.keys(CHANNELS) as Array<keyof Deliveries>).map((channel) => (
              <li key={channel}>
                {CHANNELS[channel]} : {OUTCOMES[sent.deliveries[channel]] ?? sent.deliveries[channel]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {links.error && <Alert>{links.error}</Alert>}
      {links.data && inForce.length === 0 && <p>Aucun lien en cours.</p>}
      {inForce.length > 0 && (
        <ul aria-label="Liens de l’espace en cours">
          {inForce.map((link) => (
            <li key={link.id}>
              Envoyé le {formatDate(link.createdAt)}, valable jusqu’au {formatDate(link.expiresAt)} —{' '}
              {link.devices === 0 ? (
                <Badge>pas encore ouvert</Badge>
              ) : (
                <Badge tone="success">
                  ouvert sur {link.devices} appareil{link.devices > 1 ? 's' : ''}
                  {link.lastSeenAt ? `, dernière visite le ${formatDateTime(link.lastSeenAt)}` : ''}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <Button isDisabled={busy} onPress={() => void send()}>
          Envoyer le lien de l’espace
        </Button>
        {inForce.length > 0 && (
          <Button variant="secondary" isDisabled={busy} onPress={() => void revoke()}>
            Révoquer les liens
          </Button>
        )}
      </div>
    </section>
  );
}
