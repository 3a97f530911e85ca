import { Link } from 'react-router';
import type { EmployerDetailResponse } from '../../api/types';
import { Alert, Badge, formatDate, Loading } from '../../ui/ui';
import { ContactForm } from './contact-form';
import { INTERACTION_KINDS } from './employer-labels';
import { InteractionForm } from './interaction-form';
import { NeedLinks } from '../../features/needs/need-links';
import { JobAnalysisForm } from '../../features/employers/job-analysis-form';
import { useEmployerDetail } from './use-mediation-data';

/** An employer's card: contacts, the log of exchanges and the job analyses, each with its form. */
export function EmployerDetail({ employerId, onLogged }: { employerId: string; onLogged: () => void }) {
  const { data: detail, error, reload: load } = useEmployerDetail(employerId);

  if (error) return <Alert>{error}</Alert>;
  if (!detail) return <Loading what="de la fiche employeur" />;
  const kindLabel = (kind: string) =>
    kind === 'reminder' ? 'Relance automatique' : (INTERACTION_KINDS.find((item) => item.id === kind)?.label ?? kind);

  return (
    <div className="grid" style={{ marginTop: '0.75rem' }}>
      <div>
        <h4>Contacts</h4>
        {detail.contacts.length === 0 ? (
          <p className="muted">Aucun contact enregistré.</p>
        ) : (
          <ul>
            {detail.contacts.map((contact) => (
              <li key={contact.id}>
                <strong>{contact.name}</strong>
                {contact.role && `, ${contact.role}`}
                {contact.phone && (
                  <>
                    {' '}
                    · <a href={`tel:${contact.phone.replace(/[\s.]/g, '')}`}>{contact.phone}</a>
                  </>
                )}
                {contact.email && (
                  <>
                    {' '}
                    · <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <ContactForm employerId={employerId} onAdded={load} />
      </div>
      <div>
        <h4>Échanges</h4>
        {detail.interactions.length === 0 ? (
          <p className="muted">Aucun échange enregistré.</p>
        ) : (
          <ol className="timeline">
            {detail.interactions.map((interaction) => (
              <li key={interaction.id}>
                <strong>{kindLabel(interaction.kind)}</strong> le {formatDate(interaction.occurredOn)}
                {interaction.outcome && <div>{interaction.outcome}</div>}
                {interaction.nextAction && (
                  <div className="muted">
                    Suite : {interaction.nextAction} le {formatDate(interaction.nextActionOn)}{' '}
                    {interaction.nextActionDoneAt ? <Badge tone="success">Faite</Badge> : <Badge>À faire</Badge>}
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
        <InteractionForm
          employerId={employerId}
          contacts={detail.contacts}
          onLogged={() => {
            load();
            onLogged();
          }}
        />
      </div>
      <div style={{ gridColumn: '1 / -1' }}>
        <h4>Analyses de poste</h4>
        {detail.analyses && <JobAnalysisList analyses={detail.analyses} />}
        <JobAnalysisForm employerId={employerId} onAnalysed={load} />
      </div>
      <div style={{ gridColumn: '1 / -1' }}>
        <h4>Dépôt de besoins par l’employeur</h4>
        <p className="muted">
          Un lien sans compte pour que l’employeur décrive un besoin de recrutement : il arrive dans « Besoins reçus ».
        </p>
        <NeedLinks employerId={employerId} />
      </div>
    </div>
  );
}

function JobAnalysisList({ analyses }: { analyses: EmployerDetailResponse['analyses'] }) {
  if (analyses.length === 0) return <p className="muted">Aucune analyse de poste enregistrée.</p>;
  return (
    <ul>
      {analyses.map((analysis) => (
        <li key={analysis.id}>
          {analysis.offerId ? <Link to={`/offres/${analysis.offerId}`}>{analysis.title}</Link> : analysis.title}
          {analysis.romeCode && <span className="muted"> · ROME {analysis.romeCode}</span>}{' '}
          <span className="muted">
            ({analysis.status === 'draft' ? 'reçu le' : 'analysé le'} {formatDate(analysis.analysedOn)})
          </span>
          {analysis.status === 'draft' && (
            <>
              {' '}
              <Badge tone="warning">Besoin à qualifier</Badge> <Link to="/besoins">Besoins reçus</Link>
            </>
          )}
          {analysis.offerId && (
            <>
              {' '}
              <Badge tone="success">Offre captée</Badge>
            </>
          )}
          {analysis.negotiatedAway && analysis.negotiatedAway.length > 0 && (
            <div className="muted">Exigences levées : {analysis.negotiatedAway.join(' ; ')}</div>
          )}
        </li>
      ))}
    </ul>
  );
}
