import type { components } from '../../api/schema';
import type { PlacementResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Field, NativeDate } from '../../ui/forms';
import { CONTRACT_LABELS, PLACEMENT_CONTRACTS } from '../../ui/labels';
import { formatNumber } from '../../ui/ui';

type PlacementRequest = components['schemas']['PlacementRequest'];

/** A job's contract as its form holds it (numbers as typed). */
export interface ContractDraft {
  readonly contractType: PlacementRequest['contractType'];
  readonly contractMonths: string;
  readonly weeklyHours: string;
  readonly startDate: string;
}

export const emptyContract = (startDate = ''): ContractDraft => ({
  contractType: 'cdi',
  contractMonths: '',
  weeklyHours: '',
  startDate,
});

/** A number typed the French way (`6`, `17,5`), or undefined when the field is empty. */
export const decimal = (value: string): number | undefined => {
  const parsed = Number(value.replace(',', '.'));
  return value.trim() && Number.isFinite(parsed) ? parsed : undefined;
};

/** The contract part of POST /placements. */
export function contractBody(
  draft: ContractDraft,
): Pick<PlacementRequest, 'contractType' | 'startDate' | 'contractMonths' | 'weeklyHours'> {
  const months = decimal(draft.contractMonths);
  const hours = decimal(draft.weeklyHours);
  return {
    contractType: draft.contractType,
    startDate: draft.startDate,
    ...(months !== undefined ? { contractMonths: months } : {}),
    ...(hours !== undefined ? { weeklyHours: hours } : {}),
  };
}

/** « CDD de 3 mois, 24,5 h par semaine » */
export function contractSummary(placement: PlacementResponse): string {
  return [
    `${CONTRACT_LABELS[placement.contractType] ?? placement.contractType}${
      placement.contractMonths ? ` de ${formatNumber(placement.contractMonths)} mois` : ''
    }`,
    ...(placement.weeklyHours ? [`${formatNumber(placement.weeklyHours)} h par semaine`] : []),
  ].join(', ');
}

/** The contract's fields: type, duration, weekly hours, start (the form's errors by name). */
export function ContractFields({
  draft,
  onChange,
  startDateError,
}: {
  draft: ContractDraft;
  onChange: (patch: Partial<ContractDraft>) => void;
  startDateError?: string;
}) {
  return (
    <>
      <Choice
        label="Type de contrat"
        options={PLACEMENT_CONTRACTS}
        value={draft.contractType}
        onChange={(contractType) => onChange({ contractType })}
      />
      <Field
        label="Durée du contrat (mois)"
        name="contractMonths"
        value={draft.contractMonths}
        onChange={(contractMonths) => onChange({ contractMonths })}
        inputMode="decimal"
        description="Pour un contrat à durée limitée (durable à partir de 6 mois)"
        maxLength={6}
      />
      <Field
        label="Heures par semaine"
        name="weeklyHours"
        value={draft.weeklyHours}
        onChange={(weeklyHours) => onChange({ weeklyHours })}
        inputMode="decimal"
        maxLength={5}
      />
      <NativeDate
        label="Date de début"
        name="startDate"
        value={draft.startDate}
        onChange={(startDate) => onChange({ startDate })}
        isRequired
        error={startDateError}
      />
    </>
  );
}
