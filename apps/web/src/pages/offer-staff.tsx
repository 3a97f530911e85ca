import { type FormEvent, useState } from 'react';
import { FieldError, Form, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { SourceView, TrialResult } from '@passerelle/ingestion';
import type { OfferView } from '@passerelle/offers';
import { api, ApiError, describeError, ok } from '../api/client';
import { InlineFacts, NativeDate, reasonInFrench } from '../ui/forms';
import { Alert, Badge, Button, CONTRACT_LABELS, formatDate } from '../ui/ui';

/* ------------------------------------------------------------------ the offer form, new or edited */

/** The reasons of the offers' and sources' own rules, in French (the others go through the shared catalogue). */
const OWN_REASONS: Array<[RegExp, string]> = [
  [/^is in the past$/, 'la date est déjà passée : indiquez aujourd’hui ou une date à venir'],
  [/^keyword search covers open offers only$/, 'la recherche par mots-clés porte sur les offres ouvertes'],
  [/^must be an http\(s\) URL$/, 'adresse web attendue (http:// ou https://)'],
  [/^must be a CSS selector$/, 'sélecteur CSS attendu'],
  [/^is required$/, 'obligatoire'],
];

export function staffReason(reason: string): string {
  for (const [pattern, french] of OWN_REASONS) if (pattern.test(reason)) return french;
  return reasonInFrench(reason);
}

/** Field errors of an API answer in French, by top field (`skills.0` counts for `skills`). */
export function staffFieldErrors(caught: unknown): Record<string, string> {
  if (!(caught instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const detail of caught.details) {
    const field = detail.field.split('.')[0];
    const reason = staffReason(detail.reason);
    errors[field] = errors[field] ? `${errors[field]} ; ${reason}` : reason;
  }
  return errors;
}

export const OFFER_LIST_FIELDS = ['skills', 'qualities', 'requirements'] as const;
export const OFFER_TEXT_FIELDS = [
  'title',
  'description',
  'employerName',
  'employerSiret',
  'location',
  'postalCode',
  'communeName',
  'inseeCode',
  'contractType',
  'contractDuration',
  'workingTime',
  'weeklyHours',
  'salary',
  'romeCode',
  'drivingLicence',
  'experience',
  'expiresAt',
] as const;
export type OfferBody = {
  [K in (typeof OFFER_TEXT_FIELDS)[number]]?: string;
} & { [K in (typeof OFFER_LIST_FIELDS)[number]]?: string[] } & { title: string; description: string };
type OfferValues = Partial<Record<(typeof OFFER_TEXT_FIELDS)[number] | (typeof OFFER_LIST_FIELDS)[number], string>>;

/** The request body of the offer form: trimmed texts, one list item per line, empty fields left out. */
export function readOfferForm(form: HTMLFormElement): OfferBody {
  const data = new FormData(form);
  const read = (field: string): string => {
    const value = data.get(field);
    return typeof value === 'string' ? value : '';
  };
  const body: Record<string, string | string[]> = {};
  for (const field of OFFER_TEXT_FIELDS) {
    const value = read(field).trim();
    if (value) body[field] = field === 'employerSiret' ? value.replace(/\s/g, '') : value;
  }
  for (const field of OFFER_LIST_FIELDS) {
    const lines = read(field)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > 0) body[field] = lines;
  }
  return body as OfferBody;
}

const WORKING_TIME_WORDS: Record<string, string> = { full_time: 'Temps plein', part_time: 'Temps partiel' };

/** What the form shows for a stored offer: the words a person would type for it. */
function valuesOf(offer: OfferView): OfferValues {
  return {
    title: offer.title,
    description: offer.description,
    employerName: offer.employerName ?? '',
    employerSiret: offer.employerSiret ?? '',
    location: offer.locationText ?? offer.placeLabel,
    contractType: CONTRACT_LABELS[offer.contractType] ?? '',
    contractDuration: offer.contractDurationMonths ? `${offer.contractDurationMonths} mois` : '',
    workingTime: WORKING_TIME_WORDS[offer.workingTime] ?? '',
    weeklyHours: offer.weeklyHours !== null ? String(offer.weeklyHours) : '',
    salary: offer.salaryText ?? '',
    romeCode: offer.romeCode && !offer.romeInferred ? offer.romeCode : '',
    drivingLicence: offer.drivingLicences.length > 0 ? `Permis ${offer.drivingLicences.join(', ')}` : '',
    experience: offer.experienceText ?? '',
    expiresAt: offer.expiresAt ? new Date(offer.expiresAt).toISOString().slice(0, 10) : '',
    skills: offer.skills.join('\n'),
    qualities: offer.qualities.join('\n'),
    requirements: offer.requirements.join('\n'),
  };
}

function TextInput({
  name,
  label,
  initial,
  description,
  isRequired = false,
  multiline = false,
  rows = 3,
  maxLength,
}: {
  name: string;
  label: string;
  initial?: string;
  description?: string;
  isRequired?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <TextField name={name} defaultValue={initial} isRequired={isRequired} className="field" maxLength={maxLength}>
      <Label>
        {label}
        {isRequired && <span aria-hidden="true"> *</span>}
      </Label>
      {multiline ? <TextArea rows={rows} /> : <Input />}
      {description && (
        <Text slot="description" className="muted">
          {description}
        </Text>
      )}
      <FieldError />
    </TextField>
  );
}

/**
 * The fields of an offer, empty or filled with a stored one; each shows its error from the form's
 * `validationErrors` (the date from `errors.expiresAt`).
 */
export function OfferFields({ offer, errors }: { offer?: OfferView; errors: Record<string, string> }) {
  const initial = offer ? valuesOf(offer) : {};
  const [expiresAt, setExpiresAt] = useState(initial.expiresAt ?? '');
  return (
    <div className="grid">
      <div>
        <TextInput name="title" label="Intitulé du poste" initial={initial.title} isRequired maxLength={300} />
        <TextInput name="description" label="Description" initial={initial.description} isRequired multiline rows={4} />
        <TextInput name="employerName" label="Employeur" initial={initial.employerName} />
        <TextInput
          name="employerSiret"
          label="SIRET de l’employeur"
          initial={initial.employerSiret}
          description="14 chiffres, contrôlés comme pour une fiche employeur"
        />
        <TextInput
          name="location"
          label="Lieu de travail"
          initial={initial.location}
          description="Texte libre, ex. Lille (59000) ; ou les champs suivants"
        />
        <TextInput name="postalCode" label="Code postal" />
        <TextInput name="communeName" label="Commune" />
        <TextInput name="inseeCode" label="Code INSEE de la commune" />
      </div>
      <div>
        <TextInput
          name="contractType"
          label="Type de contrat"
          initial={initial.contractType}
          description="ex. CDI, CDD, intérim, alternance"
        />
        <TextInput
          name="contractDuration"
          label="Durée du contrat"
          initial={initial.contractDuration}
          description="ex. 6 mois"
        />
        <TextInput
          name="workingTime"
          label="Temps de travail"
          initial={initial.workingTime}
          description="ex. Temps partiel"
        />
        <TextInput name="weeklyHours" label="Heures par semaine" initial={initial.weeklyHours} description="ex. 24" />
        <TextInput name="salary" label="Salaire" initial={initial.salary} description="ex. 1 801,80 € brut mensuel" />
        <TextInput
          name="romeCode"
          label="Code ROME"
          initial={initial.romeCode}
          description="ex. K2204 ; déduit de l’intitulé sinon"
        />
        <TextInput
          name="drivingLicence"
          label="Permis demandé"
          initial={initial.drivingLicence}
          description="ex. Permis B"
        />
        <TextInput
          name="experience"
          label="Expérience demandée"
          initial={initial.experience}
          description="ex. Débutant accepté"
        />
        <NativeDate
          label="Date d’expiration"
          name="expiresAt"
          value={expiresAt}
          onChange={setExpiresAt}
          error={errors.expiresAt}
        />
      </div>
      <div>
        <TextInput name="skills" label="Compétences" initial={initial.skills} description="Une par ligne" multiline />
        <TextInput
          name="qualities"
          label="Qualités"
          initial={initial.qualities}
          description="Une par ligne"
          multiline
        />
        <TextInput
          name="requirements"
          label="Autres exigences"
          initial={initial.requirements}
          description="Une par ligne"
          multiline
        />
      </div>
    </div>
  );
}

/** The message above a refused form: by field when every error has its field, else the API's words. */
export function formMessage(caught: unknown, byField: Record<string, string>, fields: readonly string[]): string {
  const unmatched =
    caught instanceof ApiError ? caught.details.filter((detail) => !fields.includes(detail.field.split('.')[0])) : [];
  return Object.keys(byField).length > 0 && unmatched.length === 0
    ? 'Corrigez les champs signalés ci-dessous.'
    : describeError(caught);
}

const OFFER_FIELDS: readonly string[] = [...OFFER_TEXT_FIELDS, ...OFFER_LIST_FIELDS];

/* ------------------------------------------------------------------ an offer's staff actions */

export const CLOSED_REASONS: Record<string, string> = {
  disappeared: 'retirée de la source',
  expired: 'expirée',
  manual: 'fermée à la main',
  filled: 'pourvue',
};

/** Whether staff edit the offer here: one posted by hand or captured by mediation (others change at their source). */
function editable(offer: OfferView): boolean {
  return offer.source === 'manual' || offer.source === 'mediation';
}

/**
 * For platform staff on an offer: edit it (a posted one), close it or mark it filled. Closed or
 * filled, it leaves matched search and keyword search.
 */
export function OfferStaffActions({ offer, onChanged }: { offer: OfferView; onChanged: (offer: OfferView) => void }) {
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = readOfferForm(event.currentTarget);
    setBusy(true);
    setProblem(null);
    setErrors({});
    setDone(null);
    try {
      const saved = await ok<OfferView>(api.PUT('/offers/{id}', { params: { path: { id: offer.id } }, body }));
      setEditing(false);
      setDone('Modifications enregistrées.');
      onChanged(saved);
    } catch (caught) {
      const byField = staffFieldErrors(caught);
      setErrors(byField);
      setProblem(formMessage(caught, byField, OFFER_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const close = async (reason: 'manual' | 'filled') => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const closed = await ok<OfferView>(
        api.POST('/offers/{id}/close', { params: { path: { id: offer.id } }, body: { reason } }),
      );
      setEditing(false);
      setDone(reason === 'filled' ? 'L’offre est marquée pourvue et fermée.' : 'L’offre est fermée.');
      onChanged(closed);
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="offer-manage">
      <h2 id="offer-manage" style={{ marginTop: 0 }}>
        Gérer l’offre
      </h2>
      <p>
        État :{' '}
        {offer.status === 'open' ? (
          <Badge tone="success">Ouverte</Badge>
        ) : (
          <Badge tone={offer.closedReason === 'filled' ? 'success' : 'danger'}>
            {offer.closedReason === 'filled' ? 'Pourvue' : 'Fermée'}
            {offer.closedAt && ` le ${formatDate(offer.closedAt)}`}
          </Badge>
        )}
      </p>
      {done && <Alert kind="success">{done}</Alert>}
      {problem && <Alert>{problem}</Alert>}
      {offer.status === 'open' && !editing && (
        <div className="actions">
          {editable(offer) && (
            <Button variant="secondary" onPress={() => setEditing(true)} isDisabled={busy}>
              Modifier l’offre
            </Button>
          )}
          <Button variant="secondary" onPress={() => void close('filled')} isDisabled={busy}>
            Marquer comme pourvue
          </Button>
          <Button variant="danger" onPress={() => void close('manual')} isDisabled={busy}>
            Fermer l’offre
          </Button>
        </div>
      )}
      {offer.status === 'open' && !editable(offer) && (
        <p className="muted">
          Offre collectée sur « {offer.source} » : elle se modifie sur son site d’origine ; fermée ici, elle reste
          fermée.
        </p>
      )}
      {offer.status === 'closed' && offer.closedReason !== 'filled' && (
        <div className="actions">
          <Button variant="secondary" onPress={() => void close('filled')} isDisabled={busy}>
            Marquer comme pourvue
          </Button>
        </div>
      )}
      {editing && (
        <Form validationErrors={errors} onSubmit={(event) => void save(event)} aria-label="Modifier l’offre">
          <p className="muted">Les champs marqués * sont obligatoires.</p>
          <OfferFields offer={offer} errors={errors} />
          <div className="actions">
            <Button type="submit" isDisabled={busy}>
              {busy ? 'Enregistrement…' : 'Enregistrer les modifications'}
            </Button>
            <Button variant="secondary" onPress={() => setEditing(false)}>
              Annuler
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ a source edited, tried on a page */

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
export function SourceEditor({ source, onSaved }: { source: SourceView; onSaved: (source: SourceView) => void }) {
  const [label, setLabel] = useState(source.label);
  const [schedule, setSchedule] = useState(source.scheduleMinutes ? String(source.scheduleMinutes) : '');
  const [config, setConfig] = useState(JSON.stringify(source.config, null, 2));
  const [pageUrl, setPageUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [trial, setTrial] = useState<TrialResult | null>(null);
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
        await ok<TrialResult>(
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
      const saved = await ok<SourceView>(
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

function TrialReport({ trial }: { trial: TrialResult }) {
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
