import { useState } from 'react';
import { Alert, Badge, Button, Loading } from '../../ui/ui';
import { RunsTable } from './runs-table';
import { SourceEditor } from './source-editor';
import { useSources } from './use-offers-data';

const SOURCE_KINDS: Record<string, string> = {
  france_travail: 'API France Travail',
  html_board: 'Site d’annonces (HTML)',
  jsonld: 'Pages JSON-LD',
  manual: 'Saisie manuelle',
};

/** Ingestion sources with their last runs and, on demand, a run's rejected records. */
export function SourcesSection() {
  const { data: sources, error, setData: setSources, runs } = useSources();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <section aria-labelledby="sources">
      <h2 id="sources">Sources d’offres</h2>
      {error && <Alert>{error}</Alert>}
      {!sources && !error && <Loading what="des sources" />}
      {sources?.length === 0 && <p>Aucune source n’est enregistrée.</p>}
      {sources?.map((source) => {
        const sourceRuns = runs[source.id];
        return (
          <div key={source.id} className="card">
            <h3>
              {source.label} <span className="muted">({source.name})</span>
            </h3>
            <p>
              {SOURCE_KINDS[source.kind] ?? source.kind} ·{' '}
              {source.enabled ? <Badge tone="success">Active</Badge> : <Badge tone="warning">Désactivée</Badge>} ·{' '}
              {source.scheduleMinutes
                ? `collecte toutes les ${source.scheduleMinutes} minutes`
                : 'pas de collecte planifiée'}
            </p>
            {saved === source.id && <Alert kind="success">Source enregistrée.</Alert>}
            {source.kind !== 'manual' && (
              <div className="actions">
                <Button
                  variant="secondary"
                  aria-expanded={editing === source.id}
                  onPress={() => {
                    setSaved(null);
                    setEditing(editing === source.id ? null : source.id);
                  }}
                >
                  {editing === source.id ? 'Fermer sans enregistrer' : `Modifier la source ${source.label}`}
                </Button>
              </div>
            )}
            {editing === source.id && (
              <SourceEditor
                source={source}
                onSaved={(updated) => {
                  setSources((list) => list?.map((item) => (item.id === updated.id ? updated : item)) ?? list);
                  setEditing(null);
                  setSaved(updated.id);
                }}
              />
            )}
            {sourceRuns === undefined && <Loading what="des collectes" />}
            {typeof sourceRuns === 'string' && <Alert>{sourceRuns}</Alert>}
            {Array.isArray(sourceRuns) && sourceRuns.length === 0 && <p className="muted">Aucune collecte encore.</p>}
            {Array.isArray(sourceRuns) && sourceRuns.length > 0 && (
              <RunsTable sourceLabel={source.label} runs={sourceRuns} />
            )}
          </div>
        );
      })}
    </section>
  );
}
