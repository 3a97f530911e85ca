import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Form, Input, Label, NumberField, Radio, RadioGroup } from 'react-aria-components';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api, describeError, ok } from '../api/client';
import type { BeneficiaryMatches, EmployerView, IntroductionView } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Checks, Field, reasonInFrench } from '../ui/forms';
import { CONTRACT_LABELS } from '../ui/labels';
import { Alert, Badge, Button, Loading, PageTitle } from '../ui/ui';

type Match = BeneficiaryMatches['items'][number];
const CONTRACTS = ['cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'independant'] as const;
type Contract = (typeof CONTRACTS)[number];
const CONTRACT_OPTIONS = CONTRACTS.map((id) => ({ id, label: CONTRACT_LABELS[id] ?? id }));
const WORKING_TIMES = ['any', 'full_time', 'part_time'] as const;
/** Offers per page; the API pages up to an offset of 250. */
const PAGE_SIZE = 20;
const MAX_OFFSET = 250;

/**
 * The offers around the person (an SVG plan, no tile server: the service runs without the
 * internet): the home commune in the middle, the search radius, each offer numbered as in the list.
 */
function OffersMap({
  origin,
  radiusKm,
  items,
  first,
}: {
  origin: { lat: number; lng: number };
  radiusKm: number;
  items: Match[];
  /** The number of the page's first offer in the whole list. */
  first: number;
}) {
  const size = 320;
  // Offers placed only by their département, region or country have no point on the plan.
  const placed = items.flatMap((item, index) => (item.location ? [{ item, index, location: item.location }] : []));
  const scale = (size / 2 - 16) / Math.max(radiusKm, ...placed.map(({ item }) => item.explanation.distanceKm ?? 0), 1);
  const kmPerLat = 111.32;
  const kmPerLng = 111.32 * Math.cos((origin.lat * Math.PI) / 180);
  const point = (location: { lat: number; lng: number }) => ({
    x: size / 2 + (location.lng - origin.lng) * kmPerLng * scale,
    y: size / 2 - (location.lat - origin.lat) * kmPerLat * scale,
  });
  return (
    <figure className="card" style={{ maxWidth: size + 40 }}>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width="100%"
        role="img"
        aria-label={`Plan : ${placed.length} offres autour du domicile, rayon de recherche ${radiusKm} km`}
      >
        <rect width={size} height={size} fill="#f4f7fb" />
        <circle cx={size / 2} cy={size / 2} r={radiusKm * scale} fill="none" stroke="#00509e" strokeDasharray="4 4" />
        <circle cx={size / 2} cy={size / 2} r={6} fill="#1b1b1b" />
        {placed.map(({ item, index, location }) => {
          const { x, y } = point(location);
          return (
            <g key={item.id}>
              <circle cx={x} cy={y} r={9} fill="#00509e" />
              <text x={x} y={y + 4} textAnchor="middle" fontSize="10" fill="#fff">
                {first + index}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Point noir : domicile. Cercle : {radiusKm} km. Les numéros renvoient à la liste.
        {placed.length < items.length &&
          ` ${items.length - placed.length} offre(s) sans commune précise (département, région ou France) n’y figurent pas.`}
      </figcaption>
    </figure>
  );
}

/** The search as the address says it (`?km=10&contrats=cdi&temps=any&page=2`), so a reload or a shared link keeps it. */
interface AppliedSearch {
  readonly km: number | null;
  readonly contracts: Contract[] | null;
  readonly workingTime: (typeof WORKING_TIMES)[number] | null;
  readonly page: number;
}

function readSearch(params: URLSearchParams): AppliedSearch {
  const km = Number(params.get('km'));
  const contracts = params.get('contrats');
  const workingTime = params.get('temps');
  const page = Math.floor(Number(params.get('page')));
  return {
    km: Number.isInteger(km) && km >= 1 && km <= 200 ? km : null,
    contracts:
      contracts === null
        ? null
        : contracts.split(',').filter((contract): contract is Contract => CONTRACTS.includes(contract as Contract)),
    workingTime: WORKING_TIMES.find((value) => value === workingTime) ?? null,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, Math.floor(MAX_OFFSET / PAGE_SIZE) + 1) : 1,
  };
}

/** Accents and case aside, for looking up an employer by what the coach types. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * When the offer names no employer (or the one it names cannot be registered as it is): the coach
 * picks one of the structure's employers, or names a new one, right in the offer's card.
 */
function EmployerChoice({
  match,
  onChosen,
  onCancel,
}: {
  match: Match;
  onChosen: (
    choice: { employerId: string } | { employer: { name: string; siret?: string; commune?: { inseeCode: string } } },
  ) => Promise<ApiError | null>;
  onCancel: () => void;
}) {
  const [mode, setMode] = useState<'known' | 'new'>('known');
  const [employers, setEmployers] = useState<EmployerView[] | null>(null);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string>('');
  const [name, setName] = useState(match.employerName ?? '');
  const [siret, setSiret] = useState('');
  const [insee, setInsee] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The offer says where the job is only for a commune-level offer: else the new employer's commune is asked.
  const needsCommune = !match.communeName;

  useEffect(() => {
    heading.current?.focus();
    ok<{ items: EmployerView[] }>(api.GET('/employers', {}))
      .then((list) => {
        setEmployers(list.items);
        if (list.items.length === 0) setMode('new');
      })
      .catch(() => setEmployers([]));
  }, []);

  const shown = useMemo(() => {
    const wanted = fold(query.trim());
    return (employers ?? []).filter((employer) => !wanted || fold(employer.name).includes(wanted)).slice(0, 8);
  }, [employers, query]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    if (mode === 'known' && !picked) {
      setErrors({ picked: 'Choisissez un employeur dans la liste, ou nommez-en un nouveau.' });
      return;
    }
    setBusy(true);
    const failed = await onChosen(
      mode === 'known'
        ? { employerId: picked }
        : {
            employer: {
              name: name.trim(),
              ...(siret.trim() ? { siret: siret.replace(/\s/g, '') } : {}),
              ...(insee.trim() ? { commune: { inseeCode: insee.trim().toUpperCase() } } : {}),
            },
          },
    );
    setBusy(false);
    if (!failed) return;
    const byField: Record<string, string> = {};
    for (const detail of failed.details) {
      const field = detail.field.replace(/^employer\./, '');
      byField[field === 'employerId' ? 'picked' : field] = reasonInFrench(detail.reason);
    }
    if (failed.details.some((detail) => detail.field === 'employer.commune')) setMode('new');
    setErrors(byField);
    setProblem(Object.keys(byField).length > 0 ? 'Corrigez les champs signalés.' : describeError(failed));
  };

  return (
    <section className="card employer-choice" aria-labelledby={`employer-choice-${match.id}`}>
      <h3 id={`employer-choice-${match.id}`} ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
        Quel employeur ?
      </h3>
      <p className="muted">
        {match.employerName
          ? `L’offre nomme « ${match.employerName} » : précisez l’employeur.`
          : 'L’offre ne nomme pas d’employeur : choisissez-le parmi ceux de la structure, ou nommez-le.'}
      </p>
      {problem && <Alert>{problem}</Alert>}
      <Form
        validationErrors={errors}
        onSubmit={(event) => void submit(event)}
        aria-label={`Employeur pour ${match.title}`}
      >
        <RadioGroup
          value={mode}
          onChange={(value) => setMode(value as 'known' | 'new')}
          className="field"
          aria-label="Employeur connu ou nouveau"
        >
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem' }}>
            <Radio value="known">Un employeur déjà enregistré</Radio>
            <Radio value="new">Un nouvel employeur</Radio>
          </div>
        </RadioGroup>
        {mode === 'known' ? (
          <>
            <Field label="Rechercher un employeur" name="query" value={query} onChange={setQuery} maxLength={100} />
            {employers === null ? (
              <Loading what="des employeurs" />
            ) : shown.length === 0 ? (
              <p className="muted">Aucun employeur ne correspond : nommez-en un nouveau.</p>
            ) : (
              <RadioGroup
                value={picked}
                onChange={(value) => {
                  setPicked(value);
                  setErrors({});
                }}
                className="field"
                isInvalid={'picked' in errors}
                aria-label="Employeurs de la structure"
              >
                <Label>Employeurs de la structure</Label>
                {shown.map((employer) => (
                  <Radio key={employer.id} value={employer.id}>
                    {employer.name} <span className="muted">({employer.communeName})</span>
                  </Radio>
                ))}
              </RadioGroup>
            )}
            {errors.picked && (
              <p className="field-error" role="alert">
                {errors.picked}
              </p>
            )}
          </>
        ) : (
          <>
            <Field label="Nom de l’employeur" name="name" value={name} onChange={setName} isRequired maxLength={200} />
            <Field
              label="SIRET"
              name="siret"
              value={siret}
              onChange={setSiret}
              description="Facultatif ; 14 chiffres"
              inputMode="numeric"
              maxLength={17}
            />
            <Field
              label="Code INSEE de la commune de l’employeur"
              name="commune"
              value={insee}
              onChange={setInsee}
              isRequired={needsCommune}
              description={
                needsCommune
                  ? 'L’offre ne donne pas de commune : ex. 59350 pour Lille'
                  : `Facultatif ; par défaut celle de l’offre (${match.communeName})`
              }
              maxLength={5}
            />
          </>
        )}
        <div className="actions">
          <Button type="submit" isDisabled={busy}>
            {busy ? 'Mise en relation…' : 'Mettre en relation avec cet employeur'}
          </Button>
          <Button variant="secondary" onPress={onCancel}>
            Annuler
          </Button>
        </div>
      </Form>
    </section>
  );
}

/** Matched offers for a person: ranked, explained, filtered, paged; propose one or open an introduction. */
export function MatchesPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => readSearch(params), [params]);
  const [result, setResult] = useState<BeneficiaryMatches | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The form's own state: it starts from the address, else from the diagnostic, and is kept as typed.
  const [radius, setRadius] = useState<number>(applied.km ?? NaN);
  const [contracts, setContracts] = useState<Contract[] | null>(applied.contracts);
  const [workingTime, setWorkingTime] = useState<string>(applied.workingTime ?? '');
  const [choosing, setChoosing] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const canWrite = hasRole(user, 'coach');
  const offset = (applied.page - 1) * PAGE_SIZE;

  const load = useCallback(() => {
    setError(null);
    ok<BeneficiaryMatches>(
      api.GET('/beneficiaries/{id}/matches', {
        params: {
          path: { id },
          query: {
            limit: PAGE_SIZE,
            offset,
            ...(applied.km !== null ? { maxDistanceKm: applied.km } : {}),
            ...(applied.contracts && applied.contracts.length > 0
              ? { contractTypes: applied.contracts.join(',') as never }
              : {}),
            ...(applied.workingTime ? { workingTime: applied.workingTime } : {}),
          },
        },
      }),
    )
      .then((matches) => {
        setResult(matches);
        // Fields the address does not set show what the diagnostic says (once: what the coach typed stays).
        setRadius((current) => (Number.isFinite(current) ? current : matches.profile.maxDistanceKm));
        setContracts(
          (current) =>
            current ?? matches.profile.contractTypes.filter((c): c is Contract => CONTRACTS.includes(c as Contract)),
        );
        setWorkingTime((current) => current || matches.profile.workingTime);
      })
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [id, offset, applied]);
  useEffect(load, [load]);
  // Another page of results starts at the top of the list (braces: Chromium's scrollTo now returns a promise,
  // which React would take for a clean-up function).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [applied.page]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (Number.isFinite(radius)) next.set('km', String(radius));
    if (contracts) next.set('contrats', contracts.join(','));
    if (workingTime) next.set('temps', workingTime);
    // A new search starts on its first page.
    setParams(next);
  };

  const pageHref = (page: number): string => {
    const next = new URLSearchParams(params);
    if (page === 1) next.delete('page');
    else next.set('page', String(page));
    return `?${next.toString()}`;
  };

  const propose = async (match: Match) => {
    setNotice(null);
    try {
      await ok(
        api.POST('/beneficiaries/{id}/proposals', {
          params: { path: { id } },
          body: { offerId: match.id, score: match.score },
        }),
      );
      setNotice(`Offre « ${match.title} » proposée.`);
      load();
    } catch (caught) {
      setProblems((current) => ({ ...current, [match.id]: describeError(caught) }));
    }
  };

  /** Opens the introduction; the employer comes from the offer unless given. Null when done, else the API's refusal. */
  const introduce = async (match: Match, choice: Record<string, unknown> = {}): Promise<ApiError | null> => {
    setProblems(({ [match.id]: _cleared, ...rest }) => rest);
    try {
      const introduction = await ok<IntroductionView>(
        api.POST('/introductions', { body: { beneficiaryId: id, offerId: match.id, ...choice } }),
      );
      void navigate(`/mises-en-relation/${introduction.id}`);
      return null;
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        [
          'introduction.no_employer',
          'introduction.employer_commune_required',
          'introduction.invalid_employer',
        ].includes(caught.code ?? '')
      ) {
        setChoosing(match.id);
        return caught;
      }
      setProblems((current) => ({ ...current, [match.id]: describeError(caught) }));
      return caught instanceof ApiError ? caught : new ApiError(0, null, describeError(caught));
    }
  };

  const pages = result
    ? Math.max(1, Math.min(Math.ceil(result.candidates / PAGE_SIZE), Math.floor(MAX_OFFSET / PAGE_SIZE) + 1))
    : 1;

  return (
    <>
      <p>
        <Link to={`/personnes/${id}`}>← Dossier de la personne</Link>
      </p>
      <PageTitle title="Offres correspondantes">Offres correspondantes</PageTitle>
      {error && <Alert>{error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <Form className="card toolbar" aria-label="Filtres de la recherche" onSubmit={apply}>
        <NumberField value={radius} onChange={setRadius} minValue={1} maxValue={200} className="field">
          <Label>Rayon (km)</Label>
          <Input />
        </NumberField>
        <Checks
          label="Contrats"
          options={CONTRACT_OPTIONS}
          value={contracts ?? []}
          onChange={(value) => setContracts(value)}
          description="Aucun coché : ceux du diagnostic"
        />
        <RadioGroup value={workingTime} onChange={setWorkingTime} className="field">
          <Label>Temps de travail</Label>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem' }}>
            <Radio value="any">Indifférent</Radio>
            <Radio value="full_time">Temps plein</Radio>
            <Radio value="part_time">Temps partiel</Radio>
          </div>
        </RadioGroup>
        <Button type="submit">Appliquer les filtres</Button>
      </Form>
      {!result && !error && <Loading what="des offres" />}
      {result && (
        <>
          <p className="summary" role="status">
            {result.candidates === 0
              ? 'Aucune offre dans le rayon et les contraintes.'
              : `${result.candidates} offres dans le rayon et les contraintes, classées ; ${offset + 1} à ${
                  offset + result.items.length
                } (page ${applied.page} sur ${pages}).`}
          </p>
          <div className="grid" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)' }}>
            <ol className="match-list" style={{ paddingLeft: '1.5rem' }} start={offset + 1}>
              {result.items.map((match) => (
                <li key={match.id} className="card match">
                  <h2 style={{ marginTop: 0 }}>
                    <Link to={`/offres/${match.id}`}>{match.title}</Link>
                  </h2>
                  <p>
                    <span className="score">{match.score}</span>
                    <span className="muted"> / 100</span> · {match.employerName ?? 'Employeur non précisé'} ·{' '}
                    <span className="place">
                      {match.placeLabel} ({match.explanation.place})
                    </span>{' '}
                    · <span className="contract">{CONTRACT_LABELS[match.contractType] ?? match.contractType}</span>
                    {match.proposed && (
                      <>
                        {' '}
                        <Badge tone="success">déjà proposée</Badge>
                      </>
                    )}
                  </p>
                  <details>
                    <summary>Pourquoi cette offre</summary>
                    <dl className="facts">
                      <dt>Compétences en commun</dt>
                      <dd>{match.explanation.matchingSkills.join(', ') || 'aucune listée'}</dd>
                      <dt>Compétences clés manquantes</dt>
                      <dd>{match.explanation.missingCoreSkills.join(', ') || 'aucune'}</dd>
                      <dt>Parcours métier</dt>
                      <dd>{match.explanation.occupationPath ?? 'métier nouveau pour la personne'}</dd>
                      <dt>Lieu</dt>
                      <dd>
                        {match.placeLabel}, {match.explanation.place}
                      </dd>
                      <dt>Contrat</dt>
                      <dd>{match.explanation.contractFit}</dd>
                      <dt>Temps de travail</dt>
                      <dd>{match.explanation.workingTimeFit}</dd>
                      <dt>Horaires</dt>
                      <dd>{match.explanation.scheduleFit}</dd>
                    </dl>
                  </details>
                  {problems[match.id] && <Alert>{problems[match.id]}</Alert>}
                  {canWrite && choosing !== match.id && (
                    <div className="actions">
                      {!match.proposed && (
                        <Button onPress={() => void propose(match)} aria-label={`Proposer l’offre ${match.title}`}>
                          Proposer
                        </Button>
                      )}
                      <Button
                        variant="secondary"
                        onPress={() => (match.employerName ? void introduce(match) : setChoosing(match.id))}
                        aria-label={`Mettre en relation pour ${match.title}`}
                      >
                        Mettre en relation
                      </Button>
                    </div>
                  )}
                  {canWrite && choosing === match.id && (
                    <EmployerChoice
                      match={match}
                      onChosen={(choice) => introduce(match, choice)}
                      onCancel={() => setChoosing(null)}
                    />
                  )}
                </li>
              ))}
            </ol>
            <OffersMap
              origin={result.origin}
              radiusKm={applied.km ?? result.profile.maxDistanceKm}
              items={result.items}
              first={offset + 1}
            />
          </div>
          {pages > 1 && (
            <nav aria-label="Pages des offres" className="pager">
              {applied.page > 1 && <Link to={pageHref(applied.page - 1)}>← Page précédente</Link>}
              <ul>
                {Array.from({ length: pages }, (_, index) => index + 1).map((page) => (
                  <li key={page}>
                    {page === applied.page ? (
                      <span aria-current="page">{page}</span>
                    ) : (
                      <Link to={pageHref(page)} aria-label={`Page ${page}`}>
                        {page}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
              {applied.page < pages && <Link to={pageHref(applied.page + 1)}>Page suivante →</Link>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
