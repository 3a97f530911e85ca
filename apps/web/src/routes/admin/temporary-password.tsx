import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from '../../ui/ui';

export interface Secret {
  readonly who: string;
  readonly password: string;
  readonly reason: 'created' | 'reset';
  /** ISO date after which the temporary password no longer works. */
  readonly expiresAt: string | null | undefined;
}

/** A temporary password, shown once (focused, so a screen reader reads it), with a copy button. */
export function TemporaryPassword({ secret, onHide }: { secret: Secret; onHide: () => void }) {
  const [copied, setCopied] = useState(false);
  const secretRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setCopied(false);
    secretRef.current?.focus();
  }, [secret]);
  return (
    <div ref={secretRef} tabIndex={-1}>
      <Alert kind="success">
        <p style={{ marginTop: 0 }}>
          {secret.reason === 'created' ? 'Compte créé' : 'Mot de passe réinitialisé'} pour {secret.who}. Mot de passe
          temporaire :{' '}
          <code style={{ fontSize: '1.1rem', fontWeight: 700, wordBreak: 'break-all' }}>{secret.password}</code>
        </p>
        <p>
          Il ne sera plus affiché : transmettez-le par un canal sûr. La personne devra le changer à sa première
          connexion
          {secret.expiresAt
            ? `, avant le ${new Date(secret.expiresAt).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' })} : ensuite il ne fonctionnera plus.`
            : '.'}
        </p>
        <div className="actions" style={{ marginBottom: 0 }}>
          {typeof navigator !== 'undefined' && navigator.clipboard && (
            <Button
              variant="secondary"
              onPress={() => {
                void navigator.clipboard.writeText(secret.password).then(() => setCopied(true));
              }}
            >
              {copied ? 'Copié' : 'Copier le mot de passe'}
            </Button>
          )}
          <Button variant="secondary" onPress={onHide}>
            J’ai noté le mot de passe : masquer
          </Button>
        </div>
      </Alert>
    </div>
  );
}
