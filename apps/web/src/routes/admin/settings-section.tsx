import { type FormEvent, useState } from 'react';
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { components } from '../../api/types';
import { reasonInFrench } from '../../ui/forms';
import { Alert, Badge, Button, formatDateTime, Loading } from '../../ui/ui';
import { useSettings } from './use-admin-data';

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
  'mediation.shortlist_reminder_working_days': {
    label: 'Relance d’une sélection sans réponse',
    effect:
      'Jours ouvrés (du lundi au vendredi) sans réponse pour toutes les personnes d’une sélection avant que l’employeur reçoive une relance par e-mail (une seule), ou que le ou la chargé·e de relation entreprises soit invité·e à l’appeler.',
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
  'offers.occupation_learning': {
    label: 'Métier lu d’après les offres codées',
    effect:
      '« false » (par défaut) : le métier ROME d’une offre sans code est lu de son intitulé et de sa description ; « true » : aussi d’après les offres France Travail stockées les plus proches (à partir de 200), quand elles sont nettement d’accord.',
  },
  'auth.totp_required_roles': {
    label: 'Double authentification obligatoire',
    effect: 'Rôles qui doivent activer la double authentification (TOTP), par exemple coach,manager,platform_staff.',
  },
};
const UNITS: Record<string, string> = {
  people: 'personnes',
  months: 'mois',
  days: 'jours',
  working_days: 'jours ouvrés',
  hours: 'heures',
};

function settingValue(setting: Setting, value: number | string): string {
  if (value === '') return '(aucun)';
  if (value === 'true') return 'oui';
  if (value === 'false') return 'non';
  return setting.unit ? `${value} ${UNITS[setting.unit] ?? setting.unit}` : String(value);
}

/** The settings in force: five changed here (audited, at once), the others as the environment sets them. */
export function SettingsSection() {
  const { data: settings, error, setData: setSettings } = useSettings();
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
      () => ok(api.PUT('/settings/{key}', { params: { path: { key: setting.key } }, body: { value } })),
      'Réglage enregistré.',
    );
  };
  const reset = () =>
    void run(
      () => ok(api.DELETE('/settings/{key}', { params: { path: { key: setting.key } } })),
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
