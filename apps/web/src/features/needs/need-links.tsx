import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { NeedLinkResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { Alert, Button, formatDate } from '../../ui/ui';

/**
 * The links employers post recruitment needs through: one employer's (`employerId`), or the
 * structure's public form. A new link is shown once (only its hash is kept); a live one can be
 * withdrawn.
 */
export function NeedLinks({ employerId }: { employerId?: string }) {
  const links = useApiData(
    () =>
      ok(api.GET('/employers/need-links', { params: { query: employerId ? { employerId } : {} } })).then(
        (page) => page.items,
      ),
    [employerId],
  );
  const [created, setCreated] = useState<{ url: string; expiresAt: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = (links.data ?? []).filter(
    (link: NeedLinkResponse) => !link.revokedAt && Date.parse(link.expiresAt) > Date.now(),
  );
  const what = employerId ? 'le lien de dépôt de besoin' : 'le formulaire public';

  const create = async () => {
    setBusy(true);
    links.setError(null);
    setDone(null);
    try {
      const link = employerId
        ? await ok(api.POST('/employers/{id}/need-links', { params: { path: { id: employerId } }, body: {} }))
        : await ok(api.POST('/employers/need-links', { body: {} }));
      setCreated(link);
      links.reload();
    } catch (caught) {
      links.setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (link: NeedLinkResponse) => {
    links.setError(null);
    try {
      await ok(api.DELETE('/employers/need-links/{id}', { params: { path: { id: link.id } } }));
      setCreated(null);
      setDone(`Lien du ${formatDate(link.createdAt)} désactivé : il n’ouvre plus rien.`);
      links.reload();
    } catch (caught) {
      links.setError(describeError(caught));
    }
  };

  return (
    <div>
      {links.error && <Alert>{links.error}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      {created && (
        <Alert kind="success">
          Voici {what}, à transmettre à l’employeur (il ne sera plus affiché) :{' '}
          <a href={created.url} style={{ wordBreak: 'break-all' }}>
            {created.url}
          </a>{' '}
          — valable jusqu’au {formatDate(created.expiresAt)}.
        </Alert>
      )}
      {live.length > 0 && (
        <ul>
          {live.map((link) => (
            <li key={link.id}>
              Lien créé le {formatDate(link.createdAt)}, valable jusqu’au {formatDate(link.expiresAt)}{' '}
              <Button variant="secondary" onPress={() => void revoke(link)}>
                Désactiver<span className="visually-hidden"> le lien créé le {formatDate(link.createdAt)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button variant="secondary" onPress={() => void create()} isDisabled={busy}>
        {employerId ? 'Créer un lien de dépôt de besoin' : 'Créer un lien vers le formulaire public'}
      </Button>
    </div>
  );
}
