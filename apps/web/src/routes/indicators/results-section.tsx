import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { IndicatorsResponse } from '../../api/types';
import { Alert, Button, formatDate } from '../../ui/ui';
import { IndicatorCard } from './indicator-card';
import { type Query, queryParams } from './period';

/** The indicators of the period, each against its target, and their CSV export. */
export function ResultsSection({
  overall,
  query,
  structureName,
}: {
  overall: IndicatorsResponse;
  query: Query;
  structureName: string | null;
}) {
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const blob = await ok(
        api.GET('/indicators/export.csv', { params: { query: queryParams(query) }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `indicateurs-${query.from}-${query.to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setExportError(`Export impossible : ${describeError(caught)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-labelledby="indicators-results">
      <h2 id="indicators-results">
        Du {formatDate(overall.from)} au {formatDate(overall.to)}
        {structureName ? ` — ${structureName}` : ''}
      </h2>
      <p className="summary" role="status">
        Calculés le {formatDate(overall.asOf)} à partir des dossiers ; chaque taux est donné avec son numérateur et son
        dénominateur.
      </p>
      <div className="actions">
        <Button variant="secondary" onPress={() => void exportCsv()} isDisabled={exporting}>
          {exporting ? 'Export en cours…' : 'Exporter en CSV'}
        </Button>
      </div>
      {exportError && <Alert>{exportError}</Alert>}
      <ul className="grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {(overall.groups[0]?.indicators ?? []).map((indicator) => (
          <IndicatorCard key={indicator.key} indicator={indicator} />
        ))}
      </ul>
    </section>
  );
}
