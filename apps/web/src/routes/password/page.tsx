import { useState } from 'react';
import { FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api, ApiError, ok } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useForm } from '../../ui/use-form';
import { Alert, Button, PageTitle } from '../../ui/ui';
import { inFrench } from './password-reasons';

const MIN_LENGTH = 12;

/**
 * The person chooses their own password: right after a login with a temporary one (nothing else opens before),
 * or whenever they want. The policy's refusals appear next to the field.
 */
export function PasswordPage() {
  const { user, setUser } = useAuth();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const temporary = user?.mustChangePassword ?? false;

  const form = useForm({
    check: () => {
      const problems: Record<string, string> = {};
      if (!current) problems.currentPassword = 'Saisissez votre mot de passe actuel.';
      if (next.length < MIN_LENGTH)
        problems.newPassword = `Le mot de passe doit comporter au moins ${MIN_LENGTH} caractères.`;
      if (confirmation !== next) problems.confirmation = 'Les deux saisies ne sont pas identiques.';
      return problems;
    },
    // The fields say what is wrong before sending; the alert only tells what the API refused.
    alertOnCheck: false,
    invalid: 'Le mot de passe n’a pas été changé : corrigez les champs signalés.',
    reason: inFrench,
    refused: (caught) => {
      if (caught instanceof ApiError && caught.code === 'auth.temporary_password_expired')
        return { message: 'Ce mot de passe provisoire a expiré : demandez-en un nouveau à votre administrateur.' };
      if (caught instanceof ApiError && caught.status === 429)
        return { message: 'Trop de tentatives : patientez un moment avant de réessayer.' };
      return null;
    },
    send: async () => {
      await ok(api.POST('/auth/password', { body: { currentPassword: current, newPassword: next } }));
      if (user) setUser({ ...user, mustChangePassword: false });
      void navigate('/', { replace: true, state: { passwordChanged: true } });
    },
  });
  const { errors, clearing } = form;

  return (
    <>
      <PageTitle title="Choisir votre mot de passe">
        {temporary ? 'Choisissez votre mot de passe' : 'Changer de mot de passe'}
      </PageTitle>
      {temporary && (
        <Alert kind="info">
          Vous vous êtes connecté·e avec un mot de passe provisoire : choisissez le vôtre pour continuer.
        </Alert>
      )}
      {form.error && <Alert>{form.error}</Alert>}
      <div className="card" style={{ maxWidth: '36rem' }}>
        <Form
          onSubmit={form.submit}
          validationBehavior="aria"
          validationErrors={errors}
          aria-label="Changer de mot de passe"
        >
          <TextField
            type="password"
            name="currentPassword"
            value={current}
            onChange={clearing(setCurrent, 'currentPassword')}
            isRequired
            autoComplete="current-password"
            isInvalid={!!errors.currentPassword}
            className="field"
          >
            <Label>{temporary ? 'Mot de passe provisoire' : 'Mot de passe actuel'}</Label>
            <Input />
            <FieldError>{errors.currentPassword}</FieldError>
          </TextField>
          <TextField
            type="password"
            name="newPassword"
            value={next}
            onChange={clearing(setNext, 'newPassword')}
            isRequired
            autoComplete="new-password"
            isInvalid={!!errors.newPassword}
            className="field"
          >
            <Label>Nouveau mot de passe</Label>
            <Input />
            <Text slot="description" className="muted">
              Au moins {MIN_LENGTH} caractères ; une phrase de plusieurs mots est plus sûre et plus facile à retenir. Ni
              votre nom, ni votre adresse e-mail, ni un mot de passe courant.
            </Text>
            <FieldError>{errors.newPassword}</FieldError>
          </TextField>
          <TextField
            type="password"
            name="confirmation"
            value={confirmation}
            onChange={clearing(setConfirmation, 'confirmation')}
            isRequired
            autoComplete="new-password"
            isInvalid={!!errors.confirmation}
            className="field"
          >
            <Label>Confirmer le nouveau mot de passe</Label>
            <Input />
            <FieldError>{errors.confirmation}</FieldError>
          </TextField>
          <div className="actions">
            <Button type="submit" isDisabled={form.busy}>
              {form.busy ? 'Enregistrement…' : 'Enregistrer le mot de passe'}
            </Button>
          </div>
        </Form>
      </div>
    </>
  );
}
