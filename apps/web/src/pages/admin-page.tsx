import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { api, ApiError, describeError, ok } from '../api/client';
import type { components } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Checks, Choice, clearing, fieldMessages, labelsOf, reasonInFrench, Scroll } from '../ui/forms';
import { Alert, Badge, Button, formatDate, formatDateTime, Loading, PageTitle } from '../ui/ui';

type User = components['schemas']['UserResponse'];
type Role = User['roles'][number];
type Structure = components['schemas']['StructureResponse'];
type StructureKind = Structure['kind'];

const ROLES: ReadonlyArray<{ id: Role; label: string; hint: string }> = [
  { id: 'coach', label: 'Conseiller·ère', hint: 'accompagne un portefeuille de personnes' },
  {
    id: 'platform_staff',
    label: 'Chargé·e de relation entreprises',
    hint: 'employeurs, offres et mises en relation',
  },
  { id: 'manager', label: 'Responsable', hint: 'indicateurs, affectations, journal d’accès' },
  { id: 'admin', label: 'Administration', hint: 'comptes et structures' },
];
const ROLE_LABELS = labelsOf(ROLES);

const KINDS: ReadonlyArray<{ id: StructureKind; label: string }> = [
  { id: 'departement', label: 'Département' },
  { id: 'local_office', label: 'Antenne locale' },
  { id: 'association', label: 'Association' },
  { id: 'regional_platform', label: 'Plateforme régionale' },
  { id: 'other', label: 'Autre' },
];
const KIND_LABELS = labelsOf(KINDS);

const PAGE_SIZE = 200;

/** Accounts, structures and the platform settings, for administrators. */
export function AdminPage() {
  const { user } = useAuth();
  if (!hasRole(user, 'admin'))
    return (
      <>
        <PageTitle title="Administration">Administration</PageTitle>
        <Alert kind="info">Cette page est réservée aux administrateurs.</Alert>
      </>
    );
  return <Administration me={user!} />;
}

function Administration({ me }: { me: User }) {
  const [structures, setStructures] = useState<Structure[] | null>(null);
  const [structuresError, setStructuresError] = useState<string | null>(null);
  const loadStructures = useCallback(() => {
    setStructuresError(null);
    ok<Structure[]>(api.GET('/structures'))
      .then((list) => setStructures([...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'))))
      .catch((caught: unknown) => setStructuresError(describeError(caught)));
  }, []);
  useEffect(loadStructures, [loadStructures]);

  return (
    <>
      <PageTitle title="Administration">Administration</PageTitle>
      <nav aria-label="Sections de la page">
        <ul className="tags">
          <li>
            <a href="#comptes">Comptes</a>
          </li>
          <li>
            <a href="#structures">Structures</a>
          </li>
          <li>
            <a href="#reglages">Réglages</a>
          </li>
        </ul>
      </nav>
      {structuresError && <Alert>Structures indisponibles : {structuresError}</Alert>}
      <UsersSection me={me} structures={structures ?? []} />
      <StructuresSection structures={structures} failed={structuresError !== null} onCreated={loadStructures} />
      <SettingsSection />
    </>
  );
}

interface Secret {
  readonly who: string;
  readonly password: string;
  readonly reason: 'created' | 'reset';
  /** ISO date after which the temporary password no longer works. */
  readonly expiresAt: string | null | undefined;
}

function UsersSection({ me, structures }: { me: User; structures: Structure[] }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [pending, setPending] = useState<{ id: string; action: 'disable' | 'reset' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const secretRef = useRef<HTMLDivElement>(null);

  const load = useCallback((offset = 0) => {
    ok<{ items: User[]; total: number }>(api.GET('/users', { params: { query: { limit: PAGE_SIZE, offset } } }))
      .then((page) => {
        setUsers((current) => (offset === 0 ? page.items : [...(current ?? []), ...page.items]));
        setTotal(page.total);
      })
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);
  useEffect(() => load(0), [load]);

  useEffect(() => {
    if (secret) secretRef.current?.focus();
  }, [secret]);

  const structureName = (id: string) => structures.find((structure) => structure.id === id)?.name ?? '—';

  const setStatus = async (user: User, status: 'active' | 'disabled') => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const updated = await ok<User>(api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body: { status } }));
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
      const { temporaryPassword, expiresAt } = await ok<{ temporaryPassword: string; expiresAt: string }>(
        api.POST('/users/{id}/password-reset', { params: { path: { id: user.id } } }),
      );
      setCopied(false);
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
    setCopied(false);
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
      {secret && (
        <div ref={secretRef} tabIndex={-1}>
          <Alert kind="success">
            <p style={{ marginTop: 0 }}>
              {secret.reason === 'created' ? 'Compte créé' : 'Mot de passe réinitialisé'} pour {secret.who}. Mot de
              passe temporaire :{' '}
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
              <Button variant="secondary" onPress={() => setSecret(null)}>
                J’ai noté le mot de passe : masquer
              </Button>
            </div>
          </Alert>
        </div>
      )}
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
                        {confirming ? (
                          <div className="actions" style={{ margin: 0 }}>
                            <p style={{ margin: 0, flexBasis: '100%' }}>
                              {confirming === 'disable'
                                ? `Désactiver le compte de ${user.displayName} ? Ses sessions seront closes.`
                                : `Réinitialiser le mot de passe de ${user.displayName} ? Ses sessions seront closes.`}
                            </p>
                            <Button
                              variant="danger"
                              autoFocus
                              isDisabled={busy}
                              onPress={() =>
                                void (confirming === 'disable' ? setStatus(user, 'disabled') : resetPassword(user))
                              }
                            >
                              Confirmer
                            </Button>
                            <Button variant="secondary" isDisabled={busy} onPress={() => setPending(null)}>
                              Annuler
                            </Button>
                          </div>
                        ) : (
                          <div className="actions" style={{ margin: 0 }}>
                            {user.status === 'active' && !self && (
                              <Button
                                variant="secondary"
                                onPress={() => setPending({ id: user.id, action: 'disable' })}
                              >
                                Désactiver<span className="visually-hidden"> le compte de {user.displayName}</span>
                              </Button>
                            )}
                            {user.status === 'disabled' && (
                              <Button
                                variant="secondary"
                                isDisabled={busy}
                                onPress={() => void setStatus(user, 'active')}
                              >
                                Réactiver<span className="visually-hidden"> le compte de {user.displayName}</span>
                              </Button>
                            )}
                            {!user.ssoLinked && (
                              <Button variant="secondary" onPress={() => setPending({ id: user.id, action: 'reset' })}>
                                Réinitialiser le mot de passe
                                <span className="visually-hidden"> de {user.displayName}</span>
                              </Button>
                            )}
                          </div>
                        )}
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

const USER_FIELD_MESSAGES: Record<string, string> = {
  email: 'Saisissez une adresse e-mail valide.',
  displayName: 'Saisissez le nom affiché (200 caractères au plus).',
  structureId: 'Choisissez une structure.',
  roles: 'Choisissez au moins un rôle.',
};

function CreateUserForm({
  structures,
  onCreated,
}: {
  structures: Structure[];
  onCreated: (user: User, temporaryPassword: string | null | undefined, expiresAt: string | null | undefined) => void;
}) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [structureId, setStructureId] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.email = USER_FIELD_MESSAGES.email;
    if (!displayName.trim() || displayName.trim().length > 200) problems.displayName = USER_FIELD_MESSAGES.displayName;
    if (!structureId) problems.structureId = USER_FIELD_MESSAGES.structureId;
    if (roles.length === 0) problems.roles = USER_FIELD_MESSAGES.roles;
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      setError('Le compte n’a pas été créé : corrigez les champs signalés.');
      return;
    }
    setBusy(true);
    try {
      const result = await ok<components['schemas']['CreatedUserResponse']>(
        api.POST('/users', {
          body: {
            email: email.trim(),
            displayName: displayName.trim(),
            structureId: structureId!,
            roles: roles as Role[],
          },
        }),
      );
      setEmail('');
      setDisplayName('');
      setRoles([]);
      onCreated(result.user, result.temporaryPassword, result.temporaryPasswordExpiresAt);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'user.email_taken') {
        setErrors({ email: 'Un compte existe déjà avec cette adresse.' });
        setError('Le compte n’a pas été créé : cette adresse e-mail est déjà utilisée.');
      } else if (caught instanceof ApiError && caught.details.length > 0) {
        setErrors(fieldMessages(caught, USER_FIELD_MESSAGES));
        setError('Le compte n’a pas été créé : corrigez les champs signalés.');
      } else setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" style={{ marginTop: '1rem' }}>
      <h3 style={{ marginTop: 0 }}>Créer un compte</h3>
      <p className="muted">
        Un mot de passe temporaire est généré et affiché une seule fois ; la personne le change à sa première connexion.
      </p>
      {error && <Alert>{error}</Alert>}
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" validationErrors={errors}>
        <div className="grid">
          <TextField
            type="email"
            name="email"
            value={email}
            onChange={clearing(setEmail, 'email', setErrors)}
            isRequired
            autoComplete="off"
            isInvalid={!!errors.email}
          >
            <Label>Adresse e-mail</Label>
            <Input />
            <FieldError>{errors.email}</FieldError>
          </TextField>
          <TextField
            name="displayName"
            value={displayName}
            onChange={clearing(setDisplayName, 'displayName', setErrors)}
            isRequired
            maxLength={200}
            isInvalid={!!errors.displayName}
          >
            <Label>Nom affiché</Label>
            <Input />
            <FieldError>{errors.displayName}</FieldError>
          </TextField>
          <Choice
            label="Structure"
            name="structureId"
            options={structures.map((structure) => ({ id: structure.id, label: structure.name }))}
            value={structureId}
            onChange={clearing(setStructureId, 'structureId', setErrors)}
            isRequired
            isInvalid={!!errors.structureId}
            errorMessage={errors.structureId}
            placeholder="Choisir une structure"
          />
        </div>
        <Checks
          label="Rôles"
          name="roles"
          options={ROLES}
          value={roles}
          onChange={clearing(setRoles, 'roles', setErrors)}
          isRequired
          isInvalid={!!errors.roles}
          errorMessage={errors.roles}
        />
        <div className="actions">
          <Button type="submit" isDisabled={busy}>
            {busy ? 'Création…' : 'Créer le compte'}
          </Button>
        </div>
      </Form>
    </div>
  );
}

function StructuresSection({
  structures,
  failed,
  onCreated,
}: {
  structures: Structure[] | null;
  /** The list could not be read (the page says why): no endless "loading". */
  failed: boolean;
  onCreated: () => void;
}) {
  const name = (id: string | null) => (id ? (structures?.find((structure) => structure.id === id)?.name ?? '—') : '—');
  return (
    <section aria-labelledby="structures">
      <h2 id="structures">Structures</h2>
      {!structures && !failed && <Loading what="des structures" />}
      {!structures && failed && <p>La liste des structures n’a pas pu être chargée.</p>}
      {structures && structures.length === 0 && <p>Aucune structure pour le moment.</p>}
      {structures && structures.length > 0 && (
        <Scroll label="Tableau des structures">
          <table className="data-table">
            <caption className="visually-hidden">Structures</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Structure parente</th>
                <th scope="col">Créée le</th>
              </tr>
            </thead>
            <tbody>
              {structures.map((structure) => (
                <tr key={structure.id}>
                  <th scope="row">{structure.name}</th>
                  <td>{KIND_LABELS[structure.kind] ?? structure.kind}</td>
                  <td>{name(structure.parentId)}</td>
                  <td>{formatDate(structure.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      <CreateStructureForm structures={structures ?? []} onCreated={onCreated} />
    </section>
  );
}

const STRUCTURE_FIELD_MESSAGES: Record<string, string> = {
  name: 'Saisissez le nom de la structure (200 caractères au plus).',
  kind: 'Choisissez le type de structure.',
  parentId: 'Choisissez une structure parente existante.',
};

function CreateStructureForm({ structures, onCreated }: { structures: Structure[]; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StructureKind | null>(null);
  const [parentId, setParentId] = useState<string>('none');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parentOptions = [
    { id: 'none', label: 'Aucune (structure de premier niveau)' },
    ...structures.map((structure) => ({ id: structure.id, label: structure.name })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim() || name.trim().length > 200) problems.name = STRUCTURE_FIELD_MESSAGES.name;
    if (!kind) problems.kind = STRUCTURE_FIELD_MESSAGES.kind;
    setErrors(problems);
    setError(null);
    setMessage(null);
    if (Object.keys(problems).length > 0) {
      setError('La structure n’a pas été créée : corrigez les champs signalés.');
      return;
    }
    setBusy(true);
    try {
      const created = await ok<Structure>(
        api.POST('/structures', {
          body: { name: name.trim(), kind: kind!, ...(parentId !== 'none' ? { parentId } : {}) },
        }),
      );
      setName('');
      setKind(null);
      setParentId('none');
      setMessage(`La structure « ${created.name} » est créée.`);
      onCreated();
    } catch (caught) {
      if (caught instanceof ApiError && caught.details.length > 0) {
        setErrors(fieldMessages(caught, STRUCTURE_FIELD_MESSAGES));
        setError('La structure n’a pas été créée : corrigez les champs signalés.');
      } else setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" style={{ marginTop: '1rem' }}>
      <h3 style={{ marginTop: 0 }}>Créer une structure</h3>
      {message && <Alert kind="success">{message}</Alert>}
      {error && <Alert>{error}</Alert>}
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria" validationErrors={errors}>
        <div className="grid">
          <TextField
            name="name"
            value={name}
            onChange={clearing(setName, 'name', setErrors)}
            isRequired
            maxLength={200}
            isInvalid={!!errors.name}
          >
            <Label>Nom</Label>
            <Input />
            <FieldError>{errors.name}</FieldError>
          </TextField>
          <Choice
            label="Type"
            name="kind"
            options={KINDS}
            value={kind}
            onChange={clearing(setKind, 'kind', setErrors)}
            isRequired
            isInvalid={!!errors.kind}
            errorMessage={errors.kind}
            placeholder="Choisir un type"
          />
          <Choice
            label="Structure parente (facultative)"
            name="parentId"
            options={parentOptions}
            value={parentId}
            onChange={clearing(setParentId, 'parentId', setErrors)}
            isInvalid={!!errors.parentId}
            errorMessage={errors.parentId}
          />
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={busy}>
            {busy ? 'Création…' : 'Créer la structure'}
          </Button>
        </div>
      </Form>
    </div>
  );
}

type Setting = components['schemas']['SettingResponse'];

/** What each setting does, for the administrator (the keys come from GET /settings). */
const SETTING_TEXTS: Record<string, { label: string; effect: string }> = {
  'coaching.portfolio_cap': {
    label: 'Plafond de portefeuille',
    effect:
      'Nombre maximal de personnes suivies par un·e conseiller·ère ; au-delà, seul·e un·e responsable peut affecter (dérogation tracée).',
  },
  'coaching.cer_default_months': {
    label: 'Durée d’un CER',
    effect: 'Durée d’un CER quand aucune n’est indiquée à la signature.',
  },
  'coaching.retention_months': {
    label: 'Durée de conservation',
    effect:
      'Délai après la fin de l’accompagnement, ou sans activité pour un dossier jamais clos, avant l’anonymisation du dossier (le ou la conseiller·ère est prévenu·e 30 jours avant).',
  },
  'mediation.card_link_days': {
    label: 'Validité du lien de fiche candidat',
    effect:
      'Durée de validité des liens envoyés à partir de maintenant (les liens déjà envoyés gardent leur échéance).',
  },
  'mediation.reminder_hours': {
    label: 'Relance sans réponse d’un employeur',
    effect:
      'Délai sans réponse avant de relancer le ou la chargé·e de relation entreprises, pour les fiches envoyées à partir de maintenant.',
  },
  'coaching.retention_apply': {
    label: 'Anonymisation effective',
    effect:
      '« true » (par défaut) : la tâche quotidienne anonymise les dossiers dont le préavis de 30 jours est passé ; « false » : elle indique seulement ce qu’elle anonymiserait (simulation).',
  },
  'demo.enabled': {
    label: 'Mode démonstration',
    effect:
      'Le démarrage tout-en-un sert des sites d’offres d’imitation et les importe, pour qu’une installation neuve montre des offres.',
  },
  'auth.totp_required_roles': {
    label: 'Double authentification obligatoire',
    effect: 'Rôles qui doivent activer la double authentification (TOTP), par exemple coach,manager,platform_staff.',
  },
};
const UNITS: Record<string, string> = { people: 'personnes', months: 'mois', days: 'jours', hours: 'heures' };

function settingValue(setting: Setting, value: number | string): string {
  if (value === '') return '(aucun)';
  if (value === 'true') return 'oui';
  if (value === 'false') return 'non';
  return setting.unit ? `${value} ${UNITS[setting.unit] ?? setting.unit}` : String(value);
}

function SettingsSection() {
  const [settings, setSettings] = useState<Setting[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    ok<Setting[]>(api.GET('/settings'))
      .then(setSettings)
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);
  useEffect(load, [load]);
  const replace = (next: Setting) =>
    setSettings((list) => list?.map((setting) => (setting.key === next.key ? next : setting)) ?? null);

  return (
    <section aria-labelledby="reglages">
      <h2 id="reglages">Réglages</h2>
      <p>
        Les réglages modifiables s’appliquent aussitôt, sans redémarrage ; chaque changement est inscrit au journal
        d’accès. Les autres relèvent de l’installation : ils se changent dans les variables d’environnement du serveur.
      </p>
      {error && <Alert>Réglages indisponibles : {error}</Alert>}
      {!settings && !error && <Loading what="les réglages" />}
      {settings && (
        <ul className="settings">
          {settings.map((setting) => (
            <SettingItem key={setting.key} setting={setting} onChanged={replace} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SettingItem({ setting, onChanged }: { setting: Setting; onChanged: (setting: Setting) => void }) {
  const text = SETTING_TEXTS[setting.key] ?? { label: setting.key, effect: '' };
  const [draft, setDraft] = useState(String(setting.value));
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = setting.changedAt !== null;

  const run = async (call: () => Promise<Setting>, done: string) => {
    setBusy(true);
    setProblem(null);
    setMessage(null);
    try {
      const next = await call();
      onChanged(next);
      setDraft(String(next.value));
      setMessage(done);
    } catch (caught) {
      setProblem(
        caught instanceof ApiError && caught.details.length > 0
          ? reasonInFrench(caught.details[0].reason)
          : describeError(caught),
      );
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim() === '' ? Number.NaN : Number(draft);
    if (
      !Number.isInteger(value) ||
      (setting.min !== null && value < setting.min) ||
      (setting.max !== null && value > setting.max)
    ) {
      setProblem(`Indiquez un nombre entier de ${setting.min} à ${setting.max}.`);
      return;
    }
    void run(
      () => ok<Setting>(api.PUT('/settings/{key}', { params: { path: { key: setting.key } }, body: { value } })),
      'Réglage enregistré.',
    );
  };
  const reset = () =>
    void run(
      () => ok<Setting>(api.DELETE('/settings/{key}', { params: { path: { key: setting.key } } })),
      'Valeur de l’environnement rétablie.',
    );

  return (
    <li className="card">
      <h3 style={{ marginTop: 0 }}>{text.label}</h3>
      <p>{text.effect}</p>
      <dl className="facts">
        <dt>En vigueur</dt>
        <dd>
          {settingValue(setting, setting.value)}{' '}
          {changed ? (
            <Badge tone="warning">modifié le {formatDateTime(setting.changedAt)}</Badge>
          ) : (
            <Badge>valeur de l’environnement</Badge>
          )}
        </dd>
        <dt>Variable d’environnement</dt>
        <dd>
          <code>{setting.env}</code> = {settingValue(setting, setting.environmentValue)}
        </dd>
      </dl>
      {message && <Alert kind="success">{message}</Alert>}
      {setting.editable ? (
        <Form onSubmit={save} aria-label={`Modifier : ${text.label}`} validationBehavior="aria">
          <TextField
            value={draft}
            onChange={(value) => {
              setDraft(value);
              setProblem(null);
            }}
            inputMode="numeric"
            isRequired
            isInvalid={problem !== null}
            className="field"
          >
            <Label>
              Nouvelle valeur ({setting.min} à {setting.max} {setting.unit ? UNITS[setting.unit] : ''})
            </Label>
            <Input />
            <FieldError>{problem}</FieldError>
          </TextField>
          <div className="actions">
            <Button type="submit" variant="secondary" isDisabled={busy}>
              Enregistrer
            </Button>
            {changed && (
              <Button variant="secondary" onPress={reset} isDisabled={busy}>
                Revenir à la valeur de l’environnement
              </Button>
            )}
          </div>
        </Form>
      ) : (
        <p className="muted">Se change dans la configuration du serveur.</p>
      )}
    </li>
  );
}
