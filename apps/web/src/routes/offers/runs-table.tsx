import { useState } from 'react';
import type { RunResponse } from '../../api/types';
import { reasonInFrench, Scroll } from '../../ui/forms';
import { Alert, Badge, Button, formatDateTime, Loading } from '../../ui/ui';
import { useRejections } from './use-offers-data';

const RUN_STATUS: Record<string, { label: string; tone: 'neutral' | 'warning' | 'danger' | 'success' }> = {
  running: { label: 'En cours', tone: 'neutral' },
  succeeded: { label: 'Réussie', tone: 'success' },
  partial: { label: 'Partielle', tone: 'warning' },
  failed: { label: 'Échec', tone: 'danger' },
};

const RUN_TRIGGERS: Record<string, string> = {
  schedule: 'planifiée',
  manual: 'manuelle',
  cli: 'ligne de commande',
  demo: 'démonstration',
  reparse: 'relecture',
};

/** A source's last runs, each with its counts; a run's rejected records on demand. */
export function RunsTable({ sourceLabel, runs }: { sourceLabel: string; runs: RunResponse[] }) {
  const [openRun, setOpenRun] = useState<string | null>(null);
  const { data: rejections, error } = useRejections(openRun);
  const toggle = (runId: string) => setOpenRun(openRun === runId ? null : runId);
  const open = runs.find((run) => run.id === openRun);

  return (
    <>
      <Scroll label={`Dernières collectes de ${sourceLabel}`}>
        <table className="data-table">
          <caption className="visually-hidden">Dernières collectes de {sourceLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Début</th>
              <th scope="col">État</th>
              <th scope="col">Vues</th>
              <th scope="col">Créées</th>
              <th scope="col">Mises à jour</th>
              <th scope="col">Fermées</th>
              <th scope="col">Doublons</th>
              <th scope="col">Rejetées</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const state = RUN_STATUS[run.status] ?? { label: run.status, tone: 'neutral' as const };
              return (
                <tr key={run.id}>
                  <th scope="row">
                    {formatDateTime(run.startedAt)}
                    <span className="muted"> ({RUN_TRIGGERS[run.trigger] ?? run.trigger})</span>
                  </th>
                  <td>
                    <Badge tone={state.tone}>{state.label}</Badge>
                    {run.error && <div className="muted">{run.error}</div>}
                  </td>
                  <td>{run.offersSeen}</td>
                  <td>{run.created}</td>
                  <td>{run.updated}</td>
                  <td>{run.closed}</td>
                  <td>{run.duplicates}</td>
                  <td>
                    {run.rejected === 0 ? (
                      '0'
                    ) : (
                      <Button
                        variant="secondary"
                        aria-expanded={openRun === run.id}
                        aria-controls={`rejections-${run.id}`}
                        onPress={() => toggle(run.id)}
                      >
                        {openRun === run.id ? 'Masquer' : 'Voir'} les {run.rejected} rejet{run.rejected > 1 ? 's' : ''}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
      {open && (
        <div id={`rejections-${open.id}`}>
          <h4>Annonces rejetées lors de la collecte du {formatDateTime(open.startedAt)}</h4>
          {error && <Alert>{error}</Alert>}
          {!rejections && !error && <Loading what="des rejets" />}
          {rejections && (
            <>
              {rejections.total !== undefined && rejections.total > rejections.items.length && (
                <p className="muted">
                  {rejections.items.length} premiers rejets sur {rejections.total}.
                </p>
              )}
              <Scroll label="Annonces rejetées">
                <table className="data-table">
                  <caption className="visually-hidden">Annonces rejetées et motif</caption>
                  <thead>
                    <tr>
                      <th scope="col">Annonce</th>
                      <th scope="col">Champ</th>
                      <th scope="col">Motif</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rejections.items.map((rejection) => (
                      <tr key={rejection.id}>
                        <th scope="row">
                          {rejection.url ? (
                            <a href={rejection.url} target="_blank" rel="noreferrer noopener">
                              {rejection.externalId ?? 'Annonce d’origine'}
                              <span className="visually-hidden"> (nouvelle fenêtre)</span>
                            </a>
                          ) : (
                            (rejection.externalId ?? '—')
                          )}
                        </th>
                        <td>{rejection.field ?? '—'}</td>
                        <td>{reasonInFrench(rejection.reason)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Scroll>
            </>
          )}
        </div>
      )}
    </>
  );
}
