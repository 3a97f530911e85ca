import { type FormEvent, useEffect, useState } from 'react';
import { Form, Input, Label, NumberField, Radio, RadioGroup } from 'react-aria-components';
import type { BeneficiaryMatchesResponse } from '../../api/types';
import { Checks } from '../../ui/forms';
import { CONTRACT_LABELS, WORKING_TIME_LABELS } from '../../ui/labels';
import { Button } from '../../ui/ui';
import { type AppliedSearch, type Contract, CONTRACTS, WORKING_TIMES } from './matches-search';

const CONTRACT_OPTIONS = CONTRACTS.map((id) => ({ id, label: CONTRACT_LABELS[id] ?? id }));

/**
 * The search's radius, contracts and working time. The form starts from the address, else from the diagnostic
 * (once the first answer says it), and keeps what the coach types; applying it starts on the first page.
 */
export function FiltersForm({
  applied,
  profile,
  onApply,
}: {
  applied: AppliedSearch;
  profile: BeneficiaryMatchesResponse['profile'] | undefined;
  onApply: (params: URLSearchParams) => void;
}) {
  const [radius, setRadius] = useState<number>(applied.km ?? NaN);
  const [contracts, setContracts] = useState<Contract[] | null>(applied.contracts);
  const [workingTime, setWorkingTime] = useState<string>(applied.workingTime ?? '');
  // Fields the address does not set show what the diagnostic says (once: what the coach typed stays).
  useEffect(() => {
    if (!profile) return;
    setRadius((current) => (Number.isFinite(current) ? current : profile.maxDistanceKm));
    setContracts(
      (current) => current ?? profile.contractTypes.filter((c): c is Contract => CONTRACTS.includes(c as Contract)),
    );
    setWorkingTime((current) => current || profile.workingTime);
  }, [profile]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (Number.isFinite(radius)) next.set('km', String(radius));
    if (contracts) next.set('contrats', contracts.join(','));
    if (workingTime) next.set('temps', workingTime);
    // A new search starts on its first page.
    onApply(next);
  };

  return (
    <Form className="card toolbar" aria-label="Filtres de la recherche" onSubmit={apply}>
      <NumberField value={radius} onChange={setRadius} minValue={1} maxValue={200} className="field">
        <Label>Rayon (km)</Label>
        <Input />
      </NumberField>
      <Checks
        label="Contrats"
        options={CONTRACT_OPTIONS}
        value={contracts ?? []}
        onChange={(value) => setContracts(value)}
        description="Aucun coché : ceux du diagnostic"
      />
      <RadioGroup value={workingTime} onChange={setWorkingTime} className="field">
        <Label>Temps de travail</Label>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem' }}>
          {WORKING_TIMES.map((value) => (
            <Radio key={value} value={value}>
              {WORKING_TIME_LABELS[value]}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <Button type="submit">Appliquer les filtres</Button>
    </Form>
  );
}
