import { type FormEvent, useMemo, useState } from 'react';
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { Structure } from '../../features/structures/structures';
import { Choice } from '../../ui/choice';
import { Button } from '../../ui/ui';
import { type GroupBy, GROUPS, isDate, presets, type Query } from './period';

/** A required date of the period, with its error. */
function PeriodDate({
  label,
  name,
  value,
  onChange,
  max,
  error,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  max?: string;
  error?: string;
}) {
  return (
    <TextField type="date" name={name} value={value} onChange={onChange} isRequired isInvalid={!!error}>
      <Label>{label}</Label>
      <Input max={max} />
      <FieldError>{error}</FieldError>
    </TextField>
  );
}

/** The period (a preset or two dates), the structure and the grouping; applied when the form is sent. */
export function FiltersForm({
  today,
  structures,
  onApply,
}: {
  today: string;
  structures: readonly Structure[];
  onApply: (query: Query) => void;
}) {
  const periodPresets = useMemo(() => presets(today), [today]);
  const [presetId, setPresetId] = useState<string>('year');
  const [from, setFrom] = useState(periodPresets[0].from);
  const [to, setTo] = useState(periodPresets[0].to);
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [structureId, setStructureId] = useState<string>('all');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const choosePreset = (id: string) => {
    setPresetId(id);
    const preset = periodPresets.find((option) => option.id === id);
    if (preset) {
      setFrom(preset.from);
      setTo(preset.to);
    }
  };

  /** A date typed by hand makes the period a custom one. */
  const custom = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPresetId('custom');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!isDate(from)) problems.from = 'Saisissez une date de début valide.';
    if (!isDate(to)) problems.to = 'Saisissez une date de fin valide.';
    if (!problems.from && !problems.to && from > to) problems.to = 'La fin de la période doit suivre son début.';
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onApply({ from, to, groupBy, structureId: structureId === 'all' ? null : structureId });
  };

  return (
    <section aria-labelledby="indicators-filters" className="card">
      <h2 id="indicators-filters" style={{ marginTop: 0 }}>
        Période et périmètre
      </h2>
      <Form onSubmit={submit} validationBehavior="aria" validationErrors={fieldErrors}>
        <div className="toolbar" style={{ marginBottom: 0, alignItems: 'flex-start' }}>
          <Choice
            label="Période"
            options={[...periodPresets, { id: 'custom', label: 'Période personnalisée' }]}
            value={presetId}
            onChange={choosePreset}
          />
          <PeriodDate
            label="Du"
            name="from"
            value={from}
            onChange={custom(setFrom)}
            max={today}
            error={fieldErrors.from}
          />
          <PeriodDate label="Au" name="to" value={to} onChange={custom(setTo)} error={fieldErrors.to} />
          {structures.length > 1 && (
            <Choice
              label="Structure"
              options={[
                { id: 'all', label: 'Toutes mes structures' },
                ...structures.map((structure) => ({ id: structure.id, label: structure.name })),
              ]}
              value={structureId}
              onChange={setStructureId}
            />
          )}
          <Choice label="Détail" options={GROUPS} value={groupBy} onChange={setGroupBy} />
        </div>
        <div className="actions" style={{ marginBottom: 0 }}>
          <Button type="submit">Afficher les indicateurs</Button>
        </div>
      </Form>
    </section>
  );
}
