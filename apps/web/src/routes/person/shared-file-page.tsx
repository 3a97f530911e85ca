import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { InlineFacts } from '../../ui/forms';
import { Alert, Badge, formatDate, Loading, PageTitle } from '../../ui/ui';
import { BARRIER_LABELS, BARRIER_STATUS_LABELS, STATUS_LABELS } from './coaching-labels';
import { CerSection } from './cer-section';
import { DiagnosticSection } from './diagnostic-section';
import { JournalSection } from './journal-section';
import { ObjectivesSection } from './objectives-section';
import { sharedPartsText } from '../../features/sharing/sharing-labels';

const nothing = () => Promise.resolve();

/** A file shared with me, read only: the parts the share names, nothing else (the health note only if agreed). */
export function SharedFilePage() {
  const { id = '' } = useParams();
  const file = useApiData(() => ok(api.GET('/beneficiaries/{id}', { params: { path: { id } } })), [id]);
  const back = (
    <p>
      <Link to="/partages">← Dossiers partagés avec moi</Link>
    </p>
  );
  if (file.error)
    return (
      <>
        {back}
        <Alert>{file.error}</Alert>
      </>
    );
  if (!file.data) return <Loading what="du dossier partagé" />;
  const data = file.data;
  const share = data.sharedAccess;
  const has = (part: string) => share?.parts.includes(part as never) ?? false;
  return (
    <>
      {back}
      <PageTitle title={`${data.firstName ?? ''} ${data.lastName ?? ''} (dossier partagé)`}>
        {data.firstName} {data.lastName}
      </PageTitle>
      {share && (
        <Alert kind="info">
          Dossier partagé par {share.grantedByName} jusqu’au {formatDate(share.endsOn)} :{' '}
          {sharedPartsText(share.parts, share.healthNoteVisible)}.
        </Alert>
      )}
      <p>
        <Badge>{STATUS_LABELS[data.status] ?? data.status}</Badge> {data.communeName} · référent·e :{' '}
        {data.referentName ?? 'aucun·e'}
      </p>
      {has('contact') && (
        <section className="card" aria-labelledby="contact">
          <h2 id="contact">Coordonnées</h2>
          <InlineFacts
            items={[
              ['Date de naissance', formatDate(data.birthDate)],
              ['E-mail', data.email ?? '—'],
              ['Téléphone', data.phone ?? '—'],
              ['Adresse', data.address ?? '—'],
            ]}
          />
        </section>
      )}
      {has('diagnostic') && <DiagnosticSection file={data} canWrite={false} onSaved={nothing} />}
      {has('barriers') && (
        <section className="card" aria-labelledby="barriers">
          <h2 id="barriers">Freins</h2>
          {data.barriers.length === 0 ? (
            <p>Aucun frein repéré.</p>
          ) : (
            <ul aria-label="Freins de la personne">
              {data.barriers.map((barrier) => (
                <li key={barrier.id}>
                  <strong>{BARRIER_LABELS[barrier.kind] ?? barrier.kind}</strong> (
                  {BARRIER_STATUS_LABELS[barrier.status]}){barrier.description ? ` — ${barrier.description}` : ''}
                  {barrier.healthNote && <div>Note de santé : {barrier.healthNote}</div>}
                  {barrier.actions && <div>Actions : {barrier.actions}</div>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {has('cers') && <CerSection file={data} canWrite={false} act={nothing} />}
      {has('objectives') && (
        <ObjectivesSection id={id} file={data} canWrite={false} userId={null} onChanged={nothing} />
      )}
      {has('journal') && <JournalSection id={id} file={data} canWrite={false} userId={null} onChanged={nothing} />}
    </>
  );
}
