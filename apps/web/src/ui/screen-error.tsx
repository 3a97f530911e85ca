import { Link } from 'react-router';
import { Alert, Button, PageTitle } from './ui';

/**
 * What a screen shows when it cannot be drawn (its code failed to load after an update, or a fault): a French
 * message and a way on, instead of the router's English default or an endless "Chargement…".
 */
export function ScreenError() {
  return (
    <main id="contenu" className="login">
      <div className="login-card">
        <PageTitle title="Écran indisponible">Écran indisponible</PageTitle>
        <Alert>
          Cet écran n’a pas pu s’afficher. Rechargez la page ; si le problème continue, prévenez votre administrateur.
        </Alert>
        <div className="actions">
          <Button onPress={() => window.location.reload()}>Recharger la page</Button>
          <Link className="button button-secondary" to="/">
            Revenir à l’accueil
          </Link>
        </div>
      </div>
    </main>
  );
}
