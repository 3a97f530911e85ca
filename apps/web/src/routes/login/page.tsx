import { type FormEvent, useEffect, useState } from 'react';
import { Form, Input, Label, TextField } from 'react-aria-components';
import { Navigate, useNavigate } from 'react-router';
import { api, ApiError, describeError, ok } from '../../api/client';
import { codeMessage, errorText } from '../../api/errors-fr';
import { useAuth } from '../../auth/auth';
import { session } from '../../auth/session-store';
import { returnPage } from '../../auth/drafts';
import { Alert, Button, PageTitle } from '../../ui/ui';

/** Local account login, with the second-factor code when the account has one. */
export function LoginPage() {
  const { state } = useAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sso, setSso] = useState(false);
  useEffect(() => {
    void ok(api.GET('/auth/methods'))
      .then((methods) => setSso(methods.sso))
      .catch(() => setSso(false));
    // Back from the SSO: a one-time code to exchange for the session, or the reason it failed.
    const params = new URLSearchParams(window.location.search);
    const code = params.get('sso');
    const failure = params.get('sso_error');
    if (failure) setError(codeMessage(failure) ?? 'La connexion par le SSO a échoué ; réessayez.');
    if (code)
      ok(api.POST('/auth/oidc/exchange', { body: { code } }))
        .then((tokens) => {
          session.start(tokens);
          void navigate(returnPage() ?? '/', { replace: true });
        })
        .catch(() => setError('Ce lien de connexion a expiré ; reconnectez-vous.'));
  }, [navigate]);
  // Back where the user was when the session expired, else home.
  if (state === 'authenticated') return <Navigate to={returnPage() ?? '/'} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tokens = await ok(
        api.POST('/auth/login', { body: { email, password, ...(needsTotp ? { totpCode } : {}) } }),
      );
      session.start(tokens);
      void navigate(returnPage() ?? '/', { replace: true });
    } catch (caught) {
      // A 401 here is about what was typed, not an expired session: each code says it in French.
      if (caught instanceof ApiError && caught.code === 'auth.totp_required') setNeedsTotp(true);
      if (
        caught instanceof ApiError &&
        (caught.code === 'auth.totp_required' ||
          caught.code === 'auth.invalid_credentials' ||
          caught.code === 'auth.totp_invalid' ||
          caught.code === 'auth.temporary_password_expired')
      )
        setError(errorText(caught.code));
      else if (caught instanceof ApiError && caught.status === 429)
        // The wait grows with each failure (seconds at first, up to a quarter of an hour).
        setError('Trop de tentatives : patientez un moment avant de réessayer.');
      else setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="contenu" className="login">
      <div className="login-card">
        <p className="brand">
          <span aria-hidden="true">⟶</span> Passerelle
        </p>
        <PageTitle title="Connexion">Connexion</PageTitle>
        {state === 'expired' && <Alert kind="info">Votre session a expiré : reconnectez-vous pour continuer.</Alert>}
        {error && <Alert>{error}</Alert>}
        <Form onSubmit={(event) => void submit(event)}>
          <TextField type="email" isRequired value={email} onChange={setEmail} autoComplete="username">
            <Label>Adresse e-mail</Label>
            <Input />
          </TextField>
          <TextField type="password" isRequired value={password} onChange={setPassword} autoComplete="current-password">
            <Label>Mot de passe</Label>
            <Input />
          </TextField>
          {needsTotp && (
            <TextField
              isRequired
              value={totpCode}
              onChange={setTotpCode}
              autoComplete="one-time-code"
              inputMode="numeric"
            >
              <Label>Code de vérification (6 chiffres)</Label>
              <Input pattern="\d{6}" maxLength={6} />
            </TextField>
          )}
          <Button type="submit" isDisabled={busy}>
            {busy ? 'Connexion…' : 'Se connecter'}
          </Button>
        </Form>
        {sso && (
          <p>
            <a className="button button-secondary" href="/auth/oidc/web-login">
              Se connecter avec le compte de votre collectivité (SSO)
            </a>
          </p>
        )}
      </div>
    </main>
  );
}
