import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { api, type ApiError, describeError, ok } from '../../api/client';
import type { BeneficiaryMatchesResponse, EmployerResponse } from '../../api/types';
import { Field, reasonInFrench } from '../../ui/forms';
import { Alert, Button, Loading } from '../../ui/ui';

type Match = BeneficiaryMatchesResponse['items'][number];

/** Accents and case aside, for looking up an employer by what the coach types. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * When the offer names no employer (or the one it names cannot be registered as it is): the coach
 * picks one of the structure's employers, or names a new one, right in the offer's card.
 */
export function EmployerChoice({
  match,
  onChosen,
  onCancel,
}: {
  match: Match;
  onChosen: (
    choice: { employerId: string } | { employer: { name: string; siret?: string; commune?: { inseeCode: string } } },
  ) => Promise<ApiError | null>;
  onCancel: () => void;
}) {
  const [mode, setMode] = useState<'known' | 'new'>('known');
  const [employers, setEmployers] = useState<EmployerResponse[] | null>(null);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string>('');
  const [name, setName] = useState(match.employerName ?? '');
  const [siret, setSiret] = useState('');
  const [insee, setInsee] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The offer says where the job is only for a commune-level offer: else the new employer's commune is asked.
  const needsCommune = !match.communeName;

  useEffect(() => {
    heading.current?.focus();
    ok(api.GET('/employers', {}))
      .then((list) => {
        setEmployers(list.items);
        if (list.items.length === 0) setMode('new');
      })
      .catch(() => setEmployers([]));
  }, []);

  const shown = useMemo(() => {
    const wanted = fold(query.trim());
    return (employers ?? []).filter((employer) => !wanted || fold(employer.name).includes(wanted)).slice(0, 8);
  }, [employers, query]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    if (mode === 'known' && !picked) {
      setErrors({ picked: 'Choisissez un employeur dans la liste, ou nommez-en un nouveau.' });
      return;
    }
    setBusy(true);
    const failed = await onChosen(
      mode === 'known'
        ? { employerId: picked }
        : {
            employer: {
              name: name.trim(),
              ...(siret.trim() ? { siret: siret.replace(/\s/g, '') } : {}),
              ...(insee.trim() ? { commune: { inseeCode: insee.trim().toUpperCase() } } : {}),
            },
          },
    );
    setBusy(false);
    if (!failed) return;
    const byField: Record<string, string> = {};
    for (const detail of failed.details) {
      const field = detail.field.replace(/^employer\./, '');
      byField[field === 'employerId' ? 'picked' : field] = reasonInFrench(detail.reason);
    }
    if (failed.details.some((detail) => detail.field === 'employer.commune')) setMode('new');
    setErrors(byField);
    setProblem(Object.keys(byField).length > 0 ? 'Corrigez les champs signalés.' : describeError(failed));
  };

  return (
    <section className="card employer-choice" aria-labelledby={`employer-choice-${match.id}`}>
      <h3 id={`employer-choice-${match.id}`} ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
        Quel employeur ?
      </h3>
      <p className="muted">
        {match.employerName
          ? `L’offre nomme « ${match.employerName} » : précisez l’employeur.`
          : 'L’offre ne nomme pas d’employeur : choisissez-le parmi ceux de la structure, ou nommez-le.'}
      </p>
      {problem && <Alert>{problem}</Alert>}
      <Form
        validationErrors={errors}
        onSubmit={(event) => void submit(event)}
        aria-label={`Employeur pour ${match.title}`}
      >
        <RadioGroup
          value={mode}
          onChange={(value) => setMode(value as 'known' | 'new')}
          className="field"
          aria-label="Employeur connu ou nouveau"
        >
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem' }}>
            <Radio value="known">Un employeur déjà enregistré</Radio>
            <Radio value="new">Un nouvel employeur</Radio>
          </div>
        </RadioGroup>
        {mode === 'known' ? (
          <>
            <Field label="Rechercher un employeur" name="query" value={query} onChange={setQuery} maxLength={100} />
            {employers === null ? (
              <Loading what="des employeurs" />
            ) : shown.length === 0 ? (
              <p className="muted">Aucun employeur ne correspond : nommez-en un nouveau.</p>
            ) : (
              <RadioGroup
                value={picked}
                onChange={(value) => {
                  setPicked(value);
                  setErrors({});
                }}
                className="field"
                isInvalid={'picked' in errors}
                aria-label="Employeurs de la structure"
              >
                <Label>Employeurs de la structure</Label>
                {shown.map((employer) => (
                  <Radio key={employer.id} value={employer.id}>
                    {employer.name} <span className="muted">({employer.communeName})</span>
                  </Radio>
                ))}
              </RadioGroup>
            )}
            {errors.picked && (
              <p className="field-error" role="alert">
                {errors.picked}
              </p>
            )}
          </>
        ) : (
          <>
            <Field label="Nom de l’employeur" name="name" value={name} onChange={setName} isRequired maxLength={200} />
            <Field
              label="SIRET"
              name="siret"
              value={siret}
              onChange={setSiret}
              description="Facultatif ; 14 chiffres"
              inputMode="numeric"
              maxLength={17}
            />
            <Field
              label="Code INSEE de la commune de l’employeur"
              name="commune"
              value={insee}
              onChange={setInsee}
              isRequired={needsCommune}
              description={
                needsCommune
                  ? 'L’offre ne donne pas de commune : ex. 59350 pour Lille'
                  : `Facultatif ; par défaut celle de l’offre (${match.communeName})`
              }
              maxLength={5}
            />
          </>
        )}
        <div className="actions">
          <Button type="submit" isDisabled={busy}>
            {busy ? 'Mise en relation…' : 'Mettre en relation avec cet employeur'}
          </Button>
          <Button variant="secondary" onPress={onCancel}>
            Annuler
          </Button>
        </div>
      </Form>
    </section>
  );
}
