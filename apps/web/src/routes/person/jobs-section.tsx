import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import type { PlacementResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Field, labelsOf, NativeDate } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Alert, Badge, Button, formatDate } from '../../ui/ui';
import {
  type ContractDraft,
  contractBody,
  ContractFields,
  contractSummary,
  decimal,
  emptyContract,
} from '../../features/placement/contract-fields';
import { usePlacements } from './use-person-data';

type PlacementRequest = components['schemas']['PlacementRequest'];
type EndReason = components['schemas']['PlacementEndRequest']['reason'];

const END_REASONS: ReadonlyArray<{ id: EndReason; label: string }> = [
  { id: 'contract_end', label: 'Fin du contrat' },
  { id: 'trial_period_end', label: 'Fin de période d’essai' },
  { id: 'resignation', label: 'Démission' },
  { id: 'dismissal', label: 'Licenciement' },
  { id: 'other', label: 'Autre' },
];
const END_LABELS = labelsOf(END_REASONS);
const FOUND_BY: Record<string, string> = {
  introduction: 'par une mise en relation',
  coach: 'avec le ou la conseiller·ère',
  self: 'par la personne seule',
};

/**
 * The person's jobs (placements): those of introductions and those found otherwise, which count as
 * much in the indicators; the referent coach records a job found alone and the end of a contract.
 */
export function JobsSection({
  beneficiaryId,
  canWrite,
  onChanged,
}: {
  beneficiaryId: string;
  canWrite: boolean;
  onChanged: (message: string) => void;
}) {
  const { placements, error, load } = usePlacements(beneficiaryId);
  const [adding, setAdding] = useState(false);

  const done = async (message: string) => {
    await load();
    setAdding(false);
    onChanged(message);
  };

  return (
    <section className="card" aria-labelledby="jobs">
      <h2 id="jobs">Emplois</h2>
      {error && <Alert>{error}</Alert>}
      {placements === null && !error && <p className="muted">Chargement…</p>}
      {placements?.length === 0 && <p>Aucun emploi enregistré.</p>}
      {placements && placements.length > 0 && (
        <ul className="timeline">
          {placements.map((placement) => (
            <li key={placement.id}>
              <strong>{placement.employerName}</strong> — {contractSummary(placement)}, depuis le{' '}
              {formatDate(placement.startDate)}, trouvé {FOUND_BY[placement.foundBy] ?? placement.foundBy}{' '}
              {placement.durable ? <Badge tone="success">emploi durable</Badge> : <Badge>courte durée</Badge>}
              {placement.endDate ? (
                <p className="muted" style={{ margin: 0 }}>
                  Terminé le {formatDate(placement.endDate)} (
                  {END_LABELS[placement.endReason ?? ''] ?? placement.endReason}).
                </p>
              ) : (
                canWrite && <EndForm placement={placement} onEnded={() => done('Fin de contrat enregistrée.')} />
              )}
              {placement.checkpoints.length > 0 && (
                <p className="muted" style={{ margin: 0 }}>
                  Suivis :{' '}
                  {placement.checkpoints
                    .map(
                      (checkpoint) =>
                        `${checkpoint.milestone.toUpperCase().replace('M', 'M+')} le ${formatDate(checkpoint.dueOn)}${
                          checkpoint.answeredAt ? ' (fait)' : ''
                        }`,
                    )
                    .join(', ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite &&
        (adding ? (
          <NewJobForm
            beneficiaryId={beneficiaryId}
            onCancel={() => setAdding(false)}
            onSaved={() => done('Emploi enregistré ; ses suivis à M+1, M+3 et M+6 sont prévus.')}
          />
        ) : (
          <div className="actions">
            <Button variant="secondary" onPress={() => setAdding(true)}>
              Enregistrer un emploi trouvé hors mise en relation
            </Button>
          </div>
        ))}
    </section>
  );
}

function NewJobForm({
  beneficiaryId,
  onSaved,
  onCancel,
}: {
  beneficiaryId: string;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const [employerName, setEmployerName] = useState('');
  const [foundBy, setFoundBy] = useState<NonNullable<PlacementRequest['foundBy']>>('self');
  const [contract, setContract] = useState<ContractDraft>(() => emptyContract());
  const [aidAmount, setAidAmount] = useState('');
  const form = useForm({
    check: () => {
      const problems: Record<string, string> = {};
      if (!employerName.trim()) problems.employerName = 'Indiquez l’employeur.';
      if (!contract.startDate) problems.startDate = 'Indiquez la date de début.';
      return problems;
    },
    alertOnCheck: false,
    fields: ['employerName', 'contractType', 'contractMonths', 'weeklyHours', 'startDate', 'aidAmount'],
    send: async () => {
      const aid = decimal(aidAmount);
      await ok(
        api.POST('/placements', {
          body: {
            beneficiaryId,
            employerName: employerName.trim(),
            foundBy,
            ...contractBody(contract),
            ...(aid !== undefined ? { aidAmount: aid } : {}),
          },
        }),
      );
      await onSaved();
    },
  });
  const { errors, error, busy } = form;

  return (
    <Form onSubmit={form.submit} aria-label="Enregistrer un emploi" validationBehavior="aria" validationErrors={errors}>
      {error && <Alert>{error}</Alert>}
      <div className="grid">
        <Field
          label="Employeur"
          name="employerName"
          value={employerName}
          onChange={setEmployerName}
          isRequired
          maxLength={200}
        />
        <Choice
          label="Trouvé"
          options={[
            { id: 'self', label: 'Par la personne seule' },
            { id: 'coach', label: 'Avec le ou la conseiller·ère' },
          ]}
          value={foundBy}
          onChange={setFoundBy}
        />
        <ContractFields
          draft={contract}
          onChange={(patch) => setContract((current) => ({ ...current, ...patch }))}
          startDateError={errors.startDate}
        />
        <Field
          label="Aide à la reprise d’activité (euros)"
          name="aidAmount"
          value={aidAmount}
          onChange={setAidAmount}
          inputMode="decimal"
          description="Facultatif"
          maxLength={8}
        />
      </div>
      <div className="actions">
        <Button type="submit" isDisabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer l’emploi'}
        </Button>
        <Button variant="secondary" onPress={onCancel} isDisabled={busy}>
          Annuler
        </Button>
      </div>
    </Form>
  );
}

function EndForm({ placement, onEnded }: { placement: PlacementResponse; onEnded: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState<EndReason>('contract_end');
  const form = useForm({
    check: (): Record<string, string> => (endDate ? {} : { endDate: 'Indiquez la date de fin.' }),
    alertOnCheck: false,
    fields: ['endDate', 'reason'],
    send: async () => {
      await ok(api.POST('/placements/{id}/end', { params: { path: { id: placement.id } }, body: { endDate, reason } }));
      await onEnded();
    },
  });
  const { errors, error } = form;

  if (!open)
    return (
      <div>
        <Button variant="secondary" onPress={() => setOpen(true)}>
          Fin du contrat chez {placement.employerName}
        </Button>
      </div>
    );

  return (
    <Form
      onSubmit={form.submit}
      aria-label={`Fin du contrat chez ${placement.employerName}`}
      validationBehavior="aria"
      className="toolbar"
    >
      {error && <Alert>{error}</Alert>}
      <NativeDate
        label="Terminé le"
        name="endDate"
        value={endDate}
        onChange={setEndDate}
        isRequired
        error={errors.endDate}
      />
      <Choice label="Motif" options={END_REASONS} value={reason} onChange={setReason} />
      <Button type="submit" variant="secondary">
        Enregistrer la fin
      </Button>
    </Form>
  );
}
