import { type FormEvent, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import {
  Checkbox,
  ComboBox,
  FieldError,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { Link, useParams } from 'react-router';
import type {
  CandidateRequestView,
  CapturedOffersReport,
  DeclineReason,
  EmployerView,
  IntroductionStatus,
} from '@passerelle/mediation';
import { api, ApiError, describeError, ok } from '../api/client';
import type { CandidateCard, components, IntroductionSummary, IntroductionView, PlacementView } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Box, Checks, Choice, Field, formProblem, NativeDate, TagList } from '../ui/forms';
import { type Suggestion, useReferentialSuggestions } from '../ui/referential';
import {
  type ContractDraft,
  contractBody,
  ContractFields,
  contractSummary,
  emptyContract,
} from '../features/placement/contract-fields';
import { Alert, Badge, Button, formatDate, formatDateTime, Loading, PageTitle, parisToday, percent } from '../ui/ui';

/* ------------------------------------------------------------------ labels and rules */

const STATUS_LABELS: Record<IntroductionStatus, string> = {
  proposed: 'Proposée',
  accepted: 'Acceptée par la personne',
  card_sent: 'Fiche envoyée',
  employer_interested: 'Employeur intéressé',
  interview: 'Entretien',
  trial: 'Immersion (PMSMP)',
  hired: 'Embauche',
  declined: 'Refusée',
  withdrawn: 'Retirée',
};

const STATUS_TONES: Partial<Record<IntroductionStatus, 'warning' | 'danger' | 'success'>> = {
  hired: 'success',
  declined: 'danger',
  withdrawn: 'warning',
};

const MOVE_LABELS: Record<IntroductionStatus, string> = {
  proposed: 'Proposer',
  accepted: 'La personne accepte',
  card_sent: 'Fiche envoyée à l’employeur',
  employer_interested: 'L’employeur est intéressé',
  interview: 'Fixer un entretien',
  trial: 'Démarrer une immersion (PMSMP)',
  hired: 'Embauche',
  declined: 'Refus',
  withdrawn: 'Retirer la mise en relation',
};

const DECLINE_REASONS: ReadonlyArray<{ id: DeclineReason; label: string }> = [
  { id: 'skills_mismatch', label: 'Compétences ne correspondant pas' },
  { id: 'schedule', label: 'Horaires incompatibles' },
  { id: 'distance', label: 'Trop loin' },
  { id: 'position_filled', label: 'Poste déjà pourvu' },
  { id: 'person_declined', label: 'La personne renonce' },
  { id: 'no_show', label: 'Absence à l’entretien' },
  { id: 'other', label: 'Autre motif' },
];

const ANSWER_LABELS: Record<string, string> = {
  interested: 'Souhaite rencontrer la personne',
  not_now: 'Pas pour le moment',
  question: 'Pose une question',
};

const BOARD_COLUMNS: ReadonlyArray<{ id: string; label: string; statuses: readonly IntroductionStatus[] }> = [
  { id: 'proposed', label: 'Proposées', statuses: ['proposed'] },
  { id: 'accepted', label: 'Acceptées', statuses: ['accepted'] },
  { id: 'card_sent', label: 'Fiche envoyée', statuses: ['card_sent'] },
  { id: 'employer_interested', label: 'Employeur intéressé', statuses: ['employer_interested'] },
  { id: 'interview', label: 'Entretien', statuses: ['interview'] },
  { id: 'trial', label: 'Immersion', statuses: ['trial'] },
  { id: 'hired', label: 'Embauche', statuses: ['hired'] },
  { id: 'closed', label: 'Clôturées', statuses: ['declined', 'withdrawn'] },
];

const INTERACTION_KINDS = [
  { id: 'visit', label: 'Visite' },
  { id: 'call', label: 'Appel' },
  { id: 'email', label: 'E-mail' },
  { id: 'event', label: 'Événement' },
] as const;
type InteractionKind = (typeof INTERACTION_KINDS)[number]['id'];

const SIZE_BANDS = [
  { id: 'unknown', label: 'Non précisée' },
  { id: '0', label: 'Sans salarié' },
  { id: '1-9', label: '1 à 9 salariés' },
  { id: '10-49', label: '10 à 49 salariés' },
  { id: '50-249', label: '50 à 249 salariés' },
  { id: '250+', label: '250 salariés et plus' },
] as const;
type SizeBand = (typeof SIZE_BANDS)[number]['id'];

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function Toggle({
  open,
  onChange,
  controls,
  children,
}: {
  open: boolean;
  onChange: (open: boolean) => void;
  controls: string;
  children: ReactNode;
}) {
  return (
    <Button variant="secondary" aria-expanded={open} aria-controls={controls} onPress={() => onChange(!open)}>
      {children}
    </Button>
  );
}

/** A form behind a toggle button (which also cancels it), with the problem the API found above its fields. */
function ToggledForm({
  id,
  open,
  onOpenChange,
  openLabel,
  label,
  problem,
  errors,
  onSubmit,
  children,
}: {
  id: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  openLabel: string;
  label: string;
  problem: string | null;
  errors: Record<string, string>;
  onSubmit: (event: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <>
      <Toggle open={open} onChange={onOpenChange} controls={id}>
        {open ? 'Annuler' : openLabel}
      </Toggle>
      {open && (
        <div id={id} style={{ marginTop: '0.5rem' }}>
          {problem && <Alert>{problem}</Alert>}
          <Form validationErrors={errors} onSubmit={(event) => void onSubmit(event)} aria-label={label}>
            {children}
          </Form>
        </div>
      )}
    </>
  );
}

/* ------------------------------------------------------------------ /mediation */

/** The mediators' desk: introductions by stage, actions due, employers, candidate requests, the 48-hour report. */
export function MediationPage() {
  const { user } = useAuth();
  const managesEmployers = hasRole(user, 'coach', 'platform_staff');
  const [followUpsVersion, setFollowUpsVersion] = useState(0);
  return (
    <>
      <PageTitle title="Médiation">Médiation avec les employeurs</PageTitle>
      <IntroductionsBoard />
      {managesEmployers && <EmployerFollowUps version={followUpsVersion} />}
      {managesEmployers && <EmployersSection onLogged={() => setFollowUpsVersion((version) => version + 1)} />}
      {hasRole(user, 'coach', 'platform_staff', 'manager') && <CandidateRequests />}
      <CapturedOffersSummary />
    </>
  );
}

function IntroductionsBoard() {
  const [items, setItems] = useState<IntroductionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ok<{ items: IntroductionSummary[] }>(api.GET('/introductions'))
      .then((page) => setItems(page.items))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);

  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">Mises en relation</h2>
      {error && <Alert>{error}</Alert>}
      {!items && !error && <Loading what="des mises en relation" />}
      {items && items.length === 0 && <p>Aucune mise en relation pour l’instant.</p>}
      {items && items.length > 0 && (
        <div className="board" role="region" aria-label="Mises en relation par étape">
          {BOARD_COLUMNS.map((column) => {
            const cards = items.filter((item) => column.statuses.includes(item.status));
            return (
              <section key={column.id} className="board-column" aria-labelledby={`column-${column.id}`}>
                <h3 id={`column-${column.id}`}>
                  {column.label} <span className="muted">({cards.length})</span>
                </h3>
                {cards.length === 0 ? (
                  <p className="muted">Aucune.</p>
                ) : (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {cards.map((item) => (
                      <li key={item.id} className="board-card">
                        <Link to={`/mises-en-relation/${item.id}`}>
                          <strong>{item.firstName ?? 'Personne (fiche à venir)'}</strong>
                          <span className="visually-hidden"> chez {item.employerName}</span>
                        </Link>
                        {column.id === 'closed' && (
                          <>
                            {' '}
                            <Badge tone={STATUS_TONES[item.status] ?? 'neutral'}>{STATUS_LABELS[item.status]}</Badge>
                          </>
                        )}
                        <div>{item.employerName}</div>
                        {item.offerTitle && <div className="muted">{item.offerTitle}</div>}
                        {item.interviewAt && item.status === 'interview' && (
                          <div>Entretien le {formatDateTime(item.interviewAt)}</div>
                        )}
                        {item.lastAnswer && (
                          <div>
                            <Badge tone={item.lastAnswer.answer === 'interested' ? 'success' : 'warning'}>
                              {ANSWER_LABELS[item.lastAnswer.answer] ?? item.lastAnswer.answer}
                            </Badge>
                            <span className="muted"> le {formatDate(item.lastAnswer.at)}</span>
                            {item.lastAnswer.message && <div>« {item.lastAnswer.message} »</div>}
                          </div>
                        )}
                        <div className="muted">Mise à jour le {formatDate(item.updatedAt)}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

interface DueAction {
  readonly id: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly nextAction: string;
  readonly nextActionOn: string;
}

function EmployerFollowUps({ version }: { version: number }) {
  const [items, setItems] = useState<DueAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    ok<{ items: DueAction[] }>(api.GET('/employers/follow-ups'))
      .then((page) => setItems(page.items))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [version]);
  const today = parisToday();

  const complete = async (action: DueAction) => {
    setError(null);
    try {
      await ok<unknown>(api.POST('/employers/interactions/{id}/done', { params: { path: { id: action.id } } }));
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

/* ------------------------------------------------------------------ employers */

function EmployersSection({ onLogged }: { onLogged: () => void }) {
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [items, setItems] = useState<EmployerView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    ok<{ items: EmployerView[] }>(
      api.GET('/employers', { params: { query: applied.trim() ? { q: applied.trim() } : {} } }),
    )
      .then((page) => setItems(page.items))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [applied]);
  useEffect(load, [load]);

  return (
    <section aria-labelledby="employers-title">
      <h2 id="employers-title">Employeurs</h2>
      <div className="toolbar">
        <Form
          role="search"
          aria-label="Rechercher un employeur"
          onSubmit={(event) => {
            event.preventDefault();
            setApplied(query);
          }}
          style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem', alignItems: 'flex-end' }}
        >
          <TextField value={query} onChange={setQuery} className="field" maxLength={100}>
            <Label>Rechercher un employeur</Label>
            <Input placeholder="Nom ou SIRET" />
          </TextField>
          <div className="field">
            <Button type="submit" variant="secondary">
              Rechercher
            </Button>
          </div>
        </Form>
        <div className="field">
          <Toggle open={creating} onChange={setCreating} controls="new-employer">
            {creating ? 'Fermer le formulaire' : 'Nouvel employeur'}
          </Toggle>
        </div>
      </div>
      {creating && (
        <NewEmployerForm
          onCreated={(employer) => {
            setCreating(false);
            setItems((previous) => [employer, ...(previous ?? []).filter((item) => item.id !== employer.id)]);
            setOpenId(employer.id);
          }}
        />
      )}
      {error && <Alert>{error}</Alert>}
      {!items && !error && <Loading what="des employeurs" />}
      {items && items.length === 0 && <p>Aucun employeur{applied ? ' ne correspond à la recherche' : ''}.</p>}
      {items && items.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((employer) => (
            <li key={employer.id} className="card">
              <h3 style={{ marginTop: 0 }}>{employer.name}</h3>
              <p className="muted" style={{ margin: '0 0 0.5rem' }}>
                {[
                  employer.sector,
                  employer.sizeBand ? SIZE_BANDS.find((band) => band.id === employer.sizeBand)?.label : null,
                  employer.communeName,
                  employer.siret ? `SIRET ${employer.siret}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <Toggle
                open={openId === employer.id}
                onChange={(open) => setOpenId(open ? employer.id : null)}
                controls={`employer-${employer.id}`}
              >
                {openId === employer.id ? 'Fermer la fiche' : 'Contacts et échanges'}
                <span className="visually-hidden"> : {employer.name}</span>
              </Toggle>
              {openId === employer.id && (
                <div id={`employer-${employer.id}`}>
                  <EmployerDetail employerId={employer.id} onLogged={onLogged} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewEmployerForm({ onCreated }: { onCreated: (employer: EmployerView) => void }) {
  const [siret, setSiret] = useState('');
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [sizeBand, setSizeBand] = useState<SizeBand>('unknown');
  const [insee, setInsee] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      const employer = await ok<EmployerView>(
        api.POST('/employers', {
          body: {
            name: name.trim(),
            ...(siret.trim() ? { siret: siret.replace(/\s/g, '') } : {}),
            ...(sector.trim() ? { sector: sector.trim() } : {}),
            ...(sizeBand !== 'unknown' ? { sizeBand } : {}),
            commune: { inseeCode: insee.trim().toUpperCase() },
          },
        }),
      );
      onCreated(employer);
    } catch (caught) {
      const { byField, message } = formProblem(caught, ['siret', 'name', 'sector', 'sizeBand', 'commune']);
      setErrors(byField);
      setProblem(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div id="new-employer" className="card">
      <h3 style={{ marginTop: 0 }}>Nouvel employeur</h3>
      {problem && <Alert>{problem}</Alert>}
      <Form validationErrors={errors} onSubmit={(event) => void submit(event)} aria-label="Nouvel employeur">
        <div className="grid">
          <div>
            <Field label="Raison sociale" name="name" value={name} onChange={setName} isRequired maxLength={200} />
            <Field
              label="SIRET"
              name="siret"
              value={siret}
              onChange={setSiret}
              description="Facultatif ; 14 chiffres"
              inputMode="numeric"
              maxLength={17}
            />
            <Field label="Secteur d’activité" name="sector" value={sector} onChange={setSector} maxLength={200} />
          </div>
          <div>
            <Choice label="Effectif" options={SIZE_BANDS} value={sizeBand} onChange={setSizeBand} />
            <Field
              label="Code INSEE de la commune"
              name="commune"
              value={insee}
              onChange={setInsee}
              isRequired
              description="ex. 59350 pour Lille"
              maxLength={5}
            />
          </div>
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer l’employeur'}
          </Button>
        </div>
      </Form>
    </div>
  );
}

interface EmployerContact {
  readonly id: string;
  readonly name: string;
  readonly role: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

interface EmployerInteraction {
  readonly id: string;
  readonly kind: InteractionKind;
  readonly occurredOn: string;
  readonly outcome: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: string | null;
  readonly nextActionDoneAt: string | null;
}

interface EmployerDetailView extends EmployerView {
  readonly contacts: EmployerContact[];
  readonly interactions: EmployerInteraction[];
  readonly analyses?: JobAnalysisSummary[];
}

interface JobAnalysisSummary {
  readonly id: string;
  readonly title: string;
  readonly romeCode: string | null;
  readonly offerId: string | null;
  readonly analysedOn: string;
  readonly negotiatedAway?: string[] | null;
}

function EmployerDetail({ employerId, onLogged }: { employerId: string; onLogged: () => void }) {
  const [detail, setDetail] = useState<EmployerDetailView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    ok<EmployerDetailView>(api.GET('/employers/{id}', { params: { path: { id: employerId } } }))
      .then(setDetail)
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [employerId]);
  useEffect(load, [load]);

  if (error) return <Alert>{error}</Alert>;
  if (!detail) return <Loading what="de la fiche employeur" />;
  const kindLabel = (kind: string) => INTERACTION_KINDS.find((item) => item.id === kind)?.label ?? kind;

  return (
    <div className="grid" style={{ marginTop: '0.75rem' }}>
      <div>
        <h4>Contacts</h4>
        {detail.contacts.length === 0 ? (
          <p className="muted">Aucun contact enregistré.</p>
        ) : (
          <ul>
            {detail.contacts.map((contact) => (
              <li key={contact.id}>
                <strong>{contact.name}</strong>
                {contact.role && `, ${contact.role}`}
                {contact.phone && (
                  <>
                    {' '}
                    · <a href={`tel:${contact.phone.replace(/[\s.]/g, '')}`}>{contact.phone}</a>
                  </>
                )}
                {contact.email && (
                  <>
                    {' '}
                    · <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <ContactForm employerId={employerId} onAdded={load} />
      </div>
      <div>
        <h4>Échanges</h4>
        {detail.interactions.length === 0 ? (
          <p className="muted">Aucun échange enregistré.</p>
        ) : (
          <ol className="timeline">
            {detail.interactions.map((interaction) => (
              <li key={interaction.id}>
                <strong>{kindLabel(interaction.kind)}</strong> le {formatDate(interaction.occurredOn)}
                {interaction.outcome && <div>{interaction.outcome}</div>}
                {interaction.nextAction && (
                  <div className="muted">
                    Suite : {interaction.nextAction} le {formatDate(interaction.nextActionOn)}{' '}
                    {interaction.nextActionDoneAt ? <Badge tone="success">Faite</Badge> : <Badge>À faire</Badge>}
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
        <InteractionForm
          employerId={employerId}
          contacts={detail.contacts}
          onLogged={() => {
            load();
            onLogged();
          }}
        />
      </div>
      <div style={{ gridColumn: '1 / -1' }}>
        <h4>Analyses de poste</h4>
        {detail.analyses && <JobAnalysisList analyses={detail.analyses} />}
        <JobAnalysisForm employerId={employerId} onAnalysed={load} />
      </div>
    </div>
  );
}

function JobAnalysisList({ analyses }: { analyses: readonly JobAnalysisSummary[] }) {
  if (analyses.length === 0) return <p className="muted">Aucune analyse de poste enregistrée.</p>;
  return (
    <ul>
      {analyses.map((analysis) => (
        <li key={analysis.id}>
          {analysis.offerId ? <Link to={`/offres/${analysis.offerId}`}>{analysis.title}</Link> : analysis.title}
          {analysis.romeCode && <span className="muted"> · ROME {analysis.romeCode}</span>}{' '}
          <span className="muted">(analysé le {formatDate(analysis.analysedOn)})</span>
          {analysis.offerId && (
            <>
              {' '}
              <Badge tone="success">Offre captée</Badge>
            </>
          )}
          {analysis.negotiatedAway && analysis.negotiatedAway.length > 0 && (
            <div className="muted">Exigences levées : {analysis.negotiatedAway.join(' ; ')}</div>
          )}
        </li>
      ))}
    </ul>
  );
}

function ContactForm({ employerId, onAdded }: { employerId: string; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = `contact-form-${employerId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      await ok<{ id: string }>(
        api.POST('/employers/{id}/contacts', {
          params: { path: { id: employerId } },
          body: {
            name: name.trim(),
            ...(role.trim() ? { role: role.trim() } : {}),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(email.trim() ? { email: email.trim() } : {}),
          },
        }),
      );
      setName('');
      setRole('');
      setPhone('');
      setEmail('');
      setOpen(false);
      onAdded();
    } catch (caught) {
      const { byField, message } = formProblem(caught, ['name', 'role', 'phone', 'email']);
      setErrors(byField);
      setProblem(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ToggledForm
      id={formId}
      open={open}
      onOpenChange={setOpen}
      openLabel="Ajouter un contact"
      label="Nouveau contact"
      problem={problem}
      errors={errors}
      onSubmit={submit}
    >
      <Field label="Nom" name="name" value={name} onChange={setName} isRequired maxLength={200} />
      <Field label="Fonction" name="role" value={role} onChange={setRole} maxLength={200} />
      <Field label="Téléphone" name="phone" value={phone} onChange={setPhone} inputMode="tel" maxLength={20} />
      <Field label="E-mail" name="email" value={email} onChange={setEmail} inputMode="email" maxLength={200} />
      <Button type="submit" isDisabled={busy}>
        {busy ? 'Enregistrement…' : 'Enregistrer le contact'}
      </Button>
    </ToggledForm>
  );
}

function InteractionForm({
  employerId,
  contacts,
  onLogged,
}: {
  employerId: string;
  contacts: EmployerContact[];
  onLogged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<InteractionKind>('call');
  const [occurredOn, setOccurredOn] = useState(parisToday());
  const [contactId, setContactId] = useState('none');
  const [outcome, setOutcome] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [nextActionOn, setNextActionOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = `interaction-form-${employerId}`;
  const contactOptions = useMemo(
    () => [
      { id: 'none', label: 'Aucun en particulier' },
      ...contacts.map((contact) => ({ id: contact.id, label: contact.name })),
    ],
    [contacts],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setErrors({});
    if (nextAction.trim() && !nextActionOn) {
      setErrors({ nextActionOn: 'indiquez la date de l’action suivante' });
      setProblem('Corrigez les champs signalés.');
      return;
    }
    if (nextActionOn && !nextAction.trim()) {
      setErrors({ nextAction: 'décrivez l’action suivante, ou effacez sa date' });
      setProblem('Corrigez les champs signalés.');
      return;
    }
    setBusy(true);
    try {
      await ok<{ id: string }>(
        api.POST('/employers/{id}/interactions', {
          params: { path: { id: employerId } },
          body: {
            kind,
            occurredOn,
            ...(contactId !== 'none' ? { contactId } : {}),
            ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
            ...(nextAction.trim() ? { nextAction: nextAction.trim(), nextActionOn } : {}),
          },
        }),
      );
      setOutcome('');
      setNextAction('');
      setNextActionOn('');
      setOpen(false);
      onLogged();
    } catch (caught) {
      const { byField, message } = formProblem(caught, [
        'kind',
        'occurredOn',
        'contactId',
        'outcome',
        'nextAction',
        'nextActionOn',
      ]);
      setErrors(byField);
      setProblem(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ToggledForm
      id={formId}
      open={open}
      onOpenChange={setOpen}
      openLabel="Noter un échange"
      label="Nouvel échange"
      problem={problem}
      errors={errors}
      onSubmit={submit}
    >
      <Choice label="Type d’échange" options={INTERACTION_KINDS} value={kind} onChange={setKind} />
      <NativeDate
        label="Date"
        name="occurredOn"
        value={occurredOn}
        onChange={setOccurredOn}
        isRequired
        error={errors.occurredOn}
      />
      {contacts.length > 0 && (
        <Choice label="Interlocuteur" options={contactOptions} value={contactId} onChange={setContactId} />
      )}
      <Field
        label="Ce qui a été dit ou décidé"
        name="outcome"
        value={outcome}
        onChange={setOutcome}
        multiline
        maxLength={2000}
      />
      <Field
        label="Action suivante"
        name="nextAction"
        value={nextAction}
        onChange={setNextAction}
        description="Facultatif ; avec sa date, elle apparaît dans « Actions à faire »"
        maxLength={500}
      />
      <NativeDate
        label="Date de l’action suivante"
        name="nextActionOn"
        value={nextActionOn}
        onChange={setNextActionOn}
        error={errors.nextActionOn}
      />
      <Button type="submit" isDisabled={busy}>
        {busy ? 'Enregistrement…' : 'Enregistrer l’échange'}
      </Button>
    </ToggledForm>
  );
}

const WORKING_TIMES = [
  { id: 'full_time', label: 'Temps plein' },
  { id: 'part_time', label: 'Temps partiel' },
] as const;
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

type Occupation = Suggestion;

const occupationText = (occupation: Occupation): string => `${occupation.label} (${occupation.code})`;

/**
 * The job's ROME occupation: a react-aria ComboBox fed by the referential as the user types; a code typed as is
 * (D1106) is taken too. Shows its form's error for `name`.
 */
function OccupationField({
  name,
  text,
  picked,
  onTextChange,
  onPick,
}: {
  name: string;
  text: string;
  picked: Occupation | null;
  onTextChange: (text: string) => void;
  onPick: (occupation: Occupation | null) => void;
}) {
  const showsPicked = picked !== null && text === occupationText(picked);
  const { items: found, searching } = useReferentialSuggestions('occupations', text, !showsPicked);
  // The picked occupation stays among the items, or the ComboBox would lose it.
  const items = picked && !found.some((item) => item.code === picked.code) ? [picked, ...found] : found;

  return (
    <ComboBox
      name={name}
      inputValue={text}
      onInputChange={(value) => {
        onTextChange(value);
        if (picked && value !== occupationText(picked)) onPick(null);
      }}
      selectedKey={picked?.code ?? null}
      onSelectionChange={(key) => {
        const occupation = items.find((item) => item.code === key) ?? null;
        onPick(occupation);
        if (occupation) onTextChange(occupationText(occupation));
      }}
      items={items}
      allowsCustomValue
      // Open as the user types, before the suggestions arrive (a pasted text too); the list says what it waits for.
      allowsEmptyCollection
      menuTrigger="input"
      className="field"
    >
      <Label>Métier (code ROME)</Label>
      <Input />
      <Text slot="description" className="muted">
        Facultatif ; tapez un métier et choisissez-le, ou un code ROME (ex. D1106)
      </Text>
      <FieldError />
      <Popover>
        <ListBox
          renderEmptyState={() => (
            <span className="muted" style={{ display: 'block', padding: '0.4rem 0.7rem' }}>
              {text.trim().length < 2
                ? 'Tapez au moins deux lettres.'
                : searching
                  ? 'Recherche…'
                  : 'Aucun métier trouvé ; un code ROME (ex. D1106) est aussi accepté.'}
            </span>
          )}
        >
          {(item: Occupation) => (
            <ListBoxItem id={item.code} textValue={occupationText(item)}>
              {item.label} <span className="muted">({item.code})</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** The job analysed at the workplace (analyse de poste); with « publier », also an offer (offre captée). */
function JobAnalysisForm({ employerId, onAnalysed }: { employerId: string; onAnalysed: () => void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [occupationInput, setOccupationInput] = useState('');
  const [occupation, setOccupation] = useState<Occupation | null>(null);
  const [contractType, setContractType] = useState('CDI');
  const [workingTime, setWorkingTime] = useState<WorkingTime>('full_time');
  const [analysedOn, setAnalysedOn] = useState(parisToday());
  const [schedule, setSchedule] = useState('');
  const [conditions, setConditions] = useState('');
  const [publicTransport, setPublicTransport] = useState('');
  const [lists, setLists] = useState<Record<JobAnalysisList, string>>(NO_LISTS);
  const [publish, setPublish] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ title: string; offerId: string | null } | null>(null);
  const formId = `job-analysis-form-${employerId}`;
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setErrors({});
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
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setProblem('Corrigez les champs signalés.');
      return;
    }
    setBusy(true);
    try {
      const answer = await ok<{ id: string; offerId: string | null }>(
        api.POST('/employers/{id}/job-analyses', {
          params: { path: { id: employerId } },
          body: {
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
          },
        }),
      );
      setCreated({ title: title.trim(), offerId: answer.offerId });
      reset();
      setOpen(false);
      onAnalysed();
    } catch (caught) {
      const { byField, message } = formProblem(caught, JOB_ANALYSIS_FIELDS);
      if (byField.romeCode) byField.romeCode = byField.romeCode.replace('unknown ROME code', 'code ROME inconnu');
      setErrors(byField);
      setProblem(message);
    } finally {
      setBusy(false);
    }
  };

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
            setErrors({});
            setProblem(null);
          }
        }}
        openLabel="Analyse du poste"
        label="Analyse du poste"
        problem={problem}
        errors={errors}
        onSubmit={submit}
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
              error={errors.analysedOn}
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
        <Button type="submit" isDisabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer l’analyse'}
        </Button>
      </ToggledForm>
    </>
  );
}

/* ------------------------------------------------------------------ candidate requests */

function CandidateRequests() {
  const { user } = useAuth();
  const [items, setItems] = useState<CandidateRequestView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState<CandidateRequestView | null>(null);
  useEffect(() => {
    ok<{ items: CandidateRequestView[] }>(api.GET('/candidate-requests', { params: { query: { status: 'pending' } } }))
      .then((page) => setItems(page.items))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);

  // Opened from a notification (/mediation#requests-title): the requests come into view once listed.
  const listed = items !== null;
  useEffect(() => {
    if (listed && window.location.hash === '#requests-title')
      document.getElementById('requests-title')?.scrollIntoView();
  }, [listed]);

  const toDecide = (items ?? []).filter((item) => item.requestedBy !== user?.id);
  const mine = (items ?? []).filter((item) => item.requestedBy === user?.id);
  const coach = hasRole(user, 'coach');

  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">Demandes de candidats</h2>
      {error && <Alert>{error}</Alert>}
      {decided && (
        <Alert kind="success">
          {decided.status === 'agreed' ? (
            <>
              Vous proposez {decided.label} pour « {decided.offerTitle} ».
              {decided.introductionId && (
                <>
                  {' '}
                  <Link to={`/mises-en-relation/${decided.introductionId}`}>Voir la mise en relation</Link>.
                </>
              )}
            </>
          ) : (
            <>Refus enregistré pour « {decided.offerTitle} » ; le demandeur est prévenu.</>
          )}
        </Alert>
      )}
      {!items && !error && <Loading what="des demandes" />}
      {items && items.length === 0 && <p>Aucune demande en attente.</p>}
      {toDecide.length > 0 && (
        <>
          <h3>{coach ? 'À décider pour vos accompagné·es' : 'En attente du référent'}</h3>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {toDecide.map((request) => (
              <RequestItem
                key={request.id}
                request={request}
                canDecide={coach}
                onDecided={(view) => {
                  setDecided(view);
                  setItems((previous) => previous?.filter((item) => item.id !== view.id) ?? null);
                }}
              />
            ))}
          </ul>
        </>
      )}
      {mine.length > 0 && (
        <>
          <h3>Vos demandes en attente</h3>
          <ul>
            {mine.map((request) => (
              <li key={request.id}>
                {request.label} pour <Link to={`/offres/${request.offerId}`}>{request.offerTitle}</Link>{' '}
                <span className="muted">(demandé le {formatDate(request.createdAt)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RequestItem({
  request,
  canDecide,
  onDecided,
}: {
  request: CandidateRequestView;
  canDecide: boolean;
  onDecided: (view: CandidateRequestView) => void;
}) {
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (agree: boolean) => {
    if (!agree && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDecided(
        await ok<CandidateRequestView>(
          api.POST('/candidate-requests/{id}/decision', {
            params: { path: { id: request.id } },
            body: agree ? { agree } : { agree, reason: reason.trim() },
          }),
        ),
      );
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card">
      <p style={{ marginTop: 0 }}>
        <strong>
          {request.beneficiaryId ? (
            <Link to={`/personnes/${request.beneficiaryId}`}>{request.label}</Link>
          ) : (
            request.label
          )}
        </strong>{' '}
        pour l’offre <Link to={`/offres/${request.offerId}`}>{request.offerTitle}</Link>
        <br />
        <span className="muted">
          Demandé par {request.requestedByName} le {formatDate(request.createdAt)}
        </span>
      </p>
      {request.message && <p>« {request.message} »</p>}
      {error && <Alert>{error}</Alert>}
      {canDecide && (
        <>
          <TextField
            value={reason}
            onChange={(value) => {
              setReason(value);
              setReasonMissing(false);
            }}
            isInvalid={reasonMissing}
            className="field"
            maxLength={500}
          >
            <Label>Motif en cas de refus</Label>
            <Input />
            <FieldError>Indiquez pourquoi vous ne proposez pas la personne.</FieldError>
          </TextField>
          <div className="actions">
            <Button isDisabled={busy} onPress={() => void decide(true)}>
              Accepter<span className="visually-hidden"> : proposer {request.label}</span>
            </Button>
            <Button variant="danger" isDisabled={busy} onPress={() => void decide(false)}>
              Refuser<span className="visually-hidden"> la demande pour {request.label}</span>
            </Button>
          </div>
        </>
      )}
    </li>
  );
}

/* ------------------------------------------------------------------ 48-hour report */

function CapturedOffersSummary() {
  const [report, setReport] = useState<CapturedOffersReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ok<CapturedOffersReport>(api.GET('/mediation/captured-offers'))
      .then(setReport)
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);
  const overdue = report?.items.filter((item) => item.state === 'overdue') ?? [];
  const waiting = report?.items.filter((item) => item.state === 'waiting').length ?? 0;

  return (
    <section aria-labelledby="captured-title">
      <h2 id="captured-title">Premier candidat sous 48 heures</h2>
      {error && <Alert>{error}</Alert>}
      {!report && !error && <Loading what="du suivi des offres captées" />}
      {report && (
        <div className="card">
          <p className="muted" style={{ marginTop: 0 }}>
            Offres captées ou saisies du {formatDate(report.from)} au {formatDate(report.to)} ; objectif : un premier
            candidat en moins de {report.targetHours} heures.
          </p>
          <dl className="facts">
            <dt>Offres</dt>
            <dd>{report.summary.offers}</dd>
            <dt>Avec un candidat</dt>
            <dd>{report.summary.withCandidate}</dd>
            <dt>Dans les {report.targetHours} h</dt>
            <dd>
              {percent(report.summary.withinTargetRate)}{' '}
              <span className="muted">({report.summary.withinTarget} offres)</span>
            </dd>
            <dt>Délai médian</dt>
            <dd>
              {report.summary.medianHours === null ? '—' : `${report.summary.medianHours.toLocaleString('fr-FR')} h`}
            </dd>
            <dt>En retard</dt>
            <dd>
              {report.summary.overdue > 0 ? (
                <Badge tone="danger">
                  {report.summary.overdue} sans candidat après {report.targetHours} h
                </Badge>
              ) : (
                'Aucune'
              )}
              {waiting > 0 && <span className="muted"> ; {waiting} dans le délai, en attente</span>}
            </dd>
          </dl>
          {overdue.length > 0 && (
            <>
              <h3>Offres en retard</h3>
              <ul>
                {overdue.map((item) => (
                  <li key={item.offerId}>
                    <Link to={`/offres/${item.offerId}`}>{item.title}</Link>
                    {item.employerName && ` — ${item.employerName}`}{' '}
                    <span className="muted">
                      (captée le {formatDate(item.capturedAt)}, sans candidat depuis{' '}
                      {Math.round(item.hours).toLocaleString('fr-FR')} h)
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ /mises-en-relation/:id */

/** One introduction: where it stands, its history, the next steps, the card and its link, the hire. */
export function IntroductionPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const [view, setView] = useState<IntroductionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  useEffect(() => {
    setView(null);
    setError(null);
    setMoved(null);
    ok<IntroductionView>(api.GET('/introductions/{id}', { params: { path: { id } } }))
      .then(setView)
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [id]);

  if (error || !view)
    return (
      <>
        <PageTitle title="Mise en relation">Mise en relation</PageTitle>
        {error ? <Alert>{error}</Alert> : <Loading what="de la mise en relation" />}
        <p>
          <Link to="/mediation">Retour à la médiation</Link>
        </p>
      </>
    );

  const mayAct = hasRole(user, 'coach', 'platform_staff');
  const person = view.card?.firstName ?? 'Personne';
  const lastAnswer = [...view.events].reverse().find((event) => event.kind === 'answered');
  const proposedInterview = lastAnswer ? text(lastAnswer.details.proposedInterview) : null;

  return (
    <>
      <p>
        <Link to="/mediation">← Retour à la médiation</Link>
      </p>
      <PageTitle title={`Mise en relation — ${person}`}>
        Mise en relation : {person} chez {view.employerName}
      </PageTitle>
      <p>
        <Badge tone={STATUS_TONES[view.status] ?? 'neutral'}>Étape : {STATUS_LABELS[view.status]}</Badge>
      </p>
      {moved && <Alert kind="success">{moved}</Alert>}
      <div className="grid">
        <section className="card" aria-labelledby="intro-facts">
          <h2 id="intro-facts" style={{ marginTop: 0 }}>
            En bref
          </h2>
          <dl className="facts">
            <dt>Personne</dt>
            <dd>
              {/* The file is the coach's and the manager's; a mediator knows the person by the card. */}
              {hasRole(user, 'coach', 'manager') ? (
                <Link to={`/personnes/${view.beneficiaryId}`}>{view.card?.firstName ?? 'Voir le dossier'}</Link>
              ) : (
                (view.card?.firstName ?? 'Connue une fois la fiche créée')
              )}
            </dd>
            <dt>Employeur</dt>
            <dd>{view.employerName}</dd>
            <dt>Offre</dt>
            <dd>
              {view.offerId ? (
                <Link to={`/offres/${view.offerId}`}>{view.offerTitle ?? 'Voir l’offre'}</Link>
              ) : (
                'Candidature spontanée (sans offre)'
              )}
            </dd>
            {view.interviewAt && (
              <>
                <dt>Entretien</dt>
                <dd>
                  {formatDateTime(view.interviewAt)}
                  {view.interviewPlace && `, ${view.interviewPlace}`}
                </dd>
              </>
            )}
            {view.trialStart && (
              <>
                <dt>Immersion</dt>
                <dd>
                  du {formatDate(view.trialStart)} au {formatDate(view.trialEnd)}
                </dd>
              </>
            )}
            {view.declineReason && (
              <>
                <dt>Motif du refus</dt>
                <dd>
                  {DECLINE_REASONS.find((reason) => reason.id === view.declineReason)?.label ?? view.declineReason}
                </dd>
              </>
            )}
          </dl>
        </section>
        {mayAct && view.next.length > 0 && (
          <TransitionPanel
            view={view}
            proposedInterview={proposedInterview}
            onMoved={(next) => {
              setView(next);
              setMoved(`Étape enregistrée : ${STATUS_LABELS[next.status]}.`);
            }}
          />
        )}
      </div>

      <section aria-labelledby="intro-history">
        <h2 id="intro-history">Historique</h2>
        <ol className="timeline">
          {view.events.map((event, index) => (
            <li key={`${index}-${String(event.at)}`}>
              <EventLine event={event} userId={user?.id ?? null} />
            </li>
          ))}
        </ol>
      </section>

      <CardSection
        key={view.card ? 'card' : 'no-card'}
        view={view}
        mayEdit={hasRole(user, 'coach')}
        onSaved={(card) => setView((previous) => (previous ? { ...previous, card } : previous))}
      />

      {mayAct && view.next.length > 0 && (
        <LinksSection
          view={view}
          onSent={() =>
            // Sending moves an accepted introduction to card_sent and logs events: read it again.
            void ok<IntroductionView>(api.GET('/introductions/{id}', { params: { path: { id: view.id } } }))
              .then(setView)
              .catch(() => undefined)
          }
        />
      )}

      {mayAct && view.status === 'hired' && <PlacementSection view={view} />}
    </>
  );
}

type IntroductionEvent = IntroductionView['events'][number];

function EventLine({ event, userId }: { event: IntroductionEvent; userId: string | null }) {
  const who =
    event.actorKind === 'employer'
      ? 'L’employeur'
      : event.actorUserId && event.actorUserId === userId
        ? 'Vous'
        : 'Un membre de l’équipe';
  const status = (value: string | null) => (value ? (STATUS_LABELS[value as IntroductionStatus] ?? value) : '');
  let what: ReactNode;
  switch (event.kind) {
    case 'transition':
      what = event.fromStatus ? (
        <>
          Étape : {status(event.fromStatus)} → <strong>{status(event.toStatus)}</strong>
        </>
      ) : (
        <strong>Mise en relation proposée</strong>
      );
      break;
    case 'link_sent':
      what = (
        <>
          Lien vers la fiche envoyé à l’employeur
          {text(event.details.expiresAt) && ` (valable jusqu’au ${formatDate(text(event.details.expiresAt))})`}
        </>
      );
      break;
    case 'link_revoked':
      what = 'Liens vers la fiche désactivés';
      break;
    case 'viewed':
      what = 'Fiche consultée par l’employeur';
      break;
    case 'answered': {
      const answer = text(event.details.answer) ?? '';
      const message = text(event.details.message);
      const interview = text(event.details.proposedInterview);
      what = (
        <>
          Réponse de l’employeur : <strong>{ANSWER_LABELS[answer] ?? answer}</strong>
          {message && <blockquote style={{ margin: '0.3rem 0 0.3rem 1rem' }}>« {message} »</blockquote>}
          {interview && <div>Entretien proposé : {interview}</div>}
        </>
      );
      break;
    }
    default:
      what = event.kind;
  }
  return (
    <>
      <span className="muted">
        {formatDateTime(event.at)} — {who}
      </span>
      <div>{what}</div>
    </>
  );
}

function TransitionPanel({
  view,
  proposedInterview,
  onMoved,
}: {
  view: IntroductionView;
  proposedInterview: string | null;
  onMoved: (view: IntroductionView) => void;
}) {
  const [target, setTarget] = useState<IntroductionStatus | null>(null);
  const [interviewAt, setInterviewAt] = useState('');
  const [interviewPlace, setInterviewPlace] = useState('');
  const [trialStart, setTrialStart] = useState('');
  const [trialEnd, setTrialEnd] = useState('');
  const [declineReason, setDeclineReason] = useState<DeclineReason>('skills_mismatch');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (status: IntroductionStatus) => {
    setTarget(status);
    setErrors({});
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const body: components['schemas']['TransitionRequest'] = { to: target };
      if (target === 'interview') {
        body.interviewAt = new Date(interviewAt).toISOString();
        body.interviewPlace = interviewPlace.trim();
      }
      if (target === 'trial') {
        body.trialStart = trialStart;
        body.trialEnd = trialEnd;
      }
      if (target === 'declined') body.declineReason = declineReason;
      const next = await ok<IntroductionView>(
        api.POST('/introductions/{id}/transitions', { params: { path: { id: view.id } }, body }),
      );
      setTarget(null);
      onMoved(next);
    } catch (caught) {
      const { byField, message } = formProblem(caught, [
        'interviewAt',
        'interviewPlace',
        'trialStart',
        'trialEnd',
        'declineReason',
      ]);
      setErrors(byField);
      setProblem(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="intro-next">
      <h2 id="intro-next" style={{ marginTop: 0 }}>
        Étape suivante
      </h2>
      <div className="actions">
        {view.next.map((status) => (
          <Button
            key={status}
            variant={status === 'declined' || status === 'withdrawn' ? 'secondary' : 'primary'}
            aria-pressed={target === status}
            onPress={() => choose(status)}
          >
            {MOVE_LABELS[status]}
          </Button>
        ))}
      </div>
      {target && (
        <Form validationErrors={errors} onSubmit={(event) => void submit(event)} aria-labelledby="intro-move">
          <h3 id="intro-move">{MOVE_LABELS[target]}</h3>
          {problem && <Alert>{problem}</Alert>}
          {target === 'interview' && (
            <>
              {proposedInterview && <p className="muted">Proposition de l’employeur : « {proposedInterview} »</p>}
              <NativeDate
                label="Date et heure de l’entretien"
                name="interviewAt"
                type="datetime-local"
                value={interviewAt}
                onChange={setInterviewAt}
                isRequired
                error={errors.interviewAt}
              />
              <Field
                label="Lieu de l’entretien"
                name="interviewPlace"
                value={interviewPlace}
                onChange={setInterviewPlace}
                isRequired
                maxLength={300}
              />
            </>
          )}
          {target === 'trial' && (
            <>
              <NativeDate
                label="Début de l’immersion"
                name="trialStart"
                value={trialStart}
                onChange={setTrialStart}
                isRequired
                error={errors.trialStart}
              />
              <NativeDate
                label="Fin de l’immersion"
                name="trialEnd"
                value={trialEnd}
                onChange={setTrialEnd}
                isRequired
                error={errors.trialEnd}
              />
            </>
          )}
          {target === 'declined' && (
            <Choice
              label="Motif du refus"
              options={DECLINE_REASONS}
              value={declineReason}
              onChange={setDeclineReason}
            />
          )}
          {target === 'hired' && (
            <p className="muted">Vous pourrez ensuite enregistrer le contrat (type, durée, date de début).</p>
          )}
          {target === 'withdrawn' && (
            <p className="muted">La mise en relation sera close et les liens envoyés à l’employeur désactivés.</p>
          )}
          <div className="actions">
            <Button type="submit" variant={target === 'withdrawn' ? 'danger' : 'primary'} isDisabled={busy}>
              {busy ? 'Enregistrement…' : 'Confirmer'}
            </Button>
            <Button variant="secondary" onPress={() => setTarget(null)}>
              Annuler
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}

const CARD_SKILLS_MAX = 12;
const CARD_QUALITIES_MAX = 8;

function CardSection({
  view,
  mayEdit,
  onSaved,
}: {
  view: IntroductionView;
  mayEdit: boolean;
  onSaved: (card: CandidateCard) => void;
}) {
  const card = view.card;
  // The labels offered: those on the card, then every other skill and quality of the person's file (the API's
  // choices, for the coach who may edit), so a label taken off can be put back.
  const [knownSkills, setKnownSkills] = useState<string[]>(() => [...(card?.skills ?? [])]);
  const [knownQualities, setKnownQualities] = useState<string[]>(() => [...(card?.qualities ?? [])]);
  const [note, setNote] = useState(card?.note ?? '');
  const [skills, setSkills] = useState<string[]>(() => [...(card?.skills ?? [])]);
  const [qualities, setQualities] = useState<string[]>(() => [...(card?.qualities ?? [])]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!card) return;
    setKnownSkills((previous) => [...new Set([...card.skills, ...previous])]);
    setKnownQualities((previous) => [...new Set([...card.qualities, ...previous])]);
  }, [card]);
  const hasCard = card !== null;
  useEffect(() => {
    if (!mayEdit || !hasCard) return;
    ok<components['schemas']['CardChoicesResponse']>(
      api.GET('/introductions/{id}/card/choices', { params: { path: { id: view.id } } }),
    )
      .then((choices) => {
        setKnownSkills((previous) => [...new Set([...previous, ...choices.skills])]);
        setKnownQualities((previous) => [...new Set([...previous, ...choices.qualities])]);
      })
      .catch(() => undefined);
  }, [mayEdit, hasCard, view.id]);

  if (!card)
    return (
      <section aria-labelledby="intro-card">
        <h2 id="intro-card">Fiche candidat</h2>
        <p>La fiche est créée quand la personne accepte la mise en relation.</p>
      </section>
    );

  const ordered = (selected: string[], known: string[]) => known.filter((label) => selected.includes(label));
  const draft: CandidateCard = {
    ...card,
    note: note.trim() ? note.trim() : null,
    skills: ordered(skills, knownSkills),
    qualities: ordered(qualities, knownQualities),
  };
  const tooMany = skills.length > CARD_SKILLS_MAX || qualities.length > CARD_QUALITIES_MAX;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const body: components['schemas']['CardEditRequest'] = {
        note: draft.note,
        skills: [...draft.skills],
        qualities: [...draft.qualities],
      };
      const next = await ok<CandidateCard>(
        api.PUT('/introductions/{id}/card', { params: { path: { id: view.id } }, body }),
      );
      setSaved(true);
      onSaved(next);
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="intro-card">
      <h2 id="intro-card">Fiche candidat</h2>
      <div className="grid">
        {mayEdit && (
          <div className="card">
            <h3 style={{ marginTop: 0 }}>Modifier la fiche</h3>
            {problem && <Alert>{problem}</Alert>}
            {saved && <Alert kind="success">Fiche enregistrée.</Alert>}
            <Form onSubmit={(event) => void save(event)} aria-label="Modifier la fiche candidat">
              <TextField value={note} onChange={setNote} className="field" maxLength={1000}>
                <Label>Le mot du conseiller</Label>
                <TextArea rows={4} />
                <Text slot="description" className="muted">
                  Facultatif, 1 000 caractères au plus ; visible par l’employeur.
                </Text>
              </TextField>
              <Checks
                label={`Savoir-faire montrés (${CARD_SKILLS_MAX} au plus)`}
                options={knownSkills.map((label) => ({ id: label, label }))}
                value={skills}
                onChange={setSkills}
                isInvalid={skills.length > CARD_SKILLS_MAX}
                errorMessage={`Choisissez ${CARD_SKILLS_MAX} savoir-faire au plus.`}
              />
              <Checks
                label={`Qualités montrées (${CARD_QUALITIES_MAX} au plus)`}
                options={knownQualities.map((label) => ({ id: label, label }))}
                value={qualities}
                onChange={setQualities}
                isInvalid={qualities.length > CARD_QUALITIES_MAX}
                errorMessage={`Choisissez ${CARD_QUALITIES_MAX} qualités au plus.`}
              />
              <div className="actions">
                <Button type="submit" isDisabled={busy || tooMany}>
                  {busy ? 'Enregistrement…' : 'Enregistrer la fiche'}
                </Button>
                <Button
                  variant="secondary"
                  onPress={() => {
                    setNote(card.note ?? '');
                    setSkills([...card.skills]);
                    setQualities([...card.qualities]);
                    setSaved(false);
                  }}
                >
                  Annuler les modifications
                </Button>
              </div>
            </Form>
          </div>
        )}
        <div className="card" style={{ borderLeft: '5px solid var(--accent)' }}>
          <h3 style={{ marginTop: 0 }}>{mayEdit ? 'Aperçu : ce que voit l’employeur' : 'Ce que voit l’employeur'}</h3>
          <CardPreview card={draft} />
        </div>
      </div>
    </section>
  );
}

function years(months: number): string {
  if (months < 12) return `${months} mois`;
  const count = Math.round(months / 12);
  return `${count} an${count > 1 ? 's' : ''}`;
}

/** Exactly the fields of the employer's page (libs/mediation/src/domain/card-page.ts), nothing else. */
function CardPreview({ card }: { card: CandidateCard }) {
  const mobility = [
    card.mobility.drivingLicence ? 'permis B' : 'sans permis',
    card.mobility.vehicle ? 'véhiculé·e' : null,
    `jusqu’à ${card.mobility.maxDistanceKm} km`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <p style={{ fontSize: '1.4rem', fontWeight: 700, margin: '0 0 0.2rem' }}>{card.firstName}</p>
      <p style={{ marginTop: 0 }}>{card.headline}</p>
      <h4>Savoir-faire</h4>
      <TagList items={card.skills} label="Savoir-faire" />
      <h4>Qualités</h4>
      <TagList items={card.qualities} label="Qualités" />
      {card.note && (
        <>
          <h4>Le mot du conseiller</h4>
          <p style={{ whiteSpace: 'pre-line' }}>{card.note}</p>
        </>
      )}
      <h4>Expériences</h4>
      {card.experiences.length === 0 ? (
        <p className="muted">Aucune.</p>
      ) : (
        <ul>
          {card.experiences.map((experience, index) => (
            <li key={`${experience.label}-${index}`}>
              {experience.label} ({years(experience.months)})
            </li>
          ))}
        </ul>
      )}
      <h4>Disponibilité et mobilité</h4>
      <p>
        {card.availability ? `Disponible à partir du ${formatDate(card.availability)}` : 'Disponible rapidement'} ;{' '}
        {mobility}.
      </p>
      {card.languages.length > 0 && (
        <>
          <h4>Langues</h4>
          <TagList items={card.languages} label="Langues" />
        </>
      )}
    </>
  );
}

function LinksSection({ view, onSent }: { view: IntroductionView; onSent: () => void }) {
  const [contacts, setContacts] = useState<EmployerContact[]>([]);
  const [contactId, setContactId] = useState('none');
  const [link, setLink] = useState<{ url: string; expiresAt: string; emailedTo: string | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The contacts with an e-mail; a coach outside the employer's structure simply gets none.
    ok<EmployerDetailView>(api.GET('/employers/{id}', { params: { path: { id: view.employerId } } }))
      .then((detail) => setContacts(detail.contacts.filter((contact) => contact.email)))
      .catch(() => setContacts([]));
  }, [view.employerId]);

  const ready = view.card !== null && (view.status === 'accepted' || view.status === 'card_sent');
  const contactOptions = [
    { id: 'none', label: 'Ne pas envoyer d’e-mail (je transmets le lien)' },
    ...contacts.map((contact) => ({ id: contact.id, label: `${contact.name} (${contact.email})` })),
  ];

  const send = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const sent = await ok<{ url: string; expiresAt: string; emailedTo: string | null }>(
        api.POST('/introductions/{id}/links', {
          params: { path: { id: view.id } },
          body: contactId !== 'none' ? { contactId } : {},
        }),
      );
      setLink(sent);
      onSent();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await ok<unknown>(api.DELETE('/introductions/{id}/links', { params: { path: { id: view.id } } }));
      setLink(null);
      setMessage('Les liens envoyés à l’employeur sont désactivés.');
      onSent();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="intro-links">
      <h2 id="intro-links">Lien pour l’employeur</h2>
      <div className="card">
        <p style={{ marginTop: 0 }} className="muted">
          Un lien signé et temporaire vers la fiche, sans compte ; il faut le consentement de la personne au partage de
          son profil.
        </p>
        {error && <Alert>{error}</Alert>}
        {message && <Alert kind="success">{message}</Alert>}
        {link && (
          <Alert kind="success">
            Lien créé, valable jusqu’au {formatDateTime(link.expiresAt)}
            {link.emailedTo ? ` et envoyé à ${link.emailedTo}` : ''} :
            <br />
            <a href={link.url} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
              {link.url}
              <span className="visually-hidden"> (nouvelle fenêtre)</span>
            </a>
          </Alert>
        )}
        {ready ? (
          contacts.length > 0 && (
            <Choice label="Envoyer par e-mail à" options={contactOptions} value={contactId} onChange={setContactId} />
          )
        ) : (
          <p>Le lien peut être envoyé une fois que la personne a accepté (étape « Acceptée » ou « Fiche envoyée »).</p>
        )}
        <div className="actions">
          {ready && (
            <Button isDisabled={busy} onPress={() => void send()}>
              Envoyer le lien à l’employeur
            </Button>
          )}
          <Button variant="secondary" isDisabled={busy} onPress={() => void revoke()}>
            Désactiver les liens
          </Button>
        </div>
      </div>
    </section>
  );
}

function PlacementSection({ view }: { view: IntroductionView }) {
  const [existing, setExisting] = useState<PlacementView | null>(null);
  const [contract, setContract] = useState<ContractDraft>(() => emptyContract(view.trialEnd ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ok<{ items: PlacementView[] }>(api.GET('/placements', { params: { query: { beneficiaryId: view.beneficiaryId } } }))
      .then((page) => setExisting(page.items.find((item) => item.introductionId === view.id) ?? null))
      .catch(() => undefined);
  }, [view.beneficiaryId, view.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const placement = await ok<PlacementView>(
        api.POST('/placements', { body: { introductionId: view.id, ...contractBody(contract) } }),
      );
      setExisting(placement);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'placement.exists') {
        setProblem('L’embauche de cette mise en relation est déjà enregistrée.');
      } else {
        const { byField, message } = formProblem(caught, [
          'contractType',
          'contractMonths',
          'weeklyHours',
          'startDate',
        ]);
        setErrors(byField);
        setProblem(message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="intro-placement">
      <h2 id="intro-placement">Embauche</h2>
      <div className="card">
        {existing ? (
          <Alert kind="success">
            Embauche enregistrée : {contractSummary(existing)}, à partir du {formatDate(existing.startDate)} (
            {existing.durable ? 'emploi durable' : 'emploi de courte durée'}).
            {existing.checkpoints.length > 0 &&
              ` Suivis prévus : ${existing.checkpoints.map((checkpoint) => formatDate(checkpoint.dueOn)).join(', ')}.`}
          </Alert>
        ) : (
          <>
            {problem && <Alert>{problem}</Alert>}
            <Form
              validationErrors={errors}
              onSubmit={(event) => void submit(event)}
              aria-label="Enregistrer l’embauche"
            >
              <ContractFields
                draft={contract}
                onChange={(patch) => setContract((current) => ({ ...current, ...patch }))}
                startDateError={errors.startDate}
              />
              <Button type="submit" isDisabled={busy}>
                {busy ? 'Enregistrement…' : 'Enregistrer l’embauche'}
              </Button>
            </Form>
          </>
        )}
      </div>
    </section>
  );
}
