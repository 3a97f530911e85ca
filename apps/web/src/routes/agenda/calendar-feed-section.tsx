import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { Alert, Button } from '../../ui/ui';

/**
 * The agenda in Outlook or on a phone: a secret subscription link (shown once; a new one replaces it), which the coach
 * can withdraw. It holds times, places and first names, never a person's situation.
 */
export function CalendarFeedSection() {
  const state = useApiData(() => ok(api.GET('/calendar-feed')), []);
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const live = url !== null || state.data?.live === true;

  const open = async () => {
    setProblem(null);
    setNotice(null);
    try {
      setUrl((await ok(api.POST('/calendar-feed'))).url);
    } catch (caught) {
      setProblem(describeError(caught));
    }
  };
  const revoke = async () => {
    setProblem(null);
    try {
      await ok(api.DELETE('/calendar-feed'));
      setUrl(null);
      setNotice('Abonnement retiré : le lien ne fonctionne plus.');
      state.reload();
    } catch (caught) {
      setProblem(describeError(caught));
    }
  };

  return (
    <section className="card" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">Abonnement à l’agenda (Outlook, téléphone)</h2>
      {problem && <Alert>{problem}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {url && (
        <Alert kind="info">
          Ajoutez ce lien secret comme calendrier par abonnement ; il n’est affiché qu’une fois :{' '}
          <code style={{ wordBreak: 'break-all' }}>{url}</code>
        </Alert>
      )}
      <div className="actions">
        <Button variant="secondary" onPress={() => void open()}>
          {live ? 'Remplacer le lien d’abonnement' : 'Créer un lien d’abonnement'}
        </Button>
        {live && (
          <Button variant="danger" onPress={() => void revoke()}>
            Retirer l’abonnement
          </Button>
        )}
      </div>
    </section>
  );
}
