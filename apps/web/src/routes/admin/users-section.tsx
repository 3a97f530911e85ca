import { useState } from 'react';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { Structure } from '../../features/structures/structures';
import { ROLE_LABELS } from '../../ui/labels';
import { Alert, Badge, Button, formatDateTime, Loading } from '../../ui/ui';
import type { User } from './admin-labels';
import { CreateUserForm } from './create-user-form';
import { type Secret, TemporaryPassword } from './temporary-password';
import { useUsers } from './use-admin-data';
import { UserActions } from './user-actions';

/** The accounts: each one's roles, structure, status and second factor; disable, reactivate, reset, create. */
export function UsersSection({ me, structures }: { me: User; structures: Structure[] }) {
  const { users, setUsers, total, error, setError, load } = useUsers();
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [pending, setPending] = useState<{ id: string; action: 'disable' | 'reset' } | null>(null);
  const [busy, setBusy] = useState(false);

  const structureName = (id: string) => structures.find((structure) => structure.id === id)?.name ?? '—';

  const setStatus = async (user: User, status: 'active' | 'disabled') => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const updated = await ok(api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body: { status } }));
      setUsers((current) => (current ?? []).map((item) => (item.id === updated.id ? updated : item)));
      setMessage(
        status === 'disabled'
          ? `Le compte de ${user.displayName} est désactivé : ses sessions sont closes.`
          : `Le compte de ${user.displayName} est réactivé.`,
      );
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'user.self_lockout')
        setError('Vous ne pouvez pas désactiver votre propre compte.');
      else setError(describeError(caught));
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const resetPassword = async (user: User) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { temporaryPassword, expiresAt } = await ok(
        api.POST('/users/{id}/password-reset', { params: { path: { id: user.id } } }),
      );
      setSecret({
        who: `${user.displayName} (${user.email})`,
        password: temporaryPassword,
        reason: 'reset',
        expiresAt,
      });
      load(0);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const created = (user: User, temporaryPassword: string | null | undefined, expiresAt: string | null | undefined) => {
    setMessage(`Le compte de ${user.displayName} est créé.`);
    if (temporaryPassword)
      setSecret({
        who: `${user.displayName} (${user.email})`,
        password: temporaryPassword,
        reason: 'created',
        expiresAt,
      });
    load(0);
  };

  return (
    <section aria-labelledby="comptes">
      <h2 id="comptes">Comptes</h2>
      {secret && <TemporaryPassword secret={secret} onHide={() => setSecret(null)} />}
      {message && <Alert kind="success">{message}</Alert>}
      {error && <Alert>{error}</Alert>}
      {!users && !error && <Loading what="des comptes" />}
      {users && (
        <>
          <p className="summary">
            {total} compte{total > 1 ? 's' : ''}
            {users.length < total ? `, dont ${users.length} affichés` : ''}.
          </p>
          <div className="table-scroll" style={{ position: 'relative' }}>
            <table className="data-table">
              <caption className="visually-hidden">Comptes utilisateurs</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Adresse e-mail</th>
                  <th scope="col">Rôles</th>
                  <th scope="col">Structure</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Double authentification</th>
                  <th scope="col">Dernière connexion</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => {
                  const self = user.id === me.id;
                  const confirming = pending?.id === user.id ? pending.action : null;
                  return (
                    <tr key={user.id}>
                      <th scope="row">
                        {user.displayName}
                        {self && <span className="muted"> (vous)</span>}
                      </th>
                      <td style={{ overflowWrap: 'anywhere' }}>{user.email}</td>
                      <td>{user.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}</td>
                      <td>{structureName(user.structureId)}</td>
                      <td>
                        {user.status === 'active' ? (
                          <Badge tone="success">Actif</Badge>
                        ) : (
                          <Badge tone="danger">Désactivé</Badge>
                        )}
                        {user.mustChangePassword && (
                          <span className="muted" style={{ display: 'block', fontSize: '0.9rem' }}>
                            Mot de passe à changer
                          </span>
                        )}
                      </td>
                      <td>
                        {user.totpEnabled ? 'Activée' : 'Non activée'}
                        {user.ssoLinked && (
                          <span className="muted" style={{ display: 'block', fontSize: '0.9rem' }}>
                            Compte relié au SSO
                          </span>
                        )}
                      </td>
                      <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Jamais'}</td>
                      <td>
                        <UserActions
                          user={user}
                          self={self}
                          confirming={confirming}
                          busy={busy}
                          onAsk={(action) => setPending({ id: user.id, action })}
                          onCancel={() => setPending(null)}
                          onConfirm={() =>
                            void (confirming === 'disable' ? setStatus(user, 'disabled') : resetPassword(user))
                          }
                          onReactivate={() => void setStatus(user, 'active')}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {users.length < total && (
            <div className="actions">
              <Button variant="secondary" onPress={() => load(users.length)}>
                Afficher les comptes suivants
              </Button>
            </div>
          )}
        </>
      )}
      <CreateUserForm structures={structures} onCreated={created} />
    </section>
  );
}
