import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, describeError, ok } from '../api/client';
import type { components } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Choice, clearing, Field, formProblem, NativeDate } from '../ui/forms';
import { Alert, Button, PageTitle, parisToday } from '../ui/ui';
import {
  AssignmentFields,
  type AssignmentDraft,
  assignmentBody,
  assignmentDraftProblems,
  assignmentProblem,
  EMPTY_ASSIGNMENT,
} from '../features/assignment/assignment-fields';
import { useCoachLoads } from '../features/assignment/use-coach-loads';

type Structure = components['schemas']['StructureResponse'];
type Summary = { id: string };

/** The fields the API may name, in the order the form shows them. */
const FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'email',
  'phone',
  'address',
  'commune',
  'orientationDate',
  'structureId',
  'referentUserId',
  'capOverride',
  'reason',
] as const;

const FIELD_MESSAGES: Record<string, string> = {
  firstName: 'Saisissez le prénom.',
  lastName: 'Saisissez le nom.',
  commune: 'Aucune commune ne correspond : vérifiez le nom et le code postal.',
  structureId: 'Choisissez une de vos structures.',
};

/**
 * Registers a person oriented to the service: a manager in one of their structures, with a referent coach now or
 * later (refused at the cap unless overridden with a reason); a coach into their own portfolio.
 */
export function RegisterPersonPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const manager = hasRole(user, 'manager');
  const { loads, error: loadsError } = useCoachLoads(manager);
  const [structures, setStructures] = useState<Structure[] | null>(null);
  const [structuresError, setStructuresError] = useState<string | null>(null);
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!manager) return;
    ok<Structure[]>(api.GET('/structures'))
      .then((list) => setStructures([...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'))))
      .catch((caught: unknown) => setStructuresError(describeError(caught)));
  }, [manager]);

  if (!hasRole(user, 'manager', 'coach'))
    return (
      <>
        <PageTitle title="Inscrire une personne">Inscrire une personne</PageTitle>
        <Alert kind="info">Cette page est réservée aux responsables et aux conseillers.</Alert>
      </>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
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
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setError('La personne n’a pas été inscrite : corrigez les champs signalés.');
      return;
    }
    setBusy(true);
    try {
      const created = await ok<Summary>(
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
            // The document types the nullable identity fields as objects: the API takes strings.
          } as never,
        }),
      );
      void navigate(`/personnes/${created.id}`);
    } catch (caught) {
      const refused = assignmentProblem(caught, loads, assignment.coachUserId, 'referentUserId');
      if (refused) {
        setErrors(refused.byField);
        if (refused.offerOverride) setAssignment((current) => ({ ...current, overrideOffered: true }));
        setError('La personne n’a pas été inscrite : voir l’affectation.');
        return;
      }
      const { byField, message } = formProblem(caught, FIELDS);
      const french: Record<string, string> = {};
      for (const [field, reason] of Object.entries(byField)) french[field] = FIELD_MESSAGES[field] ?? reason;
      setErrors(french);
      setError(
        caught instanceof ApiError && Object.keys(french).length > 0
          ? 'La personne n’a pas été inscrite : corrigez les champs signalés.'
          : message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link to={manager ? '/equipe' : '/portefeuille'}>← {manager ? 'Équipe' : 'Portefeuille'}</Link>
      </p>
      <PageTitle title="Inscrire une personne">Inscrire une personne</PageTitle>
      <p className="muted">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      {error && <Alert>{error}</Alert>}
      <Form
        onSubmit={(event) => void submit(event)}
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
              onChange={clearing(setFirstName, 'firstName', setErrors)}
              isRequired
              maxLength={100}
            />
            <Field
              label="Nom"
              name="lastName"
              value={lastName}
              onChange={clearing(setLastName, 'lastName', setErrors)}
              isRequired
              maxLength={100}
            />
            <NativeDate
              label="Date de naissance"
              name="birthDate"
              value={birthDate}
              onChange={clearing(setBirthDate, 'birthDate', setErrors)}
              error={errors.birthDate}
            />
            <Field
              label="E-mail"
              name="email"
              value={email}
              onChange={clearing(setEmail, 'email', setErrors)}
              inputMode="email"
              maxLength={254}
            />
            <Field
              label="Téléphone"
              name="phone"
              value={phone}
              onChange={clearing(setPhone, 'phone', setErrors)}
              inputMode="tel"
              maxLength={30}
            />
            <Field
              label="Adresse"
              name="address"
              value={address}
              onChange={clearing(setAddress, 'address', setErrors)}
              maxLength={300}
            />
            <Field
              label="Commune de résidence"
              name="commune"
              value={communeName}
              onChange={clearing(setCommuneName, 'commune', setErrors)}
              isRequired
              maxLength={120}
              description="Par exemple : Lille, ou Roubaix"
            />
            <Field
              label="Code postal"
              name="postalCode"
              value={postalCode}
              onChange={clearing(setPostalCode, 'postalCode', setErrors)}
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
              onChange={clearing(setOrientationDate, 'orientationDate', setErrors)}
              isRequired
              error={errors.orientationDate}
            />
            {manager && (
              <Choice
                label="Structure"
                name="structureId"
                options={(structures ?? []).map((structure) => ({ id: structure.id, label: structure.name }))}
                value={structureId}
                onChange={clearing(setStructureId, 'structureId', setErrors)}
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
          <Button type="submit" isDisabled={busy}>
            {busy ? 'Inscription…' : 'Inscrire la personne'}
          </Button>
        </div>
      </Form>
    </>
  );
}
