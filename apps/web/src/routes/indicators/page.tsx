import { useMemo, useState } from 'react';
import { hasRole, useAuth } from '../../auth/auth';
import { RefusalReasonsSection } from '../../features/refusal-reasons/refusal-reasons-section';
import { Alert, Loading, PageTitle, parisToday } from '../../ui/ui';
import { FiltersForm } from './filters-form';
import { GroupTable } from './group-table';
import { GROUPS, presets, type Query } from './period';
import { ResultsSection } from './results-section';
import { TrendChart } from './trend-chart';
import { useIndicatorsData } from './use-indicators-data';

/** Programme indicators for managers and administrators. */
export function IndicatorsPage() {
  const { user } = useAuth();
  if (!hasRole(user, 'manager', 'admin'))
    return (
      <>
        <PageTitle title="Indicateurs">Indicateurs du programme</PageTitle>
        <Alert kind="info">Les indicateurs sont réservés aux responsables et aux administrateurs.</Alert>
      </>
    );
  return <IndicatorsDashboard />;
}

function IndicatorsDashboard() {
  const today = useMemo(parisToday, []);
  const [query, setQuery] = useState<Query>(() => {
    const [year] = presets(today);
    return { from: year.from, to: year.to, groupBy: 'none', structureId: null };
  });
  const { structures, reports } = useIndicatorsData(query);
  const { data, error } = reports;

  const structureName = query.structureId
    ? (structures.find((structure) => structure.id === query.structureId)?.name ?? 'structure choisie')
    : null;
  const groupLabel = GROUPS.find((option) => option.id === query.groupBy)?.label ?? '';

  return (
    <>
      <PageTitle title="Indicateurs">Indicateurs du programme</PageTitle>
      <FiltersForm today={today} structures={structures} onApply={setQuery} />

      {error && <Alert>{error}</Alert>}
      {!data && !error && <Loading what="des indicateurs" />}
      {data && <ResultsSection overall={data.overall} query={query} structureName={structureName} />}
      {data?.grouped && <GroupTable report={data.grouped} label={groupLabel} />}
      <TrendChart today={today} structureId={query.structureId} />
      <RefusalReasonsSection from={query.from} to={query.to} />
    </>
  );
}
