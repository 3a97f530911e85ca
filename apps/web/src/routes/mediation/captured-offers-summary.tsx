import { Link } from 'react-router';
import type { CapturedOffersResponse } from '../../api/types';
import type { ApiData } from '../../api/use-api-data';
import { Badge, Alert, formatDate, Loading, percent } from '../../ui/ui';

/** The 48-hour report: how soon the offers captured or posted got a first candidate, and those still waiting. */
export function CapturedOffersSummary({ report: loaded }: { report: ApiData<CapturedOffersResponse> }) {
  const { data: report, error } = loaded;
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
