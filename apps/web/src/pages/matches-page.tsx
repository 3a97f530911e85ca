import { useCallback, useEffect, useState } from 'react';
import { Checkbox, CheckboxGroup, Input, Label, NumberField, Radio, RadioGroup } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { api, describeError, ok } from '../api/client';
import type { BeneficiaryMatches, IntroductionView } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Alert, Badge, Button, CONTRACT_LABELS, Loading, PageTitle } from '../ui/ui';

type Match = BeneficiaryMatches['items'][number];
const CONTRACTS = ['cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'independant'] as const;

/**
 * The offers around the person (an SVG plan, no tile server: the service runs without the
 * internet): the home commune in the middle, the search radius, each offer numbered as in the list.
 */
function OffersMap({
  origin,
  radiusKm,
  items,
}: {
  origin: { lat: number; lng: number };
  radiusKm: number;
  items: Match[];
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
                {index + 1}
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

/** Matched offers for a person: ranked, explained, filtered; propose one or open an introduction. */
export function MatchesPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [result, setResult] = useState<BeneficiaryMatches | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [radius, setRadius] = useState<number>(NaN);
  const [contracts, setContracts] = useState<string[]>([]);
  const [workingTime, setWorkingTime] = useState<string>('');
  const canWrite = hasRole(user, 'coach');

  const load = useCallback(() => {
    setError(null);
    ok<BeneficiaryMatches>(
      api.GET('/beneficiaries/{id}/matches', {
        params: {
          path: { id },
          query: {
            limit: 20,
            ...(Number.isFinite(radius) ? { maxDistanceKm: radius } : {}),
            ...(contracts.length > 0 ? { contractTypes: contracts.join(',') as never } : {}),
            ...(workingTime ? { workingTime: workingTime as never } : {}),
          },
        },
      }),
    )
      .then((matches) => {
        setResult(matches);
        if (!Number.isFinite(radius)) setRadius(matches.profile.maxDistanceKm);
        if (contracts.length === 0) setContracts([...matches.profile.contractTypes]);
        if (!workingTime) setWorkingTime(matches.profile.workingTime);
      })
      .catch((caught: unknown) => setError(describeError(caught)));
    // The filters apply when the coach asks (the button), not on every keystroke: only `id` reloads.
  }, [id]);
  useEffect(load, [load]);

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
      setError(describeError(caught));
    }
  };

  const introduce = async (match: Match) => {
    try {
      const introduction = await ok<IntroductionView>(
        api.POST('/introductions', { body: { beneficiaryId: id, offerId: match.id } }),
      );
      void navigate(`/mises-en-relation/${introduction.id}`);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <>
      <p>
        <Link to={`/personnes/${id}`}>← Dossier de la personne</Link>
      </p>
      <PageTitle title="Offres correspondantes">Offres correspondantes</PageTitle>
      {error && <Alert>{error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <form
        className="card toolbar"
        aria-label="Filtres de la recherche"
        onSubmit={(event) => {
          event.preventDefault();
          load();
        }}
      >
        <NumberField value={radius} onChange={setRadius} minValue={1} maxValue={200} className="field">
          <Label>Rayon (km)</Label>
          <Input />
        </NumberField>
        <CheckboxGroup value={contracts} onChange={setContracts} className="field">
          <Label>Contrats</Label>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem' }}>
            {CONTRACTS.map((contract) => (
              <Checkbox key={contract} value={contract}>
                <span className="box" aria-hidden="true">
                  ✓
                </span>
                {CONTRACT_LABELS[contract]}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
        <RadioGroup value={workingTime} onChange={setWorkingTime} className="field">
          <Label>Temps de travail</Label>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem' }}>
            <Radio value="any">Indifférent</Radio>
            <Radio value="full_time">Temps plein</Radio>
            <Radio value="part_time">Temps partiel</Radio>
          </div>
        </RadioGroup>
        <Button type="submit">Appliquer les filtres</Button>
      </form>
      {!result && !error && <Loading what="des offres" />}
      {result && (
        <>
          <p className="summary" role="status">
            {result.items.length} offres classées parmi {result.candidates} dans le rayon et les contraintes.
          </p>
          <div className="grid" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)' }}>
            <ol className="match-list" style={{ paddingLeft: '1.5rem' }}>
              {result.items.map((match) => (
                <li key={match.id} className="card match">
                  <h2 style={{ marginTop: 0 }}>
                    <Link to={`/offres/${match.id}`}>{match.title}</Link>
                  </h2>
                  <p>
                    <span className="score">{match.score}</span>
                    <span className="muted"> / 100</span> · {match.employerName ?? 'Employeur non précisé'} ·{' '}
                    {match.placeLabel} ({match.explanation.place}) ·{' '}
                    {CONTRACT_LABELS[match.contractType] ?? match.contractType}
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
                  {canWrite && (
                    <div className="actions">
                      {!match.proposed && (
                        <Button onPress={() => void propose(match)} aria-label={`Proposer l’offre ${match.title}`}>
                          Proposer
                        </Button>
                      )}
                      <Button
                        variant="secondary"
                        onPress={() => void introduce(match)}
                        aria-label={`Mettre en relation pour ${match.title}`}
                      >
                        Mettre en relation
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
            <OffersMap
              origin={result.origin}
              radiusKm={Number.isFinite(radius) ? radius : result.profile.maxDistanceKm}
              items={result.items}
            />
          </div>
        </>
      )}
    </>
  );
}
