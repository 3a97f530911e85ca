import { Link, useParams } from 'react-router';
import { hasRole, useAuth } from '../../auth/auth';
import { Alert, Badge, formatDate, Loading, PageTitle } from '../../ui/ui';
import { AidSection } from './aid-section';
import { STATUS_LABELS } from './coaching-labels';
import { AppointmentsSection } from './appointments-section';
import { BarriersSection } from './barriers-section';
import { CerSection } from './cer-section';
import { ClosureForm } from './closure-form';
import { ConsentsSection } from './consents-section';
import { ContactSection } from './contact-section';
import { DiagnosticSection } from './diagnostic-section';
import { ExportButtons } from './export-buttons';
import { JobsSection } from './jobs-section';
import { JournalSection } from './journal-section';
import { ObjectivesSection } from './objectives-section';
import { ProposalsSection } from './proposals-section';
import { ReferentSection } from './referent-section';
import { SharingSection } from './sharing-section';
import { SpaceSection } from './space-section';
import { usePersonData } from './use-person-data';

/** A person's file: identity, diagnostic, barriers, CER, action plan, journal, consents, proposals, CV, export. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const person = usePersonData(id);
  const { file, error, setError, notice, setNotice, load, act, changed } = person;
  const canWrite = hasRole(user, 'coach') && file?.referentUserId === user?.id;

  if (error && !file) return <Alert>{error}</Alert>;
  if (!file) return <Loading what="du dossier" />;

  return (
    <>
      <p>
        <Link to="/portefeuille">← Portefeuille</Link>
      </p>
      <PageTitle title={`${file.firstName ?? ''} ${file.lastName ?? ''}`}>
        {file.firstName} {file.lastName}
      </PageTitle>
      <p>
        <Badge>{STATUS_LABELS[file.status] ?? file.status}</Badge> {file.communeName} · orienté·e le{' '}
        {formatDate(file.orientationDate)}
      </p>
      {error && <Alert>{error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <div className="actions">
        {file.diagnostic && (
          <Link className="button button-primary" to={`/personnes/${id}/offres`}>
            Voir les offres correspondantes
          </Link>
        )}
        {canWrite && <ExportButtons file={file} onError={setError} />}
      </div>

      <div className="grid">
        <ReferentSection
          file={file}
          canAssign={hasRole(user, 'manager')}
          onAssigned={(message) => {
            setError(null);
            setNotice(message);
            void load();
          }}
        />
        <ContactSection
          file={file}
          canWrite={canWrite}
          act={act}
          photoUrl={person.photoUrl}
          onPhotoChanged={person.photoChanged}
        />
        <CerSection file={file} canWrite={canWrite} act={act} />
      </div>

      <DiagnosticSection
        file={file}
        canWrite={canWrite}
        onSaved={() => load().then(() => setNotice('Diagnostic enregistré.'))}
      />

      <div className="grid">
        <BarriersSection id={id} file={file} canWrite={canWrite} userId={user?.id ?? null} onChanged={changed} />
        <ConsentsSection file={file} canWrite={canWrite} act={act} />
      </div>

      {canWrite && <SharingSection file={file} />}

      {canWrite && <SpaceSection id={id} />}

      <ObjectivesSection id={id} file={file} canWrite={canWrite} userId={user?.id ?? null} onChanged={changed} />

      <ProposalsSection proposals={file.proposals} />

      <JobsSection beneficiaryId={id} canWrite={canWrite} onChanged={setNotice} />

      <AppointmentsSection id={id} canWrite={canWrite} version={file} />

      <JournalSection id={id} file={file} canWrite={canWrite} userId={user?.id ?? null} onChanged={changed} />

      <AidSection id={id} file={file} canWrite={canWrite} userId={user?.id ?? null} onChanged={changed} />

      {canWrite && (file.status === 'oriented' || file.status === 'in_coaching') && (
        <details className="card">
          <summary>
            <h2 style={{ display: 'inline', fontSize: '1.1rem' }}>Terminer l’accompagnement</h2>
          </summary>
          <ClosureForm
            id={id}
            onClosed={async (message) => {
              await load();
              setNotice(message);
            }}
          />
        </details>
      )}
    </>
  );
}
