import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { Scroll } from '../../ui/forms';
import { Alert, formatDate, Loading, PageTitle } from '../../ui/ui';
import { sharedPartsText } from '../../features/sharing/sharing-labels';

/** The files other coaches shared with me, in force today: who, by whom, what, until when. */
export function SharesPage() {
  const received = useApiData(() => ok(api.GET('/file-shares/received')), []);
  return (
    <>
      <PageTitle title="Dossiers partagés avec moi">Dossiers partagés avec moi</PageTitle>
      <p className="muted">
        Un·e conseiller·ère référent·e vous a confié ces dossiers, avec l’accord de la personne, jusqu’à une date.
        Chaque consultation est enregistrée.
      </p>
      {received.error && <Alert>{received.error}</Alert>}
      {!received.data && !received.error && <Loading what="des dossiers partagés" />}
      {received.data && received.data.length === 0 && <p>Aucun dossier n’est partagé avec vous en ce moment.</p>}
      {received.data && received.data.length > 0 && (
        <Scroll label="Dossiers partagés avec moi">
          <table>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Partagé par</th>
                <th scope="col">Parties visibles</th>
                <th scope="col">Jusqu’au</th>
              </tr>
            </thead>
            <tbody>
              {received.data.map((share) => (
                <tr key={share.id}>
                  <td>
                    <Link to={`/partages/${share.beneficiaryId}`}>
                      {share.firstName} {share.lastName}
                    </Link>
                  </td>
                  <td>{share.grantedByName}</td>
                  <td>{sharedPartsText(share.parts, share.healthNoteVisible)}</td>
                  <td>{formatDate(share.endsOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </>
  );
}
