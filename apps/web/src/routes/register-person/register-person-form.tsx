import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import {
  type AssignmentDraft,
  AssignmentFields,
  assignmentBody,
  assignmentDraftProblems,
  assignmentProblem,
  EMPTY_ASSIGNMENT,
} from '../../features/assignment/assignment-fields';
import { useAuth } from '../../auth/auth';
import { Choice } from '../../ui/choice';
import { Field, NativeDate } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Alert, Button, parisToday } from '../../ui/ui';
import type { RegisterPersonData } from './use-register-person-data';

const FIELD_MESSAGES: Record<string, string> = {
  firstName: 'Saisissez le prénom.',
  lastName: 'Saisissez le nom.',
  commune: 'Aucune commune ne correspond : vérifiez le nom et le code postal.',
  structureId: 'Choisissez une de vos structures.',
};

/** The person's identity, contact details and home commune, orientation date, and (a manager) structure and coach. */
export function RegisterPersonForm({ manager, data }: { manager: boolean; data: RegisterPersonData }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const { data: structures, error: structuresError } = data.structures;
  const { loads, error: loadsError } = data.coachLoads;
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [communeName, setCommuneName] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [orientationDate, setOrientationDate] = useState(parisToday());
  const [structureId, setStructureId] = useState<string | null>(user?.structureId ?? null);
  const [assignment, setAssignment] = useState<AssignmentDraft>(EMPTY_ASSIGNMENT);

  const form = useForm({
    check: () => {
      const problems: Record<string, string> = { ...assignmentDraftProblems(assignment) };
      if (!firstName.trim()) problems.firstName = FIELD_MESSAGES.firstName;
      if (!lastName.trim()) problems.lastName = FIELD_MESSAGES.lastName;
      if (!communeName.trim() && !postalCode.trim()) problems.commune = 'Indiquez la commune de résidence.';
      if (postalCode.trim() && !/^\d{5}$/.test(postalCode.trim()))
        problems.postalCode = 'Le code postal comporte 5 chiffres.';
      if (!orientationDate) problems.orientationDate = 'Indiquez la date d’orientation.';
      else if (orientationDate > parisToday())
        problems.orientationDate = 'La date d’orientation ne peut pas être à venir.';
      if (birthDate && orientationDate && birthDate >= orientationDate)
        problems.birthDate = 'La date de naissance doit précéder la date d’orientation.';
      return problems;
    },
    invalid: 'La personne n’a pas été inscrite : corrigez les champs signalés.',
    messages: FIELD_MESSAGES,
    refused: (caught) => {
      const refused = assignmentProblem(caught, loads, assignment.coachUserId, 'referentUserId');
      if (!refused) return null;
      if (refused.offerOverride) setAssignment((current) => ({ ...current, overrideOffered: true }));
      return { errors: refused.byField, message: 'La personne n’a pas été inscrite : voir l’affectation.' };
    },
    send: async () => {
      const created = await ok(
        api.POST('/beneficiaries', {
          body: {
            firstName: firstName.trim(),
            lastName: lastName.trim(),
            ...(birthDate ? { birthDate } : {}),
            ...(email.trim() ? { email: email.trim() } : {}),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(address.trim() ? { address: address.trim() } : {}),
            commune: {
              ...(communeName.trim() ? { name: communeName.trim() } : {}),
              ...(postalCode.trim() ? { postalCode: postalCode.trim() } : {}),
            },
            orientationDate,
            ...(manager && structureId ? { structureId } : {}),
            ...(manager && assignment.coachUserId
              ? { referentUserId: assignment.coachUserId, ...assignmentBody(assignment) }
              : {}),
          },
        }),
      );
      void navigate(`/personnes/${created.id}`);
    },
  });
  const { errors, setErrors, clearing } = form;

  return (
    <>
      {form.error && <Alert>{form.error}</Alert>}
      <Form
        onSubmit={form.submit}
        validationBehavior="aria"
        validationErrors={errors}
        aria-label="Inscrire une personne"
      >
        <section className="card" aria-labelledby="identite">
          <h2 id="identite">Identité et coordonnées</h2>
          <div className="grid">
            <Field
              label="Prénom"
              name="firstName"
              value={firstName}
              onChange={clearing(setFirstName, 'firstName')}
              isRequired
              maxLength={100}
            />
            <Field
              label="Nom"
              name="lastName"
              value={lastName}
              onChange={clearing(setLastName, 'lastName')}
              isRequired
              maxLength={100}
            />
            <NativeDate
              label="Date de naissance"
              name="birthDate"
              value={birthDate}
              onChange={clearing(setBirthDate, 'birthDate')}
              error={errors.birthDate}
            />
            <Field
              label="E-mail"
              name="email"
              value={email}
              onChange={clearing(setEmail, 'email')}
              inputMode="email"
              maxLength={254}
            />
            <Field
              label="Téléphone"
              name="phone"
              value={phone}
              onChange={clearing(setPhone, 'phone')}
              inputMode="tel"
              maxLength={30}
            />
            <Field
              label="Adresse"
              name="address"
              value={address}
              onChange={clearing(setAddress, 'address')}
              maxLength={300}
            />
            <Field
              label="Commune de résidence"
              name="commune"
              value={communeName}
              onChange={clearing(setCommuneName, 'commune')}
              isRequired
              maxLength={120}
              description="Par exemple : Lille, ou Roubaix"
            />
            <Field
              label="Code postal"
              name="postalCode"
              value={postalCode}
              onChange={clearing(setPostalCode, 'postalCode')}
              inputMode="numeric"
              maxLength={5}
              description="Facultatif, utile pour les communes homonymes"
            />
          </div>
        </section>
        <section className="card" aria-labelledby="orientation">
          <h2 id="orientation">Orientation et accompagnement</h2>
          <div className="grid">
            <NativeDate
              label="Date d’orientation"
              name="orientationDate"
              value={orientationDate}
              onChange={clearing(setOrientationDate, 'orientationDate')}
              isRequired
              error={errors.orientationDate}
            />
            {manager && (
              <Choice
                label="Structure"
                name="structureId"
                options={(structures ?? []).map((structure) => ({ id: structure.id, label: structure.name }))}
                value={structureId}
                onChange={clearing(setStructureId, 'structureId')}
                isRequired
                isInvalid={!!errors.structureId}
                errorMessage={errors.structureId}
                placeholder="Choisir une structure"
              />
            )}
          </div>
          {manager && structuresError && <Alert>Structures indisponibles : {structuresError}</Alert>}
          {manager && loadsError && <Alert>Charge des conseillers indisponible : {loadsError}</Alert>}
          {manager ? (
            <AssignmentFields
              draft={assignment}
              onChange={setAssignment}
              loads={loads}
              errors={errors}
              setErrors={setErrors}
              coachField="referentUserId"
              coachLabel="Conseiller·ère référent·e"
              optional
            />
          ) : (
            <p>La personne rejoint votre portefeuille.</p>
          )}
        </section>
        <div className="actions">
          <Button type="submit" isDisabled={form.busy}>
            {form.busy ? 'Inscription…' : 'Inscrire la personne'}
          </Button>
        </div>
      </Form>
    </>
  );
}
