import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import { NeedLinks } from '../../features/needs/need-links';
import { Alert, Button, Loading, PageTitle } from '../../ui/ui';
import { NeedItem } from './need-item';
import { useNeedsData } from './use-needs-data';

/** Needs employers posted by link, each with its 48-hour clock and its qualification; the structure's public form. */
export function NeedsPage() {
  const needs = useNeedsData();
  const [exportError, setExportError] = useState<string | null>(null);
  const overdue = needs.data?.filter((need) => need.overdue && !need.firstCandidateAt).length ?? 0;

  const exportCsv = async () => {
    setExportError(null);
    try {
      const blob = await ok(api.GET('/employers/needs/export.csv', { parseAs: 'blob' }));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'besoins-employeurs.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setExportError(`Export impossible : ${describeError(caught)}`);
    }
  };

  return (
    <>
      <PageTitle title="Besoins reçus">Besoins reçus des employeurs</PageTitle>
      <p className="muted">
        Un besoin déposé par un employeur arrive comme une analyse de poste à qualifier : proposez des candidat·es sous
        48 heures après sa réception.
      </p>
      {needs.error && <Alert>{needs.error}</Alert>}
      {exportError && <Alert>{exportError}</Alert>}
      {!needs.data && !needs.error && <Loading what="des besoins" />}
      {needs.data && (
        <section aria-labelledby="needs-title">
          <h2 id="needs-title">
            {needs.data.length === 0
              ? 'Aucun besoin reçu'
              : `${needs.data.length} besoin${needs.data.length > 1 ? 's' : ''} reçu${needs.data.length > 1 ? 's' : ''}${
                  overdue > 0 ? `, dont ${overdue} en retard` : ''
                }`}
          </h2>
          {needs.data.length > 0 && (
            <>
              <Button variant="secondary" onPress={() => void exportCsv()}>
                Exporter en CSV
              </Button>
              <ul style={{ listStyle: 'none', padding: 0, marginTop: '0.75rem' }}>
                {needs.data.map((need) => (
                  <NeedItem key={need.id} need={need} onQualified={needs.reload} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <section aria-labelledby="public-form-title">
        <h2 id="public-form-title">Formulaire public de la structure</h2>
        <p className="muted">
          Tout employeur peut y déposer un besoin avec son numéro SIRET, sans compte. Publiez le lien sur votre site ou
          transmettez-le.
        </p>
        <NeedLinks />
      </section>
    </>
  );
}
