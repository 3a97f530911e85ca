import { Link } from 'react-router';
import type { NeedResponse } from '../../api/types';
import { Badge, formatDate, formatDateTime } from '../../ui/ui';
import { JobAnalysisForm } from '../../features/employers/job-analysis-form';

/** Where a need stands against the 48-hour promise, in words. */
function clock(need: NeedResponse): { text: string; tone: 'success' | 'warning' | undefined } {
  if (need.firstCandidateAt)
    return {
      text: `Premier·e candidat·e envoyé·e le ${formatDateTime(need.firstCandidateAt)}${need.overdue ? ', après le délai' : ''}`,
      tone: need.overdue ? 'warning' : 'success',
    };
  if (need.overdue)
    return { text: `En retard : candidat·es attendu·es le ${formatDateTime(need.dueAt)}`, tone: 'warning' };
  return { text: `Candidat·es à proposer avant le ${formatDateTime(need.dueAt)}`, tone: undefined };
}

/** One need: the employer's words, how to reach them, its clock, and the qualification of its draft job analysis. */
export function NeedItem({ need, onQualified }: { need: NeedResponse; onQualified: () => void }) {
  const state = clock(need);
  const conditions = [
    `Lieu : ${need.place}`,
    need.startOn ? `Début souhaité : ${formatDate(need.startOn)}` : null,
    need.whatMatters ? `Ce qui compte pour l’employeur : ${need.whatMatters}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <li className="card" style={{ padding: '0.75rem 1rem', marginBottom: '0.75rem' }}>
      <h3 style={{ margin: '0 0 0.25rem' }}>
        {need.jobTitle} — {need.employerName}
      </h3>
      <p style={{ margin: 0 }}>
        <Badge tone={state.tone}>{state.text}</Badge>{' '}
        {need.qualifiedAt ? (
          <Badge tone="success">Qualifié le {formatDate(need.qualifiedAt)}</Badge>
        ) : (
          <Badge>À qualifier</Badge>
        )}
      </p>
      <p className="muted" style={{ margin: '0.25rem 0' }}>
        Reçu le {formatDateTime(need.receivedAt)}
        {need.viaPublicForm ? ` par le formulaire public (SIRET ${need.siret ?? '—'})` : ' par le lien de l’employeur'}
      </p>
      <dl className="facts">
        <dt>Lieu</dt>
        <dd>{need.place}</dd>
        <dt>Horaires</dt>
        <dd>{need.hours}</dd>
        <dt>Début souhaité</dt>
        <dd>{need.startOn ? formatDate(need.startOn) : 'Dès que possible'}</dd>
        <dt>Contrat</dt>
        <dd>{need.contractType ?? 'Non précisé'}</dd>
        {need.whatMatters && (
          <>
            <dt>Ce qui compte</dt>
            <dd>{need.whatMatters}</dd>
          </>
        )}
        <dt>Contact</dt>
        <dd>
          {need.contactName}
          {need.contactPhone && (
            <>
              {' '}
              · <a href={`tel:${need.contactPhone.replace(/[\s.]/g, '')}`}>{need.contactPhone}</a>
            </>
          )}
          {need.contactEmail && (
            <>
              {' '}
              · <a href={`mailto:${need.contactEmail}`}>{need.contactEmail}</a>
            </>
          )}
        </dd>
      </dl>
      {need.offerId ? (
        <p>
          Offre publiée : <Link to={`/offres/${need.offerId}`}>{need.jobTitle}</Link>
        </p>
      ) : (
        !need.qualifiedAt && (
          <JobAnalysisForm
            employerId={need.employerId}
            onAnalysed={onQualified}
            draft={{
              analysisId: need.jobAnalysisId,
              title: need.jobTitle,
              schedule: need.hours,
              conditions,
              contractType: need.contractType,
            }}
          />
        )
      )}
    </li>
  );
}
