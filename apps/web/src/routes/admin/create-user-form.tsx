import { useState } from 'react';
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { api, ApiError, ok } from '../../api/client';
import type { Structure } from '../../features/structures/structures';
import { Choice } from '../../ui/choice';
import { Checks } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Alert, Button } from '../../ui/ui';
import { type Role, ROLES, type User } from './admin-labels';

const USER_FIELD_MESSAGES: Record<string, string> = {
  email: 'Saisissez une adresse e-mail valide.',
  displayName: 'Saisissez le nom affiché (200 caractères au plus).',
  structureId: 'Choisissez une structure.',
  roles: 'Choisissez au moins un rôle.',
};

/** A new account, with a temporary password shown once. */
export function CreateUserForm({
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
  const form = useForm({
    check: () => {
      const problems: Record<string, string> = {};
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.email = USER_FIELD_MESSAGES.email;
      if (!displayName.trim() || displayName.trim().length > 200)
        problems.displayName = USER_FIELD_MESSAGES.displayName;
      if (!structureId) problems.structureId = USER_FIELD_MESSAGES.structureId;
      if (roles.length === 0) problems.roles = USER_FIELD_MESSAGES.roles;
      return problems;
    },
    invalid: 'Le compte n’a pas été créé : corrigez les champs signalés.',
    messages: USER_FIELD_MESSAGES,
    refused: (caught) =>
      caught instanceof ApiError && caught.code === 'user.email_taken'
        ? {
            errors: { email: 'Un compte existe déjà avec cette adresse.' },
            message: 'Le compte n’a pas été créé : cette adresse e-mail est déjà utilisée.',
          }
        : null,
    send: async () => {
      const result = await ok(
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
    },
  });
  const { errors } = form;

  return (
    <div className="card" style={{ marginTop: '1rem' }}>
      <h3 style={{ marginTop: 0 }}>Créer un compte</h3>
      <p className="muted">
        Un mot de passe temporaire est généré et affiché une seule fois ; la personne le change à sa première connexion.
      </p>
      {form.error && <Alert>{form.error}</Alert>}
      <Form onSubmit={form.submit} validationBehavior="aria" validationErrors={errors}>
        <div className="grid">
          <TextField
            type="email"
            name="email"
            value={email}
            onChange={form.clearing(setEmail, 'email')}
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
            onChange={form.clearing(setDisplayName, 'displayName')}
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
            onChange={form.clearing(setStructureId, 'structureId')}
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
          onChange={form.clearing(setRoles, 'roles')}
          isRequired
          isInvalid={!!errors.roles}
          errorMessage={errors.roles}
        />
        <div className="actions">
          <Button type="submit" isDisabled={form.busy}>
            {form.busy ? 'Création…' : 'Créer le compte'}
          </Button>
        </div>
      </Form>
    </div>
  );
}
