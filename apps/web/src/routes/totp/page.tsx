import { type FormEvent, useState } from 'react';
import { FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { TotpEnrolmentResponse } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { session } from '../../auth/session-store';
import { clearing } from '../../ui/forms';
import { Alert, Button, PageTitle } from '../../ui/ui';

/** The secret in groups of four, as authenticator apps ask for it when typed by hand. */
const grouped = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Enrolling a second factor (TOTP): required before anything else when the role demands one
 * (AUTH_TOTP_REQUIRED_ROLES) and the account has none; also open to anyone who wants one.
 */
export function TotpPage() {
  const { user, setUser } = useAuth();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentResponse | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = user?.totpEnrolmentRequired ?? false;

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      setEnrolment(await ok(api.POST('/auth/totp/enrol')));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setErrors({ code: 'Saisissez les 6 chiffres affichés par l’application.' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/auth/totp/confirm', { body: { code: code.replace(/\s/g, '') } }));
      // The session was opened for enrolment only: a fresh token opens the rest.
      await session.refresh();
      setUser(await ok(api.GET('/auth/me')));
      void navigate('/', { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 400 || caught.status === 401 || caught.status === 422))
        setErrors({ code: 'Ce code n’est pas le bon (ou a expiré) : saisissez le code affiché maintenant.' });
      else setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="Double authentification">Activer la double authentification</PageTitle>
      {required && (
        <Alert kind="info">
          Votre rôle demande un second facteur : un code à 6 chiffres donné par une application d’authentification
          (FreeOTP, Google Authenticator, Microsoft Authenticator…). Activez-le pour continuer.
        </Alert>
      )}
      {user?.totpEnabled && !required && <Alert kind="success">La double authentification est activée.</Alert>}
      {error && <Alert>{error}</Alert>}
      <div className="card" style={{ maxWidth: '40rem' }}>
        {!enrolment ? (
          <>
            <p>1. Installez une application d’authentification sur votre téléphone.</p>
            <p>2. Demandez la clé de votre compte, puis ajoutez-la dans l’application.</p>
            <Button onPress={() => void start()} isDisabled={busy}>
              Afficher ma clé
            </Button>
          </>
        ) : (
          <>
            <p>
              Dans l’application, ajoutez un compte « saisie manuelle » avec cette clé (ou, depuis ce téléphone,{' '}
              <a href={enrolment.otpauthUri}>ouvrez-la directement</a>) :
            </p>
            <p className="secret" aria-label="Clé à saisir dans l’application" style={{ fontFamily: 'monospace' }}>
              <strong data-secret={enrolment.secret}>{grouped(enrolment.secret)}</strong>
            </p>
            <Form
              onSubmit={(event) => void confirm(event)}
              validationBehavior="aria"
              validationErrors={errors}
              aria-label="Confirmer la double authentification"
            >
              <TextField
                name="code"
                value={code}
                onChange={clearing(setCode, 'code', setErrors)}
                isRequired
                inputMode="numeric"
                autoComplete="one-time-code"
                isInvalid={!!errors.code}
                className="field"
              >
                <Label>Code à 6 chiffres affiché par l’application</Label>
                <Input />
                <Text slot="description" className="muted">
                  Le code change toutes les 30 secondes.
                </Text>
                <FieldError>{errors.code}</FieldError>
              </TextField>
              <div className="actions">
                <Button type="submit" isDisabled={busy}>
                  {busy ? 'Vérification…' : 'Activer'}
                </Button>
              </div>
            </Form>
          </>
        )}
      </div>
    </>
  );
}
