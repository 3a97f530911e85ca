import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Form, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { Link, useParams, useSearchParams } from 'react-router';
import type { RejectionView, RunView, SourceView } from '@passerelle/ingestion';
import type { CandidateRequestView, OfferSummary } from '@passerelle/mediation';
import type { OfferView } from '@passerelle/offers';
import { api, ApiError, describeError, ok } from '../api/client';
import type { OfferCandidate, Page } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Choice, InlineFacts, reasonInFrench, Scroll, TagList } from '../ui/forms';
import {
  formMessage,
  OFFER_LIST_FIELDS,
  OFFER_TEXT_FIELDS,
  OfferFields,
  readOfferForm,
  staffFieldErrors,
} from '../features/offers/offer-form';
import { CLOSED_REASONS, OfferStaffActions } from './offer-staff-actions';
import { SourceEditor } from './source-editor';
import { CONTRACT_LABELS, OFFER_CONTRACT_TYPES } from '../ui/labels';
import { Alert, Badge, Button, formatDate, formatDateTime, Loading, PageTitle } from '../ui/ui';

/* ------------------------------------------------------------------ labels */

const CONTRACT_TYPES = OFFER_CONTRACT_TYPES;
type ContractType = (typeof CONTRACT_TYPES)[number];

const WORKING_TIME_LABELS: Record<string, string> = {
  full_time: 'Temps plein',
  part_time: 'Temps partiel',
  unknown: 'Non précisé',
};

/** What the place of an offer tells, beside its label. */
const PLACE_PRECISION_NOTES: Record<string, string> = {
  commune: 'commune précise',
  departement: 'l’offre ne précise que le département',
  region: 'l’offre ne précise que la région',
  country: 'offre nationale : le lieu n’est pas précisé',
  abroad: 'à l’étranger',
};

const SALARY_PERIODS: Record<string, string> = { hour: 'de l’heure', month: 'par mois', year: 'par an' };

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

const SOURCE_KINDS: Record<string, string> = {
  france_travail: 'API France Travail',
  html_board: 'Site d’annonces (HTML)',
  jsonld: 'Pages JSON-LD',
  manual: 'Saisie manuelle',
};

const REQUEST_STATUS: Record<string, { label: string; tone: 'neutral' | 'warning' | 'danger' | 'success' }> = {
  pending: { label: 'Demande en attente du référent', tone: 'warning' },
  agreed: { label: 'Le référent a accepté', tone: 'success' },
  declined: { label: 'Le référent a refusé', tone: 'danger' },
};

function contractText(offer: Pick<OfferView, 'contractType' | 'contractDurationMonths'>): string {
  const label = CONTRACT_LABELS[offer.contractType] ?? offer.contractType;
  return offer.contractDurationMonths ? `${label} — ${offer.contractDurationMonths} mois` : label;
}

/** The source's own words when it gave some, else the range the parser read. */
function salaryText(offer: OfferView): string {
  if (offer.salaryText) return offer.salaryText;
  if (offer.salaryMin !== null && offer.salaryPeriod) {
    const euros = (value: number) =>
      value.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });
    const range =
      offer.salaryMax !== null && offer.salaryMax !== offer.salaryMin
        ? `${euros(offer.salaryMin)} à ${euros(offer.salaryMax)}`
        : euros(offer.salaryMin);
    return `${range} ${SALARY_PERIODS[offer.salaryPeriod] ?? ''}`.trim();
  }
  return 'Non précisé';
}

/* ------------------------------------------------------------------ /offres */

const PAGE_SIZE = 50;
type ContractFilter = ContractType | 'all';
type StatusFilter = 'open' | 'closed' | 'all';

const CONTRACT_OPTIONS: ReadonlyArray<{ id: ContractFilter; label: string }> = [
  { id: 'all', label: 'Tous les contrats' },
  ...CONTRACT_TYPES.map((id) => ({ id, label: CONTRACT_LABELS[id] ?? id })),
];
const STATUS_OPTIONS: ReadonlyArray<{ id: StatusFilter; label: string }> = [
  { id: 'open', label: 'Ouvertes' },
  { id: 'closed', label: 'Fermées' },
  { id: 'all', label: 'Toutes' },
];

/** Offer search (filters the API supports, words filtered on the page), manual posting and sources for staff. */
export function OffersPage() {
  const { user } = useAuth();
  const staff = hasRole(user, 'platform_staff');
  const [params, setParams] = useSearchParams();
  const applied = {
    words: params.get('q') ?? '',
    departement: params.get('departement') ?? '',
    contract: (params.get('contrat') ?? 'all') as ContractFilter,
    status: (params.get('statut') ?? 'open') as StatusFilter,
    offset: Number(params.get('debut') ?? '0') || 0,
  };
  const [words, setWords] = useState(applied.words);
  const [departement, setDepartement] = useState(applied.departement);
  const [contract, setContract] = useState<ContractFilter>(applied.contract);
  const [status, setStatus] = useState<StatusFilter>(applied.status);
  const [page, setPage] = useState<Page<OfferView> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after a posting: the list is read again and the new offer comes first.
  const [version, setVersion] = useState(0);
  const keywords = applied.words.trim();

  useEffect(() => {
    setPage(null);
    setError(null);
    ok<Page<OfferView>>(
      api.GET('/offers', {
        params: {
          query: {
            limit: PAGE_SIZE,
            offset: applied.offset,
            // Keywords are searched on the server, in every open offer: not only this page.
            ...(keywords ? { q: keywords } : {}),
            ...(applied.departement ? { departement: applied.departement } : {}),
            ...(applied.contract !== 'all' ? { contractType: applied.contract } : {}),
            ...(applied.status !== 'all' ? { status: applied.status } : {}),
          },
        },
      }),
    )
      .then(setPage)
      .catch((caught: unknown) =>
        setError(
          caught instanceof ApiError && caught.code === 'matching.index_not_ready'
            ? 'La recherche par mots-clés n’est pas encore prête (l’index des offres se construit) : réessayez dans quelques minutes, ou cherchez sans mot-clé.'
            : caught instanceof ApiError && caught.code === 'offers.search_scope'
              ? 'La recherche par mots-clés porte sur les offres ouvertes : choisissez « Ouvertes » ou retirez les mots-clés.'
              : describeError(caught),
        ),
      );
  }, [applied.offset, keywords, applied.departement, applied.contract, applied.status, version]);

  const shown = page?.items ?? [];

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (words.trim()) next.set('q', words.trim());
    if (departement.trim()) next.set('departement', departement.trim().toUpperCase());
    if (contract !== 'all') next.set('contrat', contract);
    if (status !== 'open') next.set('statut', status);
    setParams(next);
  };
  const goTo = (offset: number) => {
    const next = new URLSearchParams(params);
    if (offset > 0) next.set('debut', String(offset));
    else next.delete('debut');
    setParams(next);
  };
  const total = page?.total ?? 0;

  return (
    <>
      <PageTitle title="Offres d’emploi">Offres d’emploi</PageTitle>
      <section aria-labelledby="offers-search">
        <h2 id="offers-search" className="visually-hidden">
          Rechercher des offres
        </h2>
        <Form onSubmit={search} className="toolbar" role="search" aria-label="Rechercher des offres">
          <TextField value={words} onChange={setWords} className="field">
            <Label>Mots-clés</Label>
            <Input placeholder="Poste, employeur, commune" />
            <Text slot="description" className="muted">
              Cherchés dans toutes les offres ouvertes
            </Text>
          </TextField>
          <TextField value={departement} onChange={setDepartement} className="field" maxLength={3}>
            <Label>Département</Label>
            <Input placeholder="ex. 59" size={6} />
            <Text slot="description" className="muted">
              Code (59, 2A, 971)
            </Text>
          </TextField>
          <Choice label="Contrat" options={CONTRACT_OPTIONS} value={contract} onChange={setContract} />
          <Choice label="Offres" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
          <div className="field">
            <Button type="submit">Rechercher</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="offers-results">
        <h2 id="offers-results">Résultats</h2>
        {error && <Alert>{error}</Alert>}
        {!page && !error && <Loading what="des offres" />}
        {page && (
          <>
            <p className="summary" role="status">
              {total} offre{total > 1 ? 's' : ''} trouvée{total > 1 ? 's' : ''}
              {total > 0 && ` ; offres ${applied.offset + 1} à ${Math.min(applied.offset + PAGE_SIZE, total)}`}
              {keywords && ` pour « ${keywords} »`}.
            </p>
            {shown.length > 0 && (
              <Scroll label="Liste des offres">
                <table className="data-table">
                  <caption className="visually-hidden">Offres trouvées</caption>
                  <thead>
                    <tr>
                      <th scope="col">Offre</th>
                      <th scope="col">Employeur</th>
                      <th scope="col">Commune</th>
                      <th scope="col">Contrat</th>
                      <th scope="col">Publiée le</th>
                      <th scope="col">Source</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((offer) => (
                      <tr key={offer.id}>
                        <th scope="row">
                          <Link to={`/offres/${offer.id}`}>{offer.title}</Link>
                          {offer.status === 'closed' && (
                            <>
                              {' '}
                              <Badge tone={offer.closedReason === 'filled' ? 'success' : 'danger'}>
                                {offer.closedReason === 'filled' ? 'Pourvue' : 'Fermée'}
                              </Badge>
                            </>
                          )}
                        </th>
                        <td>{offer.employerName ?? <span className="muted">Non communiqué</span>}</td>
                        <td>{offer.placeLabel}</td>
                        <td>{contractText(offer)}</td>
                        <td>{formatDate(offer.publishedAt ?? offer.firstSeenAt)}</td>
                        <td>{offer.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Scroll>
            )}
            {shown.length === 0 && <p>Aucune offre ne correspond à la recherche.</p>}
            {total > PAGE_SIZE && (
              <nav aria-label="Pages de résultats" className="actions">
                <Button
                  variant="secondary"
                  isDisabled={applied.offset === 0}
                  onPress={() => goTo(Math.max(0, applied.offset - PAGE_SIZE))}
                >
                  Offres précédentes
                </Button>
                <Button
                  variant="secondary"
                  isDisabled={applied.offset + PAGE_SIZE >= total}
                  onPress={() => goTo(applied.offset + PAGE_SIZE)}
                >
                  Offres suivantes
                </Button>
              </nav>
            )}
          </>
        )}
      </section>

      {staff && <PostOfferSection onPosted={() => setVersion((value) => value + 1)} />}
      {staff && <SourcesSection />}
    </>
  );
}

const OFFER_FORM_FIELDS: readonly string[] = [...OFFER_TEXT_FIELDS, ...OFFER_LIST_FIELDS];

/** Manual posting by platform staff: the same checks as an ingested offer plus SIRET and expiry, errors by field. */
function PostOfferSection({ onPosted }: { onPosted: () => void }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [posted, setPosted] = useState<OfferView | null>(null);
  const [busy, setBusy] = useState(false);
  // A new form (empty fields, date included) after each posting.
  const [formKey, setFormKey] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = readOfferForm(event.currentTarget);
    setBusy(true);
    setProblem(null);
    setErrors({});
    setPosted(null);
    try {
      const offer = await ok<OfferView>(api.POST('/offers', { body }));
      setPosted(offer);
      setFormKey((key) => key + 1);
      onPosted();
    } catch (caught) {
      const byField = staffFieldErrors(caught);
      setErrors(byField);
      const message = formMessage(caught, byField, OFFER_FORM_FIELDS);
      setProblem(
        message.startsWith('Corrigez')
          ? 'L’offre n’est pas publiée : corrigez les champs signalés ci-dessous.'
          : message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="post-offer">
      <h2 id="post-offer">Publier une offre</h2>
      <p className="muted">
        Une offre recueillie hors des sources (téléphone, salon, visite) : elle suit les mêmes contrôles qu’une offre
        collectée.
      </p>
      <Button variant="secondary" aria-expanded={open} aria-controls="post-offer-form" onPress={() => setOpen(!open)}>
        {open ? 'Masquer le formulaire' : 'Saisir une offre'}
      </Button>
      {posted && (
        <Alert kind="success">
          Offre publiée : <Link to={`/offres/${posted.id}`}>{posted.title}</Link> ({posted.placeLabel},{' '}
          {CONTRACT_LABELS[posted.contractType] ?? posted.contractType}).
        </Alert>
      )}
      {open && (
        <div id="post-offer-form" className="card" style={{ marginTop: '0.75rem' }}>
          {problem && <Alert>{problem}</Alert>}
          <Form
            key={formKey}
            validationErrors={errors}
            onSubmit={(event) => void submit(event)}
            aria-labelledby="post-offer"
          >
            <p className="muted">Les champs marqués * sont obligatoires.</p>
            <OfferFields errors={errors} />
            <div className="actions">
              <Button type="submit" isDisabled={busy}>
                {busy ? 'Publication…' : 'Publier l’offre'}
              </Button>
            </div>
          </Form>
        </div>
      )}
    </section>
  );
}

/** Ingestion sources with their last runs and, on demand, a run's rejected records. */
function SourcesSection() {
  const [sources, setSources] = useState<SourceView[] | null>(null);
  const [runs, setRuns] = useState<Record<string, RunView[] | string>>({});
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    ok<SourceView[]>(api.GET('/sources'))
      .then((list) => {
        setSources(list);
        for (const source of list)
          ok<Page<RunView>>(api.GET('/sources/{id}/runs', { params: { path: { id: source.id }, query: { limit: 3 } } }))
            .then((page) => setRuns((previous) => ({ ...previous, [source.id]: page.items })))
            .catch((caught: unknown) => setRuns((previous) => ({ ...previous, [source.id]: describeError(caught) })));
      })
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);

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

function RunsTable({ sourceLabel, runs }: { sourceLabel: string; runs: RunView[] }) {
  const [openRun, setOpenRun] = useState<string | null>(null);
  const [rejections, setRejections] = useState<Page<RejectionView> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toggle = (runId: string) => {
    if (openRun === runId) {
      setOpenRun(null);
      return;
    }
    setOpenRun(runId);
    setRejections(null);
    setError(null);
    ok<Page<RejectionView>>(
      api.GET('/runs/{id}/rejections', { params: { path: { id: runId }, query: { limit: 100 } } }),
    )
      .then(setRejections)
      .catch((caught: unknown) => setError(describeError(caught)));
  };
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

/* ------------------------------------------------------------------ /offres/:id */

/** One offer: what it asks, where it comes from and its copies; for staff and coaches, the ranked candidates. */
export function OfferPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const [offer, setOffer] = useState<OfferView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setOffer(null);
    setError(null);
    ok<OfferView>(api.GET('/offers/{id}', { params: { path: { id } } }))
      .then(setOffer)
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [id]);

  if (error)
    return (
      <>
        <PageTitle title="Offre">Offre</PageTitle>
        <Alert>{error}</Alert>
        <p>
          <Link to="/offres">Retour aux offres</Link>
        </p>
      </>
    );
  if (!offer)
    return (
      <>
        <PageTitle title="Offre">Offre</PageTitle>
        <Loading what="de l’offre" />
      </>
    );

  const mayRank = hasRole(user, 'platform_staff', 'coach', 'manager');
  const staff = hasRole(user, 'platform_staff');
  return (
    <>
      <p>
        <Link to="/offres">← Retour aux offres</Link>
      </p>
      <PageTitle title={offer.title}>{offer.title}</PageTitle>
      <p className="summary">
        {offer.employerName ?? 'Employeur non communiqué'} · {offer.placeLabel} · {contractText(offer)}{' '}
        {offer.status === 'closed' ? (
          <Badge tone={offer.closedReason === 'filled' ? 'success' : 'danger'}>
            {offer.closedReason === 'filled' ? 'Offre pourvue' : 'Offre fermée'}
          </Badge>
        ) : (
          <Badge tone="success">Offre ouverte</Badge>
        )}
      </p>
      <div className="grid">
        <section className="card" aria-labelledby="offer-facts">
          <h2 id="offer-facts" style={{ marginTop: 0 }}>
            L’essentiel
          </h2>
          <dl className="facts">
            <dt>Contrat</dt>
            <dd>{contractText(offer)}</dd>
            <dt>Temps de travail</dt>
            <dd>
              {WORKING_TIME_LABELS[offer.workingTime] ?? offer.workingTime}
              {offer.weeklyHours !== null && ` — ${offer.weeklyHours} h par semaine`}
            </dd>
            <dt>Salaire</dt>
            <dd>{salaryText(offer)}</dd>
            <dt>Métier</dt>
            <dd>
              {offer.romeCode ? `${offer.romeLabel ?? ''} (${offer.romeCode})` : 'Non identifié'}
              {offer.romeCode && offer.romeInferred && <span className="muted"> — déduit de l’intitulé</span>}
            </dd>
            <dt>Expérience</dt>
            <dd>
              {offer.experienceText ??
                (offer.experienceMonths !== null ? `${offer.experienceMonths} mois` : 'Non précisée')}
            </dd>
            <dt>Permis</dt>
            <dd>{offer.drivingLicences.length > 0 ? offer.drivingLicences.join(', ') : 'Non demandé'}</dd>
            <dt>Lieu</dt>
            <dd>
              {offer.placeLabel} <span className="muted">— {PLACE_PRECISION_NOTES[offer.placePrecision]}</span>
            </dd>
            <dt>Publiée le</dt>
            <dd>{formatDate(offer.publishedAt ?? offer.firstSeenAt)}</dd>
            <dt>Expire le</dt>
            <dd>{formatDate(offer.expiresAt)}</dd>
            {offer.status === 'closed' && (
              <>
                <dt>Fermée le</dt>
                <dd>
                  {formatDate(offer.closedAt)}
                  {offer.closedReason && ` (${CLOSED_REASONS[offer.closedReason] ?? offer.closedReason})`}
                </dd>
              </>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="offer-skills">
          <h2 id="offer-skills" style={{ marginTop: 0 }}>
            Compétences et qualités
          </h2>
          <h3>Compétences</h3>
          <TagList items={offer.skills} label="Compétences demandées" />
          <h3>Qualités</h3>
          <TagList items={offer.qualities} label="Qualités demandées" />
          {offer.requirements.length > 0 && (
            <>
              <h3>Autres exigences</h3>
              <ul>
                {offer.requirements.map((requirement) => (
                  <li key={requirement}>{requirement}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      {staff && <OfferStaffActions offer={offer} onChanged={setOffer} />}

      <section className="card" aria-labelledby="offer-description">
        <h2 id="offer-description" style={{ marginTop: 0 }}>
          Description
        </h2>
        <p style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{offer.description}</p>
      </section>

      <section className="card" aria-labelledby="offer-sources">
        <h2 id="offer-sources" style={{ marginTop: 0 }}>
          Sources et doublons
        </h2>
        <p>
          Source : <strong>{offer.source}</strong>
          {offer.url && (
            <>
              {' '}
              —{' '}
              <a href={offer.url} target="_blank" rel="noreferrer noopener">
                voir l’annonce d’origine<span className="visually-hidden"> (nouvelle fenêtre)</span>
              </a>
            </>
          )}
          . Vue pour la première fois le {formatDate(offer.firstSeenAt)}, dernière fois le{' '}
          {formatDate(offer.lastSeenAt)}.
        </p>
        {offer.duplicateOf && (
          <p>
            Cette annonce est une copie d’une <Link to={`/offres/${offer.duplicateOf}`}>offre publiée ailleurs</Link>.
          </p>
        )}
        {offer.copies && offer.copies.length > 0 ? (
          <>
            <p>La même offre est aussi publiée sur :</p>
            <ul>
              {offer.copies.map((copy) => (
                <li key={copy.id}>
                  <Link to={`/offres/${copy.id}`}>{copy.source}</Link>
                  {copy.url && (
                    <>
                      {' '}
                      (
                      <a href={copy.url} target="_blank" rel="noreferrer noopener">
                        annonce sur {copy.source}
                        <span className="visually-hidden"> (nouvelle fenêtre)</span>
                      </a>
                      )
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">Aucune copie sur une autre source.</p>
        )}
      </section>

      {mayRank && offer.status === 'open' && <CandidatesSection offerId={offer.id} />}
      {mayRank && offer.status === 'closed' && (
        <section aria-labelledby="offer-candidates">
          <h2 id="offer-candidates">Candidats pour cette offre</h2>
          <p>L’offre est fermée : la recherche de candidats n’est plus possible.</p>
        </section>
      )}
    </>
  );
}

/** Reverse matching: people ranked for the offer, pseudonymised until their coach agrees. */
function CandidatesSection({ offerId }: { offerId: string }) {
  const [result, setResult] = useState<{ offer: OfferSummary; items: OfferCandidate[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    ok<{ offer: OfferSummary; items: OfferCandidate[] }>(
      api.GET('/offers/{id}/candidates', { params: { path: { id: offerId }, query: { limit: 20 } } }),
    )
      .then(setResult)
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [offerId]);
  useEffect(load, [load]);

  const updated = (ref: string, request: CandidateRequestView) =>
    setResult((previous) =>
      previous
        ? {
            ...previous,
            items: previous.items.map((item) =>
              item.ref === ref
                ? { ...item, request: { id: request.id, status: request.status, at: request.createdAt } }
                : item,
            ),
          }
        : previous,
    );

  return (
    <section aria-labelledby="offer-candidates">
      <h2 id="offer-candidates">Candidats pour cette offre</h2>
      <p className="muted">
        Les personnes suivies par vos structures, classées par le moteur de rapprochement. Elles restent anonymes tant
        que leur conseiller·ère référent·e n’a pas accepté de les proposer.
      </p>
      {error && <Alert>{error}</Alert>}
      {!result && !error && <Loading what="des candidats" />}
      {result && result.items.length === 0 && <p>Aucune personne suivie ne correspond à cette offre.</p>}
      {result && result.items.length > 0 && (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {result.items.map((candidate, index) => (
            <CandidateItem
              key={candidate.ref}
              offerId={offerId}
              rank={index + 1}
              candidate={candidate}
              onRequested={(request) => updated(candidate.ref, request)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function CandidateItem({
  offerId,
  rank,
  candidate,
  onRequested,
}: {
  offerId: string;
  rank: number;
  candidate: OfferCandidate;
  onRequested: (request: CandidateRequestView) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const explanation = candidate.explanation;
  const request = candidate.request ? REQUEST_STATUS[candidate.request.status] : null;
  const headingId = `candidate-${candidate.ref}`;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await ok<CandidateRequestView>(
        api.POST('/offers/{id}/candidates/{ref}/requests', {
          params: { path: { id: offerId, ref: candidate.ref } },
          body: message.trim() ? { message: message.trim() } : {},
        }),
      );
      setAsking(false);
      onRequested(created);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card match">
      <h3 id={headingId} style={{ marginTop: 0 }}>
        <span className="muted">{rank}.</span>{' '}
        {candidate.revealed && candidate.beneficiaryId ? (
          <Link to={`/personnes/${candidate.beneficiaryId}`}>{candidate.label}</Link>
        ) : (
          candidate.label
        )}{' '}
        <span className="score">{candidate.score}</span>
        <span className="muted"> / 100</span>
      </h3>
      <p>
        <span style={{ display: 'inline-block', width: '12rem', maxWidth: '100%' }} aria-hidden="true">
          <span className="bar" style={{ width: `${Math.max(2, Math.min(100, candidate.score))}%` }} />
        </span>
      </p>
      <InlineFacts
        items={[
          [
            'Compétences en commun',
            explanation.matchingSkills.length > 0 ? explanation.matchingSkills.join(', ') : 'Aucune',
          ],
          [
            'Compétences clés manquantes',
            explanation.missingCoreSkills.length > 0 ? explanation.missingCoreSkills.join(', ') : 'Aucune',
          ],
          ['Parcours', explanation.occupationPath ?? 'Pas de lien direct avec le métier'],
          [
            'Distance',
            explanation.distanceKm !== null ? `${Math.round(explanation.distanceKm)} km` : explanation.distanceBand,
          ],
          [
            'Disponibilité',
            candidate.availabilityDate ? `À partir du ${formatDate(candidate.availabilityDate)}` : 'Non précisée',
          ],
          [
            'Offres déjà proposées',
            `${candidate.offersProposed}${
              candidate.openIntroductions > 0
                ? ` ; ${candidate.openIntroductions} mise${candidate.openIntroductions > 1 ? 's' : ''} en relation en cours`
                : ''
            }`,
          ],
          [
            'Référent·e',
            candidate.referentName ??
              (candidate.hasReferent
                ? 'Un·e conseiller·ère de la structure, nommé·e après son accord'
                : 'Aucun·e pour l’instant'),
          ],
        ]}
      />
      <p>
        {candidate.ownPortfolio && <Badge tone="success">Dans votre portefeuille</Badge>}
        {candidate.proposed && <Badge tone="success">Offre déjà proposée à la personne</Badge>}
        {request && candidate.request && (
          <Badge tone={request.tone}>
            {request.label} (demande du {formatDate(candidate.request.at)})
          </Badge>
        )}
      </p>
      {error && <Alert>{error}</Alert>}
      {!candidate.revealed && !candidate.request && (
        <>
          {!asking && (
            <Button variant="secondary" onPress={() => setAsking(true)}>
              Demander au référent
            </Button>
          )}
          {asking && (
            <Form onSubmit={(event) => void send(event)} aria-label={`Demande pour ${candidate.label}`}>
              <TextField value={message} onChange={setMessage} className="field" maxLength={1000}>
                <Label>Message au référent (facultatif)</Label>
                <TextArea rows={2} />
              </TextField>
              <div className="actions">
                <Button type="submit" isDisabled={busy}>
                  {busy ? 'Envoi…' : 'Envoyer la demande'}
                </Button>
                <Button variant="secondary" onPress={() => setAsking(false)}>
                  Annuler
                </Button>
              </div>
            </Form>
          )}
        </>
      )}
    </li>
  );
}
