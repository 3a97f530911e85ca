import { type FormEvent, useState } from 'react';
import { FieldError, Form, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { SourceResponse, TrialResponse } from '../../api/types';
import { api, ApiError, ok } from '../../api/client';
import { formMessage, staffReason } from '../../features/offers/offer-form';
import { InlineFacts } from '../../ui/forms';
import { CONTRACT_LABELS } from '../../ui/labels';
import { Alert, Button } from '../../ui/ui';

const FIELD_LABELS: Record<string, string> = {
  title: 'Intitulé',
  description: 'Description',
  employerName: 'Employeur',
  employerSiret: 'SIRET',
  location: 'Lieu',
  postalCode: 'Code postal',
  communeName: 'Commune',
  contractType: 'Contrat',
  contractDuration: 'Durée',
  workingTime: 'Temps de travail',
  weeklyHours: 'Heures par semaine',
  salary: 'Salaire',
  romeCode: 'Code ROME',
  skills: 'Compétences',
  qualities: 'Qualités',
  requirements: 'Exigences',
  drivingLicence: 'Permis',
  experience: 'Expérience',
  publishedAt: 'Publiée le',
  expiresAt: 'Expire le',
};

/** Edits a source; a site's description is tried on one of its offer pages before it is saved. */
export function SourceEditor({
  source,
  onSaved,
}: {
  source: SourceResponse;
  onSaved: (source: SourceResponse) => void;
}) {
  const [label, setLabel] = useState(source.label);
  const [schedule, setSchedule] = useState(source.scheduleMinutes ? String(source.scheduleMinutes) : '');
  const [config, setConfig] = useState(JSON.stringify(source.config, null, 2));
  const [pageUrl, setPageUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [trial, setTrial] = useState<TrialResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const site = source.kind === 'html_board' || source.kind === 'jsonld';

  /** The description as typed, or null (with the error beside the field) when it is not JSON. */
  const parsedConfig = (): Record<string, unknown> | null => {
    try {
      const value: unknown = JSON.parse(config);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    setErrors({ config: 'la description doit être un objet JSON valide' });
    return null;
  };

  /** API errors on `config.listing.url` and the like, all shown beside the description, each with its path. */
  const show = (caught: unknown) => {
    const byField: Record<string, string> = {};
    if (caught instanceof ApiError)
      for (const detail of caught.details) {
        const [top, ...rest] = detail.field.split('.');
        const reason = `${rest.length > 0 ? `${rest.join('.')} : ` : ''}${staffReason(detail.reason)}`;
        byField[top] = byField[top] ? `${byField[top]} ; ${reason}` : reason;
      }
    setErrors(byField);
    setProblem(formMessage(caught, byField, ['label', 'scheduleMinutes', 'config', 'url', 'kind']));
  };

  const tryOnPage = async () => {
    setProblem(null);
    setErrors({});
    setTrial(null);
    const parsed = parsedConfig();
    if (!parsed) return;
    if (!pageUrl.trim()) {
      setErrors({ url: 'indiquez l’adresse d’une page d’offre du site' });
      return;
    }
    setBusy(true);
    try {
      setTrial(
        await ok(
          api.POST('/sources/try', {
            body: { kind: source.kind as 'html_board' | 'jsonld', config: parsed, url: pageUrl.trim() },
          }),
        ),
      );
    } catch (caught) {
      show(caught);
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setErrors({});
    const parsed = parsedConfig();
    if (!parsed) return;
    const minutes = schedule.trim() ? Number(schedule.trim()) : undefined;
    setBusy(true);
    try {
      const saved = await ok(
        api.PATCH('/sources/{id}', {
          params: { path: { id: source.id } },
          body: { label: label.trim(), config: parsed, ...(minutes !== undefined ? { scheduleMinutes: minutes } : {}) },
        }),
      );
      onSaved(saved);
    } catch (caught) {
      show(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      validationErrors={errors}
      onSubmit={(event) => void save(event)}
      aria-label={`Modifier la source ${source.label}`}
    >
      {problem && <Alert>{problem}</Alert>}
      <TextField name="label" value={label} onChange={setLabel} isRequired className="field" maxLength={200}>
        <Label>Nom affiché</Label>
        <Input />
        <FieldError />
      </TextField>
      <TextField name="scheduleMinutes" value={schedule} onChange={setSchedule} className="field" inputMode="numeric">
        <Label>Collecte toutes les … minutes</Label>
        <Input />
        <Text slot="description" className="muted">
          De 5 à 10 080 ; vide : inchangé
        </Text>
        <FieldError />
      </TextField>
      <TextField name="config" value={config} onChange={setConfig} isRequired className="field">
        <Label>{site ? 'Description du site (JSON)' : 'Paramètres (JSON)'}</Label>
        <TextArea rows={14} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        <Text slot="description" className="muted">
          {site
            ? 'Liste des offres (listing) et règles de lecture de chaque champ d’une offre (offer.fields).'
            : 'Le secret reste « *** » tant que l’adresse du jeton ne change pas.'}
        </Text>
        <FieldError />
      </TextField>
      {site && (
        <>
          <TextField name="url" value={pageUrl} onChange={setPageUrl} className="field">
            <Label>Page d’offre pour l’essai</Label>
            <Input type="url" placeholder="https://…" />
            <Text slot="description" className="muted">
              Lue comme lors d’une collecte ; rien n’est enregistré.
            </Text>
            <FieldError />
          </TextField>
          <div className="actions">
            <Button variant="secondary" onPress={() => void tryOnPage()} isDisabled={busy}>
              Tester sur une page
            </Button>
          </div>
        </>
      )}
      {trial && <TrialReport trial={trial} />}
      <div className="actions">
        <Button type="submit" isDisabled={busy}>
          {busy ? 'Patientez…' : 'Enregistrer la source'}
        </Button>
      </div>
    </Form>
  );
}

function TrialReport({ trial }: { trial: TrialResponse }) {
  const fields = Object.entries(trial.fields ?? {}).filter(([, value]) =>
    Array.isArray(value) ? value.length > 0 : Boolean(value),
  );
  return (
    <div role="status" className="card" aria-label="Résultat de l’essai">
      {trial.rejection ? (
        <Alert>
          Cette page serait rejetée : {FIELD_LABELS[trial.rejection.field] ?? trial.rejection.field} —{' '}
          {staffReason(trial.rejection.reason)}.
        </Alert>
      ) : (
        <Alert kind="success">
          La page serait collectée : « {trial.offer?.title} », {trial.offer?.location.label},{' '}
          {CONTRACT_LABELS[trial.offer?.contractType ?? ''] ?? trial.offer?.contractType}.
        </Alert>
      )}
      {fields.length > 0 && (
        <>
          <h4>Champs lus sur la page{trial.externalId ? ` (annonce ${trial.externalId})` : ''}</h4>
          <InlineFacts
            items={fields.map(([name, value]) => [
              FIELD_LABELS[name] ?? name,
              Array.isArray(value) ? value.join(', ') : String(value).slice(0, 300),
            ])}
          />
        </>
      )}
    </div>
  );
}
