import type { User } from './admin-labels';
import { Button } from '../../ui/ui';

/** An account's actions, the destructive ones asked to confirm first (the user cannot disable themself). */
export function UserActions({
  user,
  self,
  confirming,
  busy,
  onAsk,
  onCancel,
  onConfirm,
  onReactivate,
}: {
  user: User;
  self: boolean;
  confirming: 'disable' | 'reset' | null;
  busy: boolean;
  onAsk: (action: 'disable' | 'reset') => void;
  onCancel: () => void;
  onConfirm: () => void;
  onReactivate: () => void;
}) {
  return confirming ? (
    <div className="actions" style={{ margin: 0 }}>
      <p style={{ margin: 0, flexBasis: '100%' }}>
        {confirming === 'disable'
          ? `Désactiver le compte de ${user.displayName} ? Ses sessions seront closes.`
          : `Réinitialiser le mot de passe de ${user.displayName} ? Ses sessions seront closes.`}
      </p>
      <Button variant="danger" autoFocus isDisabled={busy} onPress={onConfirm}>
        Confirmer
      </Button>
      <Button variant="secondary" isDisabled={busy} onPress={onCancel}>
        Annuler
      </Button>
    </div>
  ) : (
    <div className="actions" style={{ margin: 0 }}>
      {user.status === 'active' && !self && (
        <Button variant="secondary" onPress={() => onAsk('disable')}>
          Désactiver<span className="visually-hidden"> le compte de {user.displayName}</span>
        </Button>
      )}
      {user.status === 'disabled' && (
        <Button variant="secondary" isDisabled={busy} onPress={onReactivate}>
          Réactiver<span className="visually-hidden"> le compte de {user.displayName}</span>
        </Button>
      )}
      {!user.ssoLinked && (
        <Button variant="secondary" onPress={() => onAsk('reset')}>
          Réinitialiser le mot de passe
          <span className="visually-hidden"> de {user.displayName}</span>
        </Button>
      )}
    </div>
  );
}
