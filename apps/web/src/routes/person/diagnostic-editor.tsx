import { type FormEvent, useState } from 'react';
import { Checkbox, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { components } from '../../api/schema';
import type { BeneficiaryFileResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Box, Checks, fieldErrors, labelsOf, NativeDate } from '../../ui/forms';
import { ReferentialAdder } from '../../ui/referential';
import { CONTRACT_LABELS, OFFER_CONTRACT_TYPES } from '../../ui/labels';
import { Alert, Button } from '../../ui/ui';
import { CONSTRAINT_LABELS, LANGUAGE_NAMES, WORKING_TIME_WORDS } from './diagnostic-labels';

type DiagnosticRequest = components['schemas']['DiagnosticRequest'];
type Experience = components['schemas']['DiagnosticExperienceDto'];
type ContractType = DiagnosticRequest['contractTypes'][number];
type Constraint = DiagnosticRequest['constraints'][number];
type WorkingTime = DiagnosticRequest['workingTime'];
type EmployerKind = NonNullable<Experience['employerKind']>;
type Autonomy = NonNullable<DiagnosticRequest['digitalAutonomy']>;

const CONTRACTS: readonly ContractType[] = OFFER_CONTRACT_TYPES;
const EMPLOYER_KINDS: ReadonlyArray<{ id: EmployerKind; label: string }> = [
  { id: 'company', label: 'Entreprise' },
  { id: 'association', label: 'Association' },
  { id: 'public', label: 'Employeur public' },
  { id: 'individual', label: 'Particulier employeur' },
  { id: 'interim', label: 'Agence d’intérim' },
  { id: 'other', label: 'Autre' },
];
const AUTONOMY: ReadonlyArray<{ id: Autonomy | 'unknown'; label: string }> = [
  { id: 'unknown', label: 'Non évaluée' },
  { id: 'none', label: 'Aucune' },
  { id: 'basic', label: 'Usages de base' },
  { id: 'autonomous', label: 'Autonome' },
];

type Language = DiagnosticRequest['languages'][number];
const LEVELS: ReadonlyArray<{ id: Language['level']; label: string }> = [
  { id: 'native', label: 'Langue maternelle' },
  { id: 'C2', label: 'C2 — maîtrise' },
  { id: 'C1', label: 'C1 — autonome' },
  { id: 'B2', label: 'B2 — avancé' },
  { id: 'B1', label: 'B1 — seuil' },
  { id: 'A2', label: 'A2 — intermédiaire' },
  { id: 'A1', label: 'A1 — débutant' },
];
const LEVEL_LABELS = labelsOf(LEVELS);

/** The diagnostic's fields as the coach reads them, for the API's errors. */
const FIELD_NAMES: Record<string, string> = {
  experiences: 'expériences',
  skills: 'compétences',
  desiredOccupations: 'métiers visés',
  maxDistanceKm: 'distance maximale',
  contractTypes: 'contrats acceptés',
  workingTime: 'temps de travail',
  constraints: 'horaires impossibles',
  availabilityDate: 'disponibilité',
  digitalAutonomy: 'autonomie numérique',
  languages: 'langues',
};

const EMPTY: DiagnosticRequest = {
  experiences: [],
  skills: [],
  desiredOccupations: [],
  drivingLicence: false,
  vehicle: false,
  maxDistanceKm: 20,
  contractTypes: ['cdi', 'cdd', 'interim'],
  workingTime: 'any',
  constraints: [],
  availabilityDate: null,
  digitalAutonomy: null,
  languages: [{ code: 'fr', level: 'native' }],
  certificates: [],
};

/** The file's diagnostic as the body PUT /beneficiaries/:id/diagnostic takes (a fresh one when there is none). */
function draftOf(file: BeneficiaryFileResponse): DiagnosticRequest {
  const diagnostic = file.diagnostic;
  if (!diagnostic) return EMPTY;
  return {
    experiences: diagnostic.experiences.map((experience) => ({ ...experience })),
    skills: diagnostic.skills.map((skill) => ({ ...skill })),
    desiredOccupations: [...diagnostic.desiredOccupations],
    drivingLicence: diagnostic.drivingLicence,
    vehicle: diagnostic.vehicle,
    maxDistanceKm: diagnostic.maxDistanceKm,
    contractTypes: [...diagnostic.contractTypes],
    workingTime: diagnostic.workingTime,
    constraints: [...diagnostic.constraints],
    availabilityDate: diagnostic.availabilityDate,
    digitalAutonomy: diagnostic.digitalAutonomy,
    languages: diagnostic.languages.map((language) => ({ ...language })),
    certificates: [...(diagnostic.certificates ?? [])],
  };
}

/** A removable entry of a list: its label and a button naming what it removes. */
function Removable({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <li>
      {label}{' '}
      <Button variant="secondary" onPress={onRemove} aria-label={`Retirer ${label}`}>
        ×
      </Button>
    </li>
  );
}

/**
 * The coach's form for the whole diagnostic: past experiences, skills and wanted occupations from the ROME
 * referential, mobility, contracts, working time, hours the person cannot work, availability and digital autonomy.
 * Saved in one piece; the API's field errors come back beside their fields.
 */
export function DiagnosticEditor({
  id,
  file,
  onSaved,
  onCancel,
}: {
  id: string;
  file: BeneficiaryFileResponse;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<DiagnosticRequest>(() => draftOf(file));
  const [labels, setLabels] = useState<Record<string, string>>(file.labels);
  const [jobTitle, setJobTitle] = useState('');
  const [months, setMonths] = useState('12');
  const [employerKind, setEmployerKind] = useState<EmployerKind>('company');
  const [distance, setDistance] = useState(String(draft.maxDistanceKm));
  const [language, setLanguage] = useState<string | null>(null);
  const [level, setLevel] = useState<Language['level']>('B1');
  const [certificate, setCertificate] = useState('');
  const certificates = draft.certificates ?? [];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<DiagnosticRequest>) => setDraft((current) => ({ ...current, ...patch }));
  const name = (code: string) => (labels[code] ? `${labels[code]} (${code})` : code);
  const remember = (code: string, label: string) => setLabels((current) => ({ ...current, [code]: label }));

  const addExperience = (experience: Experience) => {
    const count = Number(months);
    if (!Number.isInteger(count) || count < 1 || count > 600) {
      setErrors({ months: 'Indiquez une durée en mois, de 1 à 600.' });
      return;
    }
    setErrors({});
    change({ experiences: [...draft.experiences, { ...experience, months: count, employerKind }] });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const km = Number(distance);
    if (!Number.isInteger(km) || km < 1 || km > 200) {
      setErrors({ maxDistanceKm: 'Indiquez une distance entière de 1 à 200 km.' });
      setError('Le diagnostic n’a pas été enregistré : corrigez les champs signalés.');
      return;
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await ok(
        api.PUT('/beneficiaries/{id}/diagnostic', { params: { path: { id } }, body: { ...draft, maxDistanceKm: km } }),
      );
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && caught.details.length > 0) {
        // Beside their fields where the form has one, and every one in the message (lists have no single field).
        const byField = fieldErrors(caught);
        setErrors(byField);
        setError(
          `Le diagnostic n’a pas été enregistré : ${Object.entries(byField)
            .map(([field, reason]) => `${FIELD_NAMES[field] ?? field} : ${reason}`)
            .join(' ; ')}.`,
        );
      } else setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(event) => void save(event)} aria-label="Modifier le diagnostic" validationBehavior="aria">
      {error && <Alert>{error}</Alert>}
      <div className="grid">
        <fieldset>
          <legend>Expériences</legend>
          {draft.experiences.length === 0 ? (
            <p className="muted">Aucune expérience.</p>
          ) : (
            <ul>
              {draft.experiences.map((experience, index) => (
                <Removable
                  key={index}
                  label={`${experience.jobTitle ?? name(experience.romeCode ?? '')}, ${experience.months} mois`}
                  onRemove={() => change({ experiences: draft.experiences.filter((_, other) => other !== index) })}
                />
              ))}
            </ul>
          )}
          {errors.experiences && <p className="field-error">{errors.experiences}</p>}
          <TextField
            value={months}
            onChange={setMonths}
            inputMode="numeric"
            className="field"
            isInvalid={!!errors.months}
          >
            <Label>Durée de l’expérience à ajouter (mois)</Label>
            <Input />
            <FieldError>{errors.months}</FieldError>
          </TextField>
          <Choice label="Employeur" options={EMPLOYER_KINDS} value={employerKind} onChange={setEmployerKind} />
          <ReferentialAdder
            kind="occupations"
            label="Ajouter une expérience : métier (ROME)"
            onPick={(picked) => {
              remember(picked.code, picked.label);
              addExperience({ romeCode: picked.code, months: 0 });
            }}
          />
          <div className="toolbar">
            <TextField value={jobTitle} onChange={setJobTitle} className="field" maxLength={200}>
              <Label>… ou un intitulé libre</Label>
              <Input />
            </TextField>
            <Button
              variant="secondary"
              isDisabled={jobTitle.trim().length === 0}
              onPress={() => {
                addExperience({ jobTitle: jobTitle.trim(), months: 0 });
                setJobTitle('');
              }}
            >
              Ajouter l’expérience
            </Button>
          </div>
        </fieldset>

        <fieldset>
          <legend>Langues</legend>
          {draft.languages.length === 0 ? (
            <p className="muted">Aucune langue.</p>
          ) : (
            <ul aria-label="Langues">
              {draft.languages.map((entry) => (
                <Removable
                  key={entry.code}
                  label={`${LANGUAGE_NAMES[entry.code] ?? entry.code} (${LEVEL_LABELS[entry.level] ?? entry.level})`}
                  onRemove={() => change({ languages: draft.languages.filter((other) => other.code !== entry.code) })}
                />
              ))}
            </ul>
          )}
          <Choice
            label="Langue à ajouter"
            options={Object.entries(LANGUAGE_NAMES)
              .filter(([code]) => !draft.languages.some((entry) => entry.code === code))
              .map(([id, label]) => ({ id, label }))}
            value={language}
            onChange={setLanguage}
          />
          <Choice label="Niveau" options={LEVELS} value={level} onChange={setLevel} />
          <div className="actions">
            <Button
              variant="secondary"
              isDisabled={language === null}
              onPress={() => {
                if (!language) return;
                change({ languages: [...draft.languages, { code: language, level }] });
                setLanguage(null);
              }}
            >
              Ajouter la langue
            </Button>
          </div>
        </fieldset>

        <fieldset>
          <legend>Certificats et habilitations</legend>
          <p className="muted">
            CACES, SST, HACCP, habilitations électriques… tels qu’écrits sur le titre : les offres qui demandent ce
            qu’ils prouvent les comptent comme acquis.
          </p>
          {certificates.length === 0 ? (
            <p className="muted">Aucun certificat.</p>
          ) : (
            <ul aria-label="Certificats et habilitations">
              {certificates.map((entry) => (
                <Removable
                  key={entry}
                  label={entry}
                  onRemove={() => change({ certificates: certificates.filter((other) => other !== entry) })}
                />
              ))}
            </ul>
          )}
          <div className="actions">
            <TextField value={certificate} onChange={setCertificate} maxLength={120}>
              <Label>Certificat à ajouter</Label>
              <Input placeholder="CACES R489 cat. 3" />
            </TextField>
            <Button
              variant="secondary"
              isDisabled={certificate.trim().length === 0 || certificates.length >= 20}
              onPress={() => {
                const entry = certificate.trim();
                if (!certificates.includes(entry)) change({ certificates: [...certificates, entry] });
                setCertificate('');
              }}
            >
              Ajouter le certificat
            </Button>
          </div>
        </fieldset>

        <fieldset>
          <legend>Compétences et métiers visés</legend>
          {draft.skills.length === 0 ? (
            <p className="muted">Aucune compétence.</p>
          ) : (
            <ul aria-label="Compétences">
              {draft.skills.map((skill) => (
                <Removable
                  key={skill.code}
                  label={name(skill.code)}
                  onRemove={() => change({ skills: draft.skills.filter((other) => other.code !== skill.code) })}
                />
              ))}
            </ul>
          )}
          <ReferentialAdder
            kind="skills"
            label="Ajouter une compétence"
            onPick={(picked) => {
              remember(picked.code, picked.label);
              if (!draft.skills.some((skill) => skill.code === picked.code))
                change({ skills: [...draft.skills, { code: picked.code, evidence: 'declared' }] });
            }}
          />
          {draft.desiredOccupations.length === 0 ? (
            <p className="muted">Aucun métier visé.</p>
          ) : (
            <ul aria-label="Métiers visés">
              {draft.desiredOccupations.map((code) => (
                <Removable
                  key={code}
                  label={name(code)}
                  onRemove={() =>
                    change({ desiredOccupations: draft.desiredOccupations.filter((other) => other !== code) })
                  }
                />
              ))}
            </ul>
          )}
          <ReferentialAdder
            kind="occupations"
            label="Ajouter un métier visé"
            onPick={(picked) => {
              remember(picked.code, picked.label);
              if (!draft.desiredOccupations.includes(picked.code))
                change({ desiredOccupations: [...draft.desiredOccupations, picked.code] });
            }}
          />
        </fieldset>

        <fieldset>
          <legend>Projet et contraintes</legend>
          <TextField
            value={distance}
            onChange={setDistance}
            inputMode="numeric"
            className="field"
            isInvalid={!!errors.maxDistanceKm}
          >
            <Label>Distance maximale (km)</Label>
            <Input />
            <FieldError>{errors.maxDistanceKm}</FieldError>
          </TextField>
          <Checkbox isSelected={draft.drivingLicence} onChange={(drivingLicence) => change({ drivingLicence })}>
            {({ isSelected }) => (
              <>
                <Box isSelected={isSelected} /> Permis B
              </>
            )}
          </Checkbox>
          <Checkbox isSelected={draft.vehicle} onChange={(vehicle) => change({ vehicle })}>
            {({ isSelected }) => (
              <>
                <Box isSelected={isSelected} /> Véhicule
              </>
            )}
          </Checkbox>
          <Checks
            label="Contrats acceptés"
            options={CONTRACTS.map((id) => ({ id, label: CONTRACT_LABELS[id] ?? id }))}
            value={draft.contractTypes}
            onChange={(contractTypes) => change({ contractTypes })}
            isInvalid={!!errors.contractTypes}
            errorMessage={errors.contractTypes}
          />
          <Choice
            label="Temps de travail"
            options={(Object.keys(WORKING_TIME_WORDS) as WorkingTime[]).map((key) => ({
              id: key,
              label: WORKING_TIME_WORDS[key],
            }))}
            value={draft.workingTime}
            onChange={(workingTime) => change({ workingTime })}
          />
          <Checks
            label="Horaires impossibles"
            options={(Object.keys(CONSTRAINT_LABELS) as Constraint[]).map((id) => ({
              id,
              label: CONSTRAINT_LABELS[id],
            }))}
            value={draft.constraints}
            onChange={(constraints) => change({ constraints })}
          />
          <NativeDate
            label="Disponible à partir du"
            name="availabilityDate"
            value={draft.availabilityDate ?? ''}
            onChange={(value) => change({ availabilityDate: value || null })}
            error={errors.availabilityDate}
          />
          <Choice
            label="Autonomie numérique"
            options={AUTONOMY}
            value={draft.digitalAutonomy ?? 'unknown'}
            onChange={(value) => change({ digitalAutonomy: value === 'unknown' ? null : value })}
          />
        </fieldset>
      </div>
      <div className="actions">
        <Button type="submit" isDisabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer le diagnostic'}
        </Button>
        <Button variant="secondary" onPress={onCancel} isDisabled={busy}>
          Annuler
        </Button>
      </div>
    </Form>
  );
}
