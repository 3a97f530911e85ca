import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { DueActionResponse } from '../../api/types';
import type { ApiData } from '../../api/use-api-data';
import { Alert, Badge, Button, formatDate, Loading, parisToday } from '../../ui/ui';

/** The employers' next actions due today or late, each marked done here. */
export function EmployerFollowUps({ actions }: { actions: ApiData<DueActionResponse[]> }) {
  const { data: items, error, setData: setItems, setError } = actions;
  const [done, setDone] = useState<string | null>(null);
  const today = parisToday();

  const complete = async (action: DueActionResponse) => {
    setError(null);
    try {
      await ok(api.POST('/employers/interactions/{id}/done', { params: { path: { id: action.id } } }));
      setItems((previous) => previous?.filter((item) => item.id !== action.id) ?? null);
      setDone(`« ${action.nextAction} » (${action.employerName}) est faite.`);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <section aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">Actions à faire</h2>
      {error && <Alert>{error}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      {!items && !error && <Loading what="des actions" />}
      {items && items.length === 0 && <p>Aucune action prévue aujourd’hui ni en retard.</p>}
      {items && items.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((action) => (
            <li key={action.id} className="card" style={{ padding: '0.6rem 1rem', marginBottom: '0.5rem' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1rem', alignItems: 'center' }}>
                <span style={{ flex: '1 1 14rem' }}>
                  <strong>{action.nextAction}</strong> — {action.employerName}
                  <br />
                  <span className="muted">Prévue le {formatDate(action.nextActionOn)}</span>{' '}
                  {action.nextActionOn < today && <Badge tone="warning">En retard</Badge>}
                </span>
                <Button variant="secondary" onPress={() => void complete(action)}>
                  Fait<span className="visually-hidden"> : {action.nextAction}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
