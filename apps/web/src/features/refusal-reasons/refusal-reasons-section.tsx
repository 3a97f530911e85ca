import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { Scroll } from '../../ui/forms';
import { Alert, formatDate, Loading } from '../../ui/ui';

/**
 * The reasons employers gave for "not now" on shortlists, counted by offer and by structure over a period (the
 * last year by default): what mediators go back to negotiate. Managers see their structures, mediators their own.
 */
export function RefusalReasonsSection({ from, to }: { from?: string; to?: string }) {
  const { data, error } = useApiData(
    () =>
      ok(
        api.GET('/indicators/refusal-reasons', {
          params: { query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } },
        }),
      ),
    [from, to],
  );
  return (
    <section aria-labelledby="refusal-reasons">
      <h2 id="refusal-reasons">Raisons des refus des employeurs</h2>
      {error && <Alert>{error}</Alert>}
      {!data && !error && <Loading what="des raisons de refus" />}
      {data && data.byOffer.length === 0 && (
        <p>
          Aucun refus motivé du {formatDate(data.from)} au {formatDate(data.to)}.
        </p>
      )}
      {data && data.byOffer.length > 0 && (
        <>
          <p className="muted">
            Du {formatDate(data.from)} au {formatDate(data.to)}, réponses « pas pour le moment » des employeurs sur les
            sélections.
          </p>
          <Scroll label="Raisons des refus par offre">
            <table className="data-table">
              <caption>Par offre</caption>
              <thead>
                <tr>
                  <th scope="col">Offre</th>
                  <th scope="col">Raison</th>
                  <th scope="col">Nombre</th>
                </tr>
              </thead>
              <tbody>
                {data.byOffer.map((row) => (
                  <tr key={`${row.offerId}-${row.reason}`}>
                    <th scope="row">{row.offerTitle}</th>
                    <td>{row.label}</td>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
          <Scroll label="Raisons des refus par structure">
            <table className="data-table">
              <caption>Par structure</caption>
              <thead>
                <tr>
                  <th scope="col">Structure</th>
                  <th scope="col">Raison</th>
                  <th scope="col">Nombre</th>
                </tr>
              </thead>
              <tbody>
                {data.byStructure.map((row) => (
                  <tr key={`${row.structureId}-${row.reason}`}>
                    <th scope="row">{row.structureName}</th>
                    <td>{row.label}</td>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </>
      )}
    </section>
  );
}
