import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  Disclosure,
  DisclosurePanel,
  FieldError,
  Form,
  Label,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  TextArea,
  TextField,
} from 'react-aria-components';
import { Link } from 'react-router';
import { api, ApiError, describeError, ok } from '../api/client';
import type { components, FollowUpView } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Checks, clearing, fieldMessages } from '../ui/forms';
import { CONTRACT_LABELS } from '../ui/labels';
import { Alert, Badge, Button, formatDate, formatDateTime, Loading, PageTitle } from '../ui/ui';

type AnswerRequest = components['schemas']['FollowUpAnswerRequest'];
type Difficulty = NonNullable<AnswerRequest['difficulties']>[number];
type State = 'due' | 'overdue' | 'upcoming' | 'answered';

const STATES: ReadonlyArray<{ id: State; label: string; heading: string; empty: string }> = [
  { id: 'due', label: 'À faire', heading: 'Suivis à faire', empty: 'Aucun suivi à faire en ce moment.' },
  {
    id: 'overdue',
    label: 'En retard',
    heading: 'Suivis en retard',
    empty: 'Aucun suivi en retard : bravo.',
  },
  { id: 'upcoming', label: 'À venir', heading: 'Suivis à venir', empty: 'Aucun suivi à venir.' },
  { id: 'answered', label: 'Faits', heading: 'Suivis faits', empty: 'Aucun suivi renseigné pour le moment.' },
];

const KIND_LABELS: Record<string, string> = {
  placement: 'Suivi dans l’emploi',
  coaching_end: 'Suivi après la fin de l’accompagnement',
};

const MILESTONE_LABELS: Record<string, string> = { m1: 'M+1', m3: 'M+3', m6: 'M+6' };

const DIFFICULTIES: ReadonlyArray<{ id: Difficulty; label: string }> = [
  { id: 'transport', label: 'Transport, mobilité' },
  { id: 'childcare', label: 'Garde d’enfants' },
  { id: 'hours', label: 'Horaires' },
  { id: 'relations_at_work', label: 'Relations au travail' },
  { id: 'health', label: 'Santé' },
  { id: 'pay', label: 'Rémunération' },
  { id: 'other', label: 'Autre' },
];
const DIFFICULTY_LABELS: Record<string, string> = Object.fromEntries(DIFFICULTIES.map((d) => [d.id, d.label]));

const tabStyle = ({ isSelected }: { isSelected: boolean }) => ({
  padding: '0.5rem 0.8rem',
  cursor: 'pointer',
  borderBottom: isSelected ? '4px solid var(--accent)' : '4px solid transparent',
  fontWeight: isSelected ? 700 : 400,
  color: isSelected ? 'var(--accent)' : 'var(--ink)',
  outlineOffset: '-3px',
});

/** Follow-up checkpoints as a task list: due, overdue, upcoming and answered, each answered in place. */
export function FollowUpsPage() {
  const { user } = useAuth();
  const canAnswer = hasRole(user, 'coach', 'platform_staff');
  const [state, setState] = useState<State>('due');
  const [items, setItems] = useState<FollowUpView[] | null>(null);
  const [overdue, setOverdue] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    ok<{ items: FollowUpView[] }>(api.GET('/follow-ups', { params: { query: { state } } }))
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        if (state === 'overdue') setOverdue(page.items.length);
      })
      .catch((caught: unknown) => live && setError(describeError(caught)));
    if (state !== 'overdue')
      ok<{ items: FollowUpView[] }>(api.GET('/follow-ups', { params: { query: { state: 'overdue' } } }))
        .then((page) => live && setOverdue(page.items.length))
        .catch(() => live && setOverdue(null));
    return () => {
      live = false;
    };
  }, [state, version]);

  const answered = useCallback((followUp: FollowUpView) => {
    setDone(
      `Suivi ${MILESTONE_LABELS[followUp.milestone] ?? followUp.milestone} de ${followUp.person} enregistré : il est maintenant dans l’onglet « Faits ».`,
    );
    setVersion((value) => value + 1);
    headingRef.current?.focus();
  }, []);

  const current = STATES.find((option) => option.id === state)!;

  return (
    <>
      <PageTitle title="Suivis">Suivis après l’embauche et après l’accompagnement</PageTitle>
      <p className="muted">
        Chaque personne est recontactée à M+1, M+3 et M+6 après le début d’un emploi et après la fin de son
        accompagnement. Un suivi passe « en retard » 7 jours après sa date prévue.
      </p>
      <div className="card" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 1rem' }}>
        <p style={{ margin: 0 }}>
          {overdue === null ? (
            'Suivis en retard : nombre indisponible.'
          ) : (
            <>
              <span className={overdue > 0 ? 'figure target-missed' : 'figure'}>{overdue}</span>{' '}
              {overdue > 0 ? (
                <>
                  <span aria-hidden="true">⚠ </span>
                  suivi{overdue > 1 ? 's' : ''} en retard (plus de 7 jours après la date prévue)
                </>
              ) : (
                'suivi en retard'
              )}
            </>
          )}
        </p>
        {overdue !== null && overdue > 0 && state !== 'overdue' && (
          <Button variant="secondary" onPress={() => setState('overdue')}>
            Voir les suivis en retard
          </Button>
        )}
      </div>
      {done && <Alert kind="success">{done}</Alert>}
      {error && <Alert>{error}</Alert>}
      <Tabs
        selectedKey={state}
        onSelectionChange={(key) => {
          setDone(null);
          setState(key as State);
        }}
      >
        <TabList
          aria-label="État des suivis"
          style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem', borderBottom: '1px solid var(--line)' }}
        >
          {STATES.map((option) => (
            <Tab key={option.id} id={option.id} style={tabStyle}>
              {option.label}
              {option.id === 'overdue' && overdue !== null ? ` (${overdue})` : ''}
            </Tab>
          ))}
        </TabList>
        {STATES.map((option) => (
          <TabPanel key={option.id} id={option.id} style={{ paddingTop: '0.5rem' }}>
            <h2 ref={headingRef} tabIndex={-1}>
              {current.heading}
              {items ? ` (${items.length})` : ''}
            </h2>
            {!items && !error && <Loading what="des suivis" />}
            {items && items.length === 0 && <p>{current.empty}</p>}
            {items && items.length > 0 && (
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <FollowUpItem key={item.id} item={item} canAnswer={canAnswer} onAnswered={answered} />
                ))}
              </ul>
            )}
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}

function StateBadge({ state }: { state: string }) {
  if (state === 'overdue') return <Badge tone="danger">En retard</Badge>;
  if (state === 'due') return <Badge tone="warning">À faire</Badge>;
  if (state === 'answered') return <Badge tone="success">Fait</Badge>;
  return <Badge>À venir</Badge>;
}

function FollowUpItem({
  item,
  canAnswer,
  onAnswered,
}: {
  item: FollowUpView;
  canAnswer: boolean;
  onAnswered: (item: FollowUpView) => void;
}) {
  const milestone = MILESTONE_LABELS[item.milestone] ?? item.milestone;
  return (
    <li className="card">
      <h3 style={{ marginTop: 0 }}>
        <Link to={`/personnes/${item.beneficiaryId}`}>{item.person || 'Personne'}</Link> — {milestone}
      </h3>
      <p style={{ margin: '0 0 0.5rem' }}>
        <StateBadge state={item.state} />
        <span>{KIND_LABELS[item.kind] ?? item.kind}</span>
      </p>
      <dl className="facts">
        <dt>Échéance</dt>
        <dd>
          {milestone}, le {formatDate(item.dueOn)}
        </dd>
        {item.placement && (
          <>
            <dt>Employeur</dt>
            <dd>{item.placement.employerName}</dd>
            <dt>Contrat</dt>
            <dd>
              {CONTRACT_LABELS[item.placement.contractType] ?? item.placement.contractType}, depuis le{' '}
              {formatDate(item.placement.startDate)}
            </dd>
          </>
        )}
      </dl>
      {item.answer && <AnswerSummary kind={item.kind} answer={item.answer} />}
      {!item.answer && item.state === 'upcoming' && (
        <p className="muted">Ce suivi pourra être renseigné à partir du {formatDate(item.dueOn)}.</p>
      )}
      {!item.answer && item.state !== 'upcoming' && !canAnswer && (
        <p className="muted">
          À renseigner par le ou la conseiller·ère référent·e, ou la personne à qui le suivi est confié.
        </p>
      )}
      {!item.answer && item.state !== 'upcoming' && canAnswer && (
        <Disclosure style={{ marginTop: '0.75rem' }}>
          <Button slot="trigger" variant={item.state === 'overdue' ? 'primary' : 'secondary'}>
            Renseigner le suivi {milestone} de {item.person || 'la personne'}
          </Button>
          <DisclosurePanel>
            <AnswerForm item={item} onAnswered={onAnswered} />
          </DisclosurePanel>
        </Disclosure>
      )}
    </li>
  );
}

function AnswerSummary({ kind, answer }: { kind: string; answer: NonNullable<FollowUpView['answer']> }) {
  return (
    <>
      <h4 style={{ margin: '0.75rem 0 0.25rem' }}>Réponse du {formatDateTime(answer.answeredAt)}</h4>
      <dl className="facts">
        <dt>{kind === 'placement' ? 'Toujours en emploi' : 'En emploi'}</dt>
        <dd>{answer.inJob ? 'Oui' : 'Non'}</dd>
        {answer.rsaExit !== null && (
          <>
            <dt>Sortie du RSA</dt>
            <dd>{answer.rsaExit ? 'Oui' : 'Non'}</dd>
          </>
        )}
        <dt>Difficultés</dt>
        <dd>
          {answer.difficulties.length === 0
            ? 'Aucune'
            : answer.difficulties.map((difficulty) => DIFFICULTY_LABELS[difficulty] ?? difficulty).join(', ')}
        </dd>
        {answer.employerView && (
          <>
            <dt>Avis de l’employeur</dt>
            <dd>{answer.employerView}</dd>
          </>
        )}
        {answer.note && (
          <>
            <dt>Note</dt>
            <dd>{answer.note}</dd>
          </>
        )}
      </dl>
    </>
  );
}

const radioStyle = { display: 'flex', alignItems: 'center', gap: '0.4rem', cursor: 'pointer', padding: '0.2rem 0' };

function YesNo({ isSelected, label }: { isSelected: boolean; label: string }) {
  return (
    <>
      <span
        aria-hidden="true"
        style={{
          width: '1.2rem',
          height: '1.2rem',
          borderRadius: '50%',
          border: '2px solid #767676',
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          borderColor: isSelected ? 'var(--accent)' : '#767676',
        }}
      >
        {isSelected && (
          <span style={{ width: '0.6rem', height: '0.6rem', borderRadius: '50%', background: 'var(--accent)' }} />
        )}
      </span>
      {label}
    </>
  );
}

/** A field of the answer form: its name in the form, its label, its value and its error. */
interface AnswerFieldProps<V> {
  readonly name: string;
  readonly label: string;
  readonly value: V;
  readonly onChange: (value: string) => void;
  readonly error?: string;
}

/** A required yes-or-no question (values `yes` and `no`) with its error. */
function YesNoQuestion({ name, label, value, onChange, error }: AnswerFieldProps<string | null>) {
  return (
    <RadioGroup name={name} value={value} onChange={onChange} isRequired className="field" isInvalid={!!error}>
      <Label>{label}</Label>
      <div style={{ display: 'flex', gap: '1.5rem' }}>
        <Radio value="yes" style={radioStyle}>
          {({ isSelected }) => <YesNo isSelected={isSelected} label="Oui" />}
        </Radio>
        <Radio value="no" style={radioStyle}>
          {({ isSelected }) => <YesNo isSelected={isSelected} label="Non" />}
        </Radio>
      </div>
      <FieldError>{error}</FieldError>
    </RadioGroup>
  );
}

/** An optional free text, 2,000 characters at most, with its error. */
function FreeText({ name, label, value, onChange, error }: AnswerFieldProps<string>) {
  return (
    <TextField name={name} value={value} onChange={onChange} maxLength={2000} isInvalid={!!error}>
      <Label>{label}</Label>
      <TextArea rows={3} style={{ width: '100%' }} />
      <FieldError>{error}</FieldError>
    </TextField>
  );
}

const FIELD_MESSAGES: Record<string, string> = {
  inJob: 'Indiquez si la personne est en emploi.',
  rsaExit: 'Indiquez si la personne est sortie du RSA (obligatoire après la fin de l’accompagnement).',
  dueOn: 'Ce suivi n’est pas encore arrivé à échéance.',
  employerView: 'L’avis de l’employeur doit faire 2 000 caractères au plus.',
  note: 'La note doit faire 2 000 caractères au plus.',
  difficulties: 'Choisissez des difficultés dans la liste.',
};

/** The checkpoint's answer: in a job, RSA exit (after the end of coaching), difficulties, employer's view, note. */
function AnswerForm({ item, onAnswered }: { item: FollowUpView; onAnswered: (item: FollowUpView) => void }) {
  const [inJob, setInJob] = useState<string | null>(null);
  const [rsaExit, setRsaExit] = useState<string | null>(null);
  const [difficulties, setDifficulties] = useState<string[]>([]);
  const [employerView, setEmployerView] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsRsaExit = item.kind === 'coaching_end';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (inJob === null) problems.inJob = FIELD_MESSAGES.inJob;
    if (needsRsaExit && rsaExit === null) problems.rsaExit = FIELD_MESSAGES.rsaExit;
    if (employerView.length > 2000) problems.employerView = FIELD_MESSAGES.employerView;
    if (note.length > 2000) problems.note = FIELD_MESSAGES.note;
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      setError('Le formulaire contient des erreurs : corrigez les champs signalés.');
      return;
    }
    const body: AnswerRequest = {
      inJob: inJob === 'yes',
      difficulties: difficulties as Difficulty[],
      ...(rsaExit !== null && needsRsaExit ? { rsaExit: rsaExit === 'yes' } : {}),
      ...(employerView.trim() ? { employerView: employerView.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setBusy(true);
    try {
      const saved = await ok<FollowUpView>(
        api.POST('/follow-ups/{id}/answer', { params: { path: { id: item.id } }, body }),
      );
      onAnswered(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.details.length > 0 && caught.status === 400) {
        const fromServer = fieldMessages(caught, FIELD_MESSAGES);
        setErrors(fromServer);
        setError(
          fromServer.dueOn
            ? FIELD_MESSAGES.dueOn
            : 'La réponse n’a pas été enregistrée : corrigez les champs signalés.',
        );
      } else if (caught instanceof ApiError && caught.code === 'follow_up.answered') {
        setError('Ce suivi a déjà été renseigné (peut-être par un·e collègue) : actualisez la liste.');
      } else if (caught instanceof ApiError && caught.status === 404) {
        setError('Ce suivi ne vous est pas attribué : seul·e la personne référente ou assignée peut le renseigner.');
      } else setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      onSubmit={(event) => void submit(event)}
      validationBehavior="aria"
      validationErrors={errors}
      style={{ marginTop: '0.75rem' }}
    >
      {error && <Alert>{error}</Alert>}
      <YesNoQuestion
        name="inJob"
        label={item.kind === 'placement' ? 'Toujours en emploi ?' : 'En emploi à la date du suivi ?'}
        value={inJob}
        onChange={clearing(setInJob, 'inJob', setErrors)}
        error={errors.inJob}
      />
      {needsRsaExit && (
        <YesNoQuestion
          name="rsaExit"
          label="Sortie du RSA ?"
          value={rsaExit}
          onChange={clearing(setRsaExit, 'rsaExit', setErrors)}
          error={errors.rsaExit}
        />
      )}
      <Checks
        label="Difficultés rencontrées"
        name="difficulties"
        description="Cochez toutes celles qui s’appliquent, ou aucune."
        options={DIFFICULTIES}
        value={difficulties}
        onChange={clearing(setDifficulties, 'difficulties', setErrors)}
        isInvalid={!!errors.difficulties}
        errorMessage={errors.difficulties}
      />
      <FreeText
        name="employerView"
        label="Avis de l’employeur (facultatif)"
        value={employerView}
        onChange={clearing(setEmployerView, 'employerView', setErrors)}
        error={errors.employerView}
      />
      <FreeText
        name="note"
        label="Note (facultative)"
        value={note}
        onChange={clearing(setNote, 'note', setErrors)}
        error={errors.note}
      />
      <div className="actions">
        <Button type="submit" isDisabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer le suivi'}
        </Button>
      </div>
    </Form>
  );
}
