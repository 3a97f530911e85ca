import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, ApiError, describeError, ok } from '../../api/client';
import { saveDownload } from '../../api/download';
import type { components, IntroductionResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { Choice } from '../../ui/choice';
import { Field, NativeDate } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Alert, Badge, Button, formatDate, parisToday } from '../../ui/ui';

type Convention = components['schemas']['PmsmpConventionResponse'];
type Objective = components['schemas']['PmsmpConventionRequest']['objective'];
type Party = components['schemas']['PmsmpSignatureRequest']['party'];

const OBJECTIVES: ReadonlyArray<{ id: Objective; label: string }> = [
  { id: 'discover_occupation', label: 'Découvrir un métier ou un secteur d’activité' },
  { id: 'confirm_project', label: 'Confirmer un projet professionnel' },
  { id: 'start_recruitment', label: 'Initier une démarche de recrutement' },
];

const STATUS: Record<Convention['status'], { label: string; tone: 'warning' | 'success' | 'neutral' }> = {
  draft: { label: 'brouillon, pas encore signée', tone: 'neutral' },
  signing: { label: 'en cours de signature', tone: 'warning' },
  signed: { label: 'signée par les trois parties', tone: 'success' },
};

const PARTIES: ReadonlyArray<{ id: Party; label: string }> = [
  { id: 'person', label: 'La personne' },
  { id: 'employer', label: 'L’employeur' },
  { id: 'prescriber', label: 'La structure prescriptrice' },
];

/** The steps at which the convention is prepared (the API refuses it elsewhere). */
const STAGES: ReadonlyArray<IntroductionResponse['status']> = ['interview', 'trial'];

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

interface Draft {
  startDate: string;
  endDate: string;
  weeklyHours: string;
  schedule: string;
  workplace: string;
  tasks: string;
  skillsToObserve: string;
  objective: Objective | null;
  tutorName: string;
  tutorRole: string;
  tutorPhone: string;
  tutorEmail: string;
}

function draftOf(convention: Convention): Draft {
  return {
    startDate: convention.startDate ?? '',
    endDate: convention.endDate ?? '',
    weeklyHours: convention.weeklyHours === null ? '' : String(convention.weeklyHours).replace('.', ','),
    schedule: convention.schedule ?? '',
    workplace: convention.workplace ?? '',
    tasks: convention.tasks.join('\n'),
    skillsToObserve: convention.skillsToObserve.join('\n'),
    objective: convention.objective,
    tutorName: convention.tutorName ?? '',
    tutorRole: convention.tutorRole ?? '',
    tutorPhone: convention.tutorPhone ?? '',
    tutorEmail: convention.tutorEmail ?? '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The PMSMP convention of an introduction at its interview or trial stage: its terms (started from the job
 * analysis), the day each party signed, and the PDF to sign and keep.
 */
export function PmsmpSection({ view }: { view: IntroductionResponse }) {
  const {
    data: convention,
    error,
    setData,
  } = useApiData(
    () => ok(api.GET('/introductions/{id}/pmsmp', { params: { path: { id: view.id } } })),
    [view.id, view.status],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  useEffect(() => {
    if (convention && draft === null) setDraft(draftOf(convention));
  }, [convention, draft]);

  const form = useForm({
    fields: [
      'startDate',
      'endDate',
      'weeklyHours',
      'schedule',
      'workplace',
      'tasks',
      'skillsToObserve',
      'objective',
      'tutorName',
      'tutorRole',
      'tutorPhone',
      'tutorEmail',
    ],
    messages: {
      endDate: 'Une PMSMP dure un mois au plus et finit après son début.',
      weeklyHours: 'Indiquez entre 1 et 48 heures par semaine.',
      tasks: 'Indiquez au moins une activité (une par ligne).',
      tutorEmail: 'Cette adresse e-mail n’est pas valable.',
      tutorPhone: 'Ce numéro de téléphone n’est pas valable.',
    },
    refused: (caught) =>
      caught instanceof ApiError && caught.code === 'pmsmp.signed'
        ? { message: 'Une partie a déjà signé : retirez les signatures avant de changer la convention.' }
        : null,
    check: () => {
      const problems: Record<string, string> = {};
      if (!draft?.objective) problems.objective = 'Choisissez l’objectif de la période.';
      if (draft && lines(draft.tasks).length === 0) problems.tasks = 'Indiquez au moins une activité (une par ligne).';
      return problems;
    },
    send: async () => {
      if (!draft?.objective) return;
      const next = await ok(
        api.PUT('/introductions/{id}/pmsmp', {
          params: { path: { id: view.id } },
          body: {
            startDate: draft.startDate,
            endDate: draft.endDate,
            weeklyHours: Number(draft.weeklyHours.replace(',', '.')),
            schedule: draft.schedule,
            workplace: draft.workplace,
            tasks: lines(draft.tasks),
            skillsToObserve: lines(draft.skillsToObserve),
            objective: draft.objective,
            tutorName: draft.tutorName,
            tutorRole: orNull(draft.tutorRole),
            tutorPhone: orNull(draft.tutorPhone),
            tutorEmail: orNull(draft.tutorEmail),
          },
        }),
      );
      setData(next);
      setSaved('Convention enregistrée.');
    },
  });

  const download = () => {
    setDownloadError(null);
    void saveDownload(
      api.GET('/introductions/{id}/pmsmp.pdf', { params: { path: { id: view.id } }, parseAs: 'blob' }),
      `convention-pmsmp-${convention?.startDate ?? view.id}.pdf`,
    ).catch((caught: unknown) => setDownloadError(describeError(caught)));
  };

  if (error)
    return (
      <section aria-labelledby="intro-pmsmp">
        <h2 id="intro-pmsmp">Convention PMSMP</h2>
        <Alert>{error}</Alert>
      </section>
    );
  if (!convention || !draft) return null;

  const editable = STAGES.includes(view.status) && convention.status === 'draft';
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      form.clearing(
        (next: Draft[K]) => setDraft((current) => (current ? { ...current, [key]: next } : current)),
        key,
      )(value);

  return (
    <section aria-labelledby="intro-pmsmp">
      <h2 id="intro-pmsmp">Convention PMSMP</h2>
      <div className="card">
        <p>
          <Badge tone={STATUS[convention.status].tone}>Convention : {STATUS[convention.status].label}</Badge>
        </p>
        <p className="muted">
          Entre {convention.parties.personName}, {convention.parties.employerName} et {convention.parties.structureName}
          .
        </p>
        {saved && <Alert kind="success">{saved}</Alert>}
        {form.error && <Alert>{form.error}</Alert>}
        {editable ? (
          <Form validationErrors={form.errors} onSubmit={form.submit} aria-label="Convention PMSMP">
            <NativeDate
              label="Premier jour"
              name="startDate"
              value={draft.startDate}
              onChange={set('startDate')}
              isRequired
              error={form.errors.startDate}
            />
            <NativeDate
              label="Dernier jour (un mois au plus)"
              name="endDate"
              value={draft.endDate}
              onChange={set('endDate')}
              isRequired
              error={form.errors.endDate}
            />
            <Field
              label="Heures par semaine"
              name="weeklyHours"
              inputMode="decimal"
              value={draft.weeklyHours}
              onChange={set('weeklyHours')}
              isRequired
            />
            <Field label="Horaires" name="schedule" value={draft.schedule} onChange={set('schedule')} isRequired />
            <Field label="Lieu" name="workplace" value={draft.workplace} onChange={set('workplace')} isRequired />
            <Choice
              label="Objectif"
              name="objective"
              options={OBJECTIVES}
              value={draft.objective}
              onChange={set('objective')}
              isRequired
              isInvalid={Boolean(form.errors.objective)}
              errorMessage={form.errors.objective}
            />
            <Field
              label="Activités confiées (une par ligne)"
              name="tasks"
              multiline
              value={draft.tasks}
              onChange={set('tasks')}
              isRequired
            />
            <Field
              label="Compétences à observer (une par ligne)"
              name="skillsToObserve"
              multiline
              value={draft.skillsToObserve}
              onChange={set('skillsToObserve')}
            />
            <Field
              label="Tuteur ou tutrice"
              name="tutorName"
              value={draft.tutorName}
              onChange={set('tutorName')}
              isRequired
            />
            <Field label="Sa fonction" name="tutorRole" value={draft.tutorRole} onChange={set('tutorRole')} />
            <Field
              label="Son téléphone"
              name="tutorPhone"
              type="tel"
              value={draft.tutorPhone}
              onChange={set('tutorPhone')}
            />
            <Field
              label="Son e-mail"
              name="tutorEmail"
              type="email"
              value={draft.tutorEmail}
              onChange={set('tutorEmail')}
            />
            <Button type="submit" isDisabled={form.busy}>
              {form.busy ? 'Enregistrement…' : 'Enregistrer la convention'}
            </Button>
          </Form>
        ) : (
          convention.saved && (
            <dl className="facts">
              <dt>Période</dt>
              <dd>
                du {formatDate(convention.startDate)} au {formatDate(convention.endDate)},{' '}
                {String(convention.weeklyHours).replace('.', ',')} h par semaine
              </dd>
              <dt>Activités</dt>
              <dd>{convention.tasks.join(' ; ')}</dd>
              <dt>Tuteur ou tutrice</dt>
              <dd>{convention.tutorName}</dd>
            </dl>
          )
        )}
        {!convention.saved && !STAGES.includes(view.status) && (
          <p>La convention se prépare à l’étape de l’entretien ou de l’essai.</p>
        )}
        {convention.saved && (
          <>
            <Signatures convention={convention} introductionId={view.id} onSigned={setData} />
            {downloadError && <Alert>{downloadError}</Alert>}
            <Button variant="secondary" onPress={download}>
              Télécharger la convention (PDF)
            </Button>
          </>
        )}
      </div>
    </section>
  );
}

/** Each party's signature: the day it was signed, recorded by the mediator (or withdrawn after a mistake). */
function Signatures({
  convention,
  introductionId,
  onSigned,
}: {
  convention: Convention;
  introductionId: string;
  onSigned: (next: Convention) => void;
}) {
  const today = parisToday();
  const [days, setDays] = useState<Record<Party, string>>({ person: today, employer: today, prescriber: today });
  const [error, setError] = useState<string | null>(null);
  const sign = (party: Party, signedOn: string | null) => {
    setError(null);
    void ok(
      api.POST('/introductions/{id}/pmsmp/signatures', {
        params: { path: { id: introductionId } },
        body: { party, signedOn },
      }),
    )
      .then(onSigned)
      .catch((caught: unknown) => setError(describeError(caught)));
  };
  return (
    <div>
      <h3>Signatures</h3>
      {error && <Alert>{error}</Alert>}
      <ul className="plain-list">
        {PARTIES.map((party) => {
          const signedOn = convention.signatures[party.id];
          return (
            <li key={party.id}>
              <strong>{party.label}</strong> :{' '}
              {signedOn ? (
                <>
                  signée le {formatDate(signedOn)}{' '}
                  <Button variant="secondary" onPress={() => sign(party.id, null)}>
                    Retirer la signature ({party.label.toLowerCase()})
                  </Button>
                </>
              ) : (
                <>
                  pas encore signée
                  <NativeDate
                    label={`Signée le (${party.label.toLowerCase()})`}
                    name={`signedOn-${party.id}`}
                    value={days[party.id]}
                    max={today}
                    onChange={(value) => setDays((current) => ({ ...current, [party.id]: value }))}
                  />
                  <Button variant="secondary" onPress={() => sign(party.id, days[party.id])}>
                    Enregistrer la signature ({party.label.toLowerCase()})
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
