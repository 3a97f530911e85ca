import { useState } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { OfferResponse } from '../../api/types';
import { ApiError, describeError } from '../../api/client';
import { NativeDate, reasonInFrench } from '../../ui/forms';
import { CONTRACT_LABELS, WORKING_TIMES } from '../../ui/labels';

/* ------------------------------------------------------------------ the offer form, new or edited */

/** The reasons of the offers' and sources' own rules, in French (the others go through the shared catalogue). */
const OWN_REASONS: Array<[RegExp, string]> = [
  [/^is in the past$/, 'la date est déjà passée : indiquez aujourd’hui ou une date à venir'],
  [/^keyword search covers open offers only$/, 'la recherche par mots-clés porte sur les offres ouvertes'],
  [/^must be an http\(s\) URL$/, 'adresse web attendue (http:// ou https://)'],
  [/^must be a CSS selector$/, 'sélecteur CSS attendu'],
  [/^is required$/, 'obligatoire'],
];

export function staffReason(reason: string): string {
  for (const [pattern, french] of OWN_REASONS) if (pattern.test(reason)) return french;
  return reasonInFrench(reason);
}

/** Field errors of an API answer in French, by top field (`skills.0` counts for `skills`). */
export function staffFieldErrors(caught: unknown): Record<string, string> {
  if (!(caught instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const detail of caught.details) {
    const field = detail.field.split('.')[0];
    const reason = staffReason(detail.reason);
    errors[field] = errors[field] ? `${errors[field]} ; ${reason}` : reason;
  }
  return errors;
}

export const OFFER_LIST_FIELDS = ['skills', 'qualities', 'requirements'] as const;
export const OFFER_TEXT_FIELDS = [
  'title',
  'description',
  'employerName',
  'employerSiret',
  'location',
  'postalCode',
  'communeName',
  'inseeCode',
  'contractType',
  'contractDuration',
  'workingTime',
  'weeklyHours',
  'salary',
  'romeCode',
  'drivingLicence',
  'experience',
  'expiresAt',
] as const;
export type OfferBody = {
  [K in (typeof OFFER_TEXT_FIELDS)[number]]?: string;
} & { [K in (typeof OFFER_LIST_FIELDS)[number]]?: string[] } & { title: string; description: string };
type OfferValues = Partial<Record<(typeof OFFER_TEXT_FIELDS)[number] | (typeof OFFER_LIST_FIELDS)[number], string>>;

/** The request body of the offer form: trimmed texts, one list item per line, empty fields left out. */
export function readOfferForm(form: HTMLFormElement): OfferBody {
  const data = new FormData(form);
  const read = (field: string): string => {
    const value = data.get(field);
    return typeof value === 'string' ? value : '';
  };
  const body: Record<string, string | string[]> = {};
  for (const field of OFFER_TEXT_FIELDS) {
    const value = read(field).trim();
    if (value) body[field] = field === 'employerSiret' ? value.replace(/\s/g, '') : value;
  }
  for (const field of OFFER_LIST_FIELDS) {
    const lines = read(field)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > 0) body[field] = lines;
  }
  return body as OfferBody;
}

/** What the form shows for a stored offer: the words a person would type for it. */
function valuesOf(offer: OfferResponse): OfferValues {
  return {
    title: offer.title,
    description: offer.description,
    employerName: offer.employerName ?? '',
    employerSiret: offer.employerSiret ?? '',
    location: offer.locationText ?? offer.placeLabel,
    contractType: CONTRACT_LABELS[offer.contractType] ?? '',
    contractDuration: offer.contractDurationMonths ? `${offer.contractDurationMonths} mois` : '',
    workingTime: WORKING_TIMES.find((option) => option.id === offer.workingTime)?.label ?? '',
    weeklyHours: offer.weeklyHours !== null ? String(offer.weeklyHours) : '',
    salary: offer.salaryText ?? '',
    romeCode: offer.romeCode && !offer.romeInferred ? offer.romeCode : '',
    drivingLicence: offer.drivingLicences.length > 0 ? `Permis ${offer.drivingLicences.join(', ')}` : '',
    experience: offer.experienceText ?? '',
    expiresAt: offer.expiresAt ? new Date(offer.expiresAt).toISOString().slice(0, 10) : '',
    skills: offer.skills.join('\n'),
    qualities: offer.qualities.join('\n'),
    requirements: offer.requirements.join('\n'),
  };
}

function TextInput({
  name,
  label,
  initial,
  description,
  isRequired = false,
  multiline = false,
  rows = 3,
  maxLength,
}: {
  name: string;
  label: string;
  initial?: string;
  description?: string;
  isRequired?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <TextField name={name} defaultValue={initial} isRequired={isRequired} className="field" maxLength={maxLength}>
      <Label>
        {label}
        {isRequired && <span aria-hidden="true"> *</span>}
      </Label>
      {multiline ? <TextArea rows={rows} /> : <Input />}
      {description && (
        <Text slot="description" className="muted">
          {description}
        </Text>
      )}
      <FieldError />
    </TextField>
  );
}

/**
 * The fields of an offer, empty or filled with a stored one; each shows its error from the form's
 * `validationErrors` (the date from `errors.expiresAt`).
 */
export function OfferFields({ offer, errors }: { offer?: OfferResponse; errors: Record<string, string> }) {
  const initial = offer ? valuesOf(offer) : {};
  const [expiresAt, setExpiresAt] = useState(initial.expiresAt ?? '');
  return (
    <div className="grid">
      <div>
        <TextInput name="title" label="Intitulé du poste" initial={initial.title} isRequired maxLength={300} />
        <TextInput name="description" label="Description" initial={initial.description} isRequired multiline rows={4} />
        <TextInput name="employerName" label="Employeur" initial={initial.employerName} />
        <TextInput
          name="employerSiret"
          label="SIRET de l’employeur"
          initial={initial.employerSiret}
          description="14 chiffres, contrôlés comme pour une fiche employeur"
        />
        <TextInput
          name="location"
          label="Lieu de travail"
          initial={initial.location}
          description="Texte libre, ex. Lille (59000) ; ou les champs suivants"
        />
        <TextInput name="postalCode" label="Code postal" />
        <TextInput name="communeName" label="Commune" />
        <TextInput name="inseeCode" label="Code INSEE de la commune" />
      </div>
      <div>
        <TextInput
          name="contractType"
          label="Type de contrat"
          initial={initial.contractType}
          description="ex. CDI, CDD, intérim, alternance"
        />
        <TextInput
          name="contractDuration"
          label="Durée du contrat"
          initial={initial.contractDuration}
          description="ex. 6 mois"
        />
        <TextInput
          name="workingTime"
          label="Temps de travail"
          initial={initial.workingTime}
          description="ex. Temps partiel"
        />
        <TextInput name="weeklyHours" label="Heures par semaine" initial={initial.weeklyHours} description="ex. 24" />
        <TextInput name="salary" label="Salaire" initial={initial.salary} description="ex. 1 801,80 € brut mensuel" />
        <TextInput
          name="romeCode"
          label="Code ROME"
          initial={initial.romeCode}
          description="ex. K2204 ; déduit de l’intitulé sinon"
        />
        <TextInput
          name="drivingLicence"
          label="Permis demandé"
          initial={initial.drivingLicence}
          description="ex. Permis B"
        />
        <TextInput
          name="experience"
          label="Expérience demandée"
          initial={initial.experience}
          description="ex. Débutant accepté"
        />
        <NativeDate
          label="Date d’expiration"
          name="expiresAt"
          value={expiresAt}
          onChange={setExpiresAt}
          error={errors.expiresAt}
        />
      </div>
      <div>
        <TextInput name="skills" label="Compétences" initial={initial.skills} description="Une par ligne" multiline />
        <TextInput
          name="qualities"
          label="Qualités"
          initial={initial.qualities}
          description="Une par ligne"
          multiline
        />
        <TextInput
          name="requirements"
          label="Autres exigences"
          initial={initial.requirements}
          description="Une par ligne"
          multiline
        />
      </div>
    </div>
  );
}

/** The message above a refused form: by field when every error has its field, else the API's words. */
export function formMessage(caught: unknown, byField: Record<string, string>, fields: readonly string[]): string {
  const unmatched =
    caught instanceof ApiError ? caught.details.filter((detail) => !fields.includes(detail.field.split('.')[0])) : [];
  return Object.keys(byField).length > 0 && unmatched.length === 0
    ? 'Corrigez les champs signalés ci-dessous.'
    : describeError(caught);
}

/** Every field of the offer form, where the API's errors may point. */
export const OFFER_FIELDS: readonly string[] = [...OFFER_TEXT_FIELDS, ...OFFER_LIST_FIELDS];
