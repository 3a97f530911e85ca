import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { hasRole, useAuth } from '../../auth/auth';
import { Alert, Loading, PageTitle } from '../../ui/ui';
import { FiltersForm } from './filters-form';
import { MatchItem } from './match-item';
import { OffersMap } from './offers-map';
import { Pager } from './pager';
import { MAX_OFFSET, PAGE_SIZE, readSearch } from './matches-search';
import { useMatchActions, useMatchesData } from './use-matches-data';

/** Matched offers for a person: ranked, explained, filtered, paged; propose one or open an introduction. */
export function MatchesPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => readSearch(params), [params]);
  const { data: result, error, reload } = useMatchesData(id, applied);
  const { notice, choosing, setChoosing, problems, propose, introduce } = useMatchActions(id, reload);
  const canWrite = hasRole(user, 'coach');
  const offset = (applied.page - 1) * PAGE_SIZE;
  // Another page of results starts at the top of the list (braces: Chromium's scrollTo now returns a promise,
  // which React would take for a clean-up function).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [applied.page]);

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
      <FiltersForm applied={applied} profile={result?.profile} onApply={setParams} />
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
          <div className="matches-layout">
            <ol className="match-list" style={{ paddingLeft: '1.5rem' }} start={offset + 1}>
              {result.items.map((match) => (
                <MatchItem
                  key={match.id}
                  match={match}
                  canWrite={canWrite}
                  choosing={choosing === match.id}
                  problem={problems[match.id]}
                  onPropose={() => void propose(match)}
                  onIntroduce={(choice) => introduce(match, choice)}
                  onChoose={(open) => setChoosing(open ? match.id : null)}
                />
              ))}
            </ol>
            <OffersMap
              origin={result.origin}
              radiusKm={applied.km ?? result.profile.maxDistanceKm}
              items={result.items}
              first={offset + 1}
            />
          </div>
          {pages > 1 && <Pager current={applied.page} pages={pages} params={params} />}
        </>
      )}
    </>
  );
}
