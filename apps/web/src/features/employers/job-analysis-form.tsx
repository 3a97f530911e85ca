import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { Choice } from '../../ui/choice';
import { Box, Field, NativeDate } from '../../ui/forms';
import { WORKING_TIMES } from '../../ui/labels';
import { fieldRefusal, useForm } from '../../ui/use-form';
import { Alert, Button, parisToday } from '../../ui/ui';
import { type Occupation, OccupationField } from './occupation-field';
import { ToggledForm } from './toggled-form';

type WorkingTime = (typeof WORKING_TIMES)[number]['id'];

/** The fields of a job analysis, in the API's names (where its errors point). */
const JOB_ANALYSIS_FIELDS = [
  'title',
  'romeCode',
  'tasks',
  'schedule',
  'conditions',
  'tools',
  'initialRequirements',
  'realRequirements',
  'negotiatedAway',
  'publicTransport',
  'contractType',
  'workingTime',
  'analysedOn',
  'publish',
] as const;

/** The job analysis's lists, one entry a line, in the order the form asks them. */
const ANALYSIS_LISTS = [
  { key: 'tasks', label: 'Missions', description: 'Une par ligne' },
  { key: 'tools', label: 'Outils et équipements', description: 'Un par ligne' },
  {
    key: 'initialRequirements',
    label: 'Exigences de départ de l’employeur',
    description: 'Ce qui était demandé au départ ; une par ligne',
  },
  {
    key: 'realRequirements',
    label: 'Exigences réelles du poste',
    description: 'Ce que le poste demande vraiment ; une par ligne',
  },
  {
    key: 'negotiatedAway',
    label: 'Exigences levées après échange',
    description: 'Ce à quoi l’employeur renonce ; une par ligne',
  },
] as const;
type JobAnalysisList = (typeof ANALYSIS_LISTS)[number]['key'];
const NO_LISTS = Object.fromEntries(ANALYSIS_LISTS.map(({ key }) => [key, ''])) as Record<JobAnalysisList, string>;

/** A ROME code as the API takes it: a letter A to N and four digits. */
const ROME_CODE = /^[A-N]\d{4}$/;

/** A textarea's lines, trimmed, without the empty ones. */
const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** An employer's need in their words: the draft job analysis the mediator qualifies. */
export interface DraftAnalysis {
  readonly analysisId: string;
  readonly title: string;
  readonly schedule: string;
  readonly conditions: string;
  readonly contractType: string | null;
}

/**
 * The job analysed at the workplace (analyse de poste); with « publier », also an offer (offre captée).
 * With `draft`, the form starts from an employer's need and qualifies it.
 */
export function JobAnalysisForm({
  employerId,
  onAnalysed,
  draft,
}: {
  employerId: string;
  onAnalysed: () => void;
  draft?: DraftAnalysis;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(draft?.title ?? '');
  const [occupationInput, setOccupationInput] = useState('');
  const [occupation, setOccupation] = useState<Occupation | null>(null);
  const [contractType, setContractType] = useState(draft?.contractType ?? 'CDI');
  const [workingTime, setWorkingTime] = useState<WorkingTime>('full_time');
  const [analysedOn, setAnalysedOn] = useState(parisToday());
  const [schedule, setSchedule] = useState(draft?.schedule ?? '');
  const [conditions, setConditions] = useState(draft?.conditions.slice(0, 2000) ?? '');
  const [publicTransport, setPublicTransport] = useState('');
  const [lists, setLists] = useState<Record<JobAnalysisList, string>>(NO_LISTS);
  const [publish, setPublish] = useState(!!draft);
  const [created, setCreated] = useState<{ title: string; offerId: string | null } | null>(null);
  const formId = `job-analysis-form-${draft?.analysisId ?? employerId}`;
  const setList = (list: JobAnalysisList) => (value: string) =>
    setLists((previous) => ({ ...previous, [list]: value }));

  const reset = () => {
    setTitle('');
    setOccupationInput('');
    setOccupation(null);
    setContractType('CDI');
    setWorkingTime('full_time');
    setAnalysedOn(parisToday());
    setSchedule('');
    setConditions('');
    setPublicTransport('');
    setLists(NO_LISTS);
    setPublish(false);
  };

  /** The ROME code and the lists as the API takes them, and what is wrong with them before sending. */
  const read = () => {
    const found: Record<string, string> = {};
    const typed = occupationInput.trim().toUpperCase();
    const romeCode = occupation?.code ?? (ROME_CODE.test(typed) ? typed : undefined);
    if (!romeCode && typed)
      found.romeCode = 'choisissez un métier dans la liste, ou saisissez un code ROME (ex. D1106)';
    const values = {} as Record<JobAnalysisList, string[]>;
    for (const { key: list } of ANALYSIS_LISTS) {
      values[list] = lines(lists[list]);
      if (values[list].length > 30) found[list] = 'au plus 30 lignes';
      else if (values[list].some((line) => line.length > 500)) found[list] = 'au plus 500 caractères par ligne';
    }
    return { romeCode, values, found };
  };

  const form = useForm({
    check: () => read().found,
    refused: (caught) => {
      const refusal = fieldRefusal(caught, { fields: JOB_ANALYSIS_FIELDS });
      if (refusal.errors?.romeCode)
        refusal.errors.romeCode = refusal.errors.romeCode.replace('unknown ROME code', 'code ROME inconnu');
      return refusal;
    },
    send: async () => {
      const { romeCode, values } = read();
      const body = {
        title: title.trim(),
        ...(romeCode ? { romeCode } : {}),
        ...values,
        ...(schedule.trim() ? { schedule: schedule.trim() } : {}),
        ...(conditions.trim() ? { conditions: conditions.trim() } : {}),
        ...(publicTransport.trim() ? { publicTransport: publicTransport.trim() } : {}),
        contractType: contractType.trim(),
        workingTime,
        analysedOn,
        publish,
      };
      const answer = draft
        ? await ok(
            api.POST('/employers/{id}/job-analyses/{analysisId}/qualification', {
              params: { path: { id: employerId, analysisId: draft.analysisId } },
              body,
            }),
          )
        : await ok(api.POST('/employers/{id}/job-analyses', { params: { path: { id: employerId } }, body }));
      setCreated({ title: title.trim(), offerId: answer.offerId });
      reset();
      setOpen(false);
      onAnalysed();
    },
  });

  return (
    <>
      {created && (
        <Alert kind="success">
          Analyse du poste « {created.title} » enregistrée.
          {created.offerId && (
            <>
              {' '}
              Offre captée publiée : <Link to={`/offres/${created.offerId}`}>{created.title}</Link>.
            </>
          )}
        </Alert>
      )}
      <ToggledForm
        id={formId}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) setCreated(null);
          else {
            form.setErrors({});
            form.setError(null);
          }
        }}
        openLabel={draft ? `Qualifier le besoin « ${draft.title} »` : 'Analyse du poste'}
        label={draft ? `Qualification du besoin « ${draft.title} »` : 'Analyse du poste'}
        form={form}
      >
        <div className="grid">
          <div>
            <Field
              label="Intitulé du poste"
              name="title"
              value={title}
              onChange={setTitle}
              isRequired
              maxLength={200}
            />
            <OccupationField
              name="romeCode"
              text={occupationInput}
              picked={occupation}
              onTextChange={setOccupationInput}
              onPick={setOccupation}
            />
            <Field
              label="Type de contrat"
              name="contractType"
              value={contractType}
              onChange={setContractType}
              isRequired
              description="ex. CDI, CDD 6 mois, intérim"
              maxLength={40}
            />
            <Choice
              label="Temps de travail"
              name="workingTime"
              options={WORKING_TIMES}
              value={workingTime}
              onChange={setWorkingTime}
            />
            <NativeDate
              label="Date de l’analyse"
              name="analysedOn"
              value={analysedOn}
              onChange={setAnalysedOn}
              isRequired
              error={form.errors.analysedOn}
            />
            <Field label="Horaires" name="schedule" value={schedule} onChange={setSchedule} maxLength={500} />
            <Field
              label="Conditions de travail"
              name="conditions"
              value={conditions}
              onChange={setConditions}
              multiline
              maxLength={2000}
            />
            <Field
              label="Accès en transports en commun"
              name="publicTransport"
              value={publicTransport}
              onChange={setPublicTransport}
              maxLength={500}
            />
          </div>
          <div>
            {ANALYSIS_LISTS.map(({ key, label, description }) => (
              <Field
                key={key}
                label={label}
                name={key}
                value={lists[key]}
                onChange={setList(key)}
                multiline
                description={description}
              />
            ))}
          </div>
        </div>
        <Checkbox name="publish" isSelected={publish} onChange={setPublish} aria-describedby={`${formId}-publish`}>
          {({ isSelected }) => (
            <>
              <Box isSelected={isSelected} />
              Publier comme offre captée
            </>
          )}
        </Checkbox>
        <p id={`${formId}-publish`} className="muted" style={{ marginTop: 0 }}>
          L’offre rejoint les offres d’emploi, au nom de l’employeur et dans sa commune.
        </p>
        <Button type="submit" isDisabled={form.busy}>
          {form.busy ? 'Enregistrement…' : draft ? 'Qualifier le besoin' : 'Enregistrer l’analyse'}
        </Button>
      </ToggledForm>
    </>
  );
}
