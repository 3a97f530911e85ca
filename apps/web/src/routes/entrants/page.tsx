import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { api, describeError, ok } from '../../api/client';
import type { components } from '../../api/types';
import { hasRole, useAuth } from '../../auth/auth';
import { Scroll } from '../../ui/forms';
import { Alert, Badge, Button, formatDate, PageTitle } from '../../ui/ui';

type Preview = components['schemas']['EntrantsPreviewResponse'];
type Result = components['schemas']['EntrantsImportResponse'];

/** Managers: the list of newly oriented people, imported from the orientation service's CSV after a preview. */
export function EntrantsPage() {
  const { user } = useAuth();
  if (!hasRole(user, 'manager'))
    return (
      <>
        <PageTitle title="Nouveaux entrants">Nouveaux entrants</PageTitle>
        <Alert kind="info">Cette page est réservée aux responsables.</Alert>
      </>
    );
  return <EntrantsImport />;
}

function EntrantsImport() {
  const inputId = useId();
  const helpId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (call: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await call();
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  const formOf = (chosen: File, digest?: string): FormData => {
    const form = new FormData();
    form.append('file', chosen);
    if (digest) form.append('digest', digest);
    return form;
  };
  const showPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem('Choisissez le fichier CSV à importer.');
      return;
    }
    setResult(null);
    void run(async () => {
      setPreview(await ok(api.POST('/entrants-imports/preview', { body: formOf(file) })));
    });
  };
  const confirm = () =>
    file &&
    preview &&
    void run(async () => {
      setResult(
        await ok(
          api.POST('/entrants-imports', {
            body: formOf(file, preview.digest),
          }),
        ),
      );
      setPreview(null);
    });

  return (
    <>
      <PageTitle title="Nouveaux entrants">Importer les nouveaux entrants</PageTitle>
      <p>
        <Link to="/equipe">Retour à l’équipe</Link>
      </p>
      <Form onSubmit={showPreview} aria-label="Choisir le fichier des nouveaux entrants" className="card">
        <div className="field">
          <label htmlFor={inputId}>Fichier CSV du service d’orientation</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={helpId}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setResult(null);
            }}
          />
          <p id={helpId} className="muted">
            Colonnes : nom, prénom, date de naissance, adresse (finissant par le code postal et la commune) ou code
            postal et commune, date d’orientation, structure. Séparateur « ; » ou « , », encodage UTF-8, dates
            JJ/MM/AAAA ; 1 Mo et 2 000 lignes au plus. Colonnes facultatives : e-mail, téléphone, consentement e-mail et
            consentement SMS (« oui » ou « non ») : la personne qui a consenti à un canal est invitée par ce canal à
            choisir son premier rendez-vous.
          </p>
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={busy}>
            Prévisualiser l’import
          </Button>
        </div>
      </Form>
      {problem && <Alert>{problem}</Alert>}
      {preview && <PreviewSection preview={preview} busy={busy} onConfirm={confirm} />}
      {result && (
        <Alert kind="success">
          {result.created.length === 0
            ? 'Aucun dossier créé.'
            : `${result.created.length} dossier${result.created.length > 1 ? 's' : ''} créé${result.created.length > 1 ? 's' : ''} au statut « orienté ».`}{' '}
          {result.duplicates.length > 0 && `${result.duplicates.length} doublon(s) écarté(s). `}
          {result.refused.length > 0 && `${result.refused.length} ligne(s) refusée(s).`}{' '}
          {result.invited.length > 0 &&
            `${result.invited.length} personne${result.invited.length > 1 ? 's' : ''} invitée${result.invited.length > 1 ? 's' : ''} à choisir un premier rendez-vous.`}{' '}
          Les personnes sans conseiller·ère s’affectent depuis la page <Link to="/equipe">Équipe</Link>.
        </Alert>
      )}
    </>
  );
}

const CHANNEL_WORDS: Record<string, string> = { email: 'e-mail', sms: 'SMS' };

/** « par e-mail et SMS », or why not: no consent (or no address) for any channel. */
function invitationText(channels: readonly string[]): string {
  if (channels.length === 0) return 'non (pas de consentement ou de coordonnées)';
  return `par ${channels.map((channel) => CHANNEL_WORDS[channel] ?? channel).join(' et ')}`;
}

function PreviewSection({ preview, busy, onConfirm }: { preview: Preview; busy: boolean; onConfirm: () => void }) {
  const count = preview.toCreate.length;
  const invited = preview.toCreate.filter((line) => line.invitedBy.length > 0).length;
  return (
    <section aria-labelledby="apercu">
      <h2 id="apercu">Aperçu de l’import</h2>
      <p className="summary" role="status">
        {preview.lines} ligne{preview.lines > 1 ? 's' : ''} lue{preview.lines > 1 ? 's' : ''} : {count} à créer,{' '}
        {preview.duplicates.length} doublon{preview.duplicates.length > 1 ? 's' : ''}, {preview.refused.length} refusée
        {preview.refused.length > 1 ? 's' : ''}.{' '}
        {invited > 0 &&
          `${invited} personne${invited > 1 ? 's' : ''} ser${invited > 1 ? 'ont' : 'a'} invitée${invited > 1 ? 's' : ''} à choisir un premier rendez-vous.`}
      </p>

      <h3>Dossiers à créer</h3>
      {count === 0 ? (
        <p className="muted">Aucun.</p>
      ) : (
        <Scroll label="Dossiers à créer">
          <table className="data-table">
            <caption className="visually-hidden">Personnes dont le dossier sera créé</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Personne</th>
                <th scope="col">Naissance</th>
                <th scope="col">Commune</th>
                <th scope="col">Orientation</th>
                <th scope="col">Structure</th>
                <th scope="col">Invitation au premier rendez-vous</th>
              </tr>
            </thead>
            <tbody>
              {preview.toCreate.map((line) => (
                <tr key={line.line}>
                  <td>{line.line}</td>
                  <th scope="row">
                    {line.firstName} {line.lastName}
                  </th>
                  <td>{formatDate(line.birthDate)}</td>
                  <td>
                    {line.postalCode} {line.communeName}
                  </td>
                  <td>{formatDate(line.orientationDate)}</td>
                  <td>{line.structureName}</td>
                  <td>{invitationText(line.invitedBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}

      <h3>Doublons écartés</h3>
      {preview.duplicates.length === 0 ? (
        <p className="muted">Aucun.</p>
      ) : (
        <ul aria-label="Doublons écartés">
          {preview.duplicates.map((line) => (
            <li key={line.line}>
              Ligne {line.line} : {line.firstName} {line.lastName}, né·e le {formatDate(line.birthDate)} —{' '}
              {line.existingId ? (
                <Link to={`/personnes/${line.existingId}`}>a déjà un dossier</Link>
              ) : (
                `même personne que la ligne ${line.duplicateOfLine}`
              )}
            </li>
          ))}
        </ul>
      )}

      <h3>Lignes refusées</h3>
      {preview.refused.length === 0 ? (
        <p className="muted">Aucune.</p>
      ) : (
        <ul aria-label="Lignes refusées">
          {preview.refused.map((line) => (
            <li key={line.line}>
              <Badge tone="danger">Ligne {line.line}</Badge>{' '}
              {line.problems.map((problem) => problem.reason).join(' ; ')}
            </li>
          ))}
        </ul>
      )}

      <div className="actions">
        <Button onPress={onConfirm} isDisabled={busy || count === 0}>
          {count === 0 ? 'Rien à importer' : `Confirmer la création de ${count} dossier${count > 1 ? 's' : ''}`}
        </Button>
      </div>
    </section>
  );
}
