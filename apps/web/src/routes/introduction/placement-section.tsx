import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api, ApiError, ok } from '../../api/client';
import type { IntroductionResponse } from '../../api/types';
import {
  type ContractDraft,
  contractBody,
  ContractFields,
  contractSummary,
  emptyContract,
} from '../../features/placement/contract-fields';
import { useForm } from '../../ui/use-form';
import { Alert, Button, formatDate } from '../../ui/ui';
import { usePlacement } from './use-introduction-data';

/** The hire: its contract recorded once (the follow-ups at M+1, M+3 and M+6 follow from it). */
export function PlacementSection({ view }: { view: IntroductionResponse }) {
  const { data: existing, setData: setExisting } = usePlacement(view);
  const [contract, setContract] = useState<ContractDraft>(() => emptyContract(view.trialEnd ?? ''));
  const form = useForm({
    fields: ['contractType', 'contractMonths', 'weeklyHours', 'startDate'],
    refused: (caught) =>
      caught instanceof ApiError && caught.code === 'placement.exists'
        ? { message: 'L’embauche de cette mise en relation est déjà enregistrée.' }
        : null,
    send: async () => {
      const placement = await ok(
        api.POST('/placements', { body: { introductionId: view.id, ...contractBody(contract) } }),
      );
      setExisting(placement);
    },
  });

  return (
    <section aria-labelledby="intro-placement">
      <h2 id="intro-placement">Embauche</h2>
      <div className="card">
        {existing ? (
          <Alert kind="success">
            Embauche enregistrée : {contractSummary(existing)}, à partir du {formatDate(existing.startDate)} (
            {existing.durable ? 'emploi durable' : 'emploi de courte durée'}).
            {existing.checkpoints.length > 0 &&
              ` Suivis prévus : ${existing.checkpoints.map((checkpoint) => formatDate(checkpoint.dueOn)).join(', ')}.`}
          </Alert>
        ) : (
          <>
            {form.error && <Alert>{form.error}</Alert>}
            <Form validationErrors={form.errors} onSubmit={form.submit} aria-label="Enregistrer l’embauche">
              <ContractFields
                draft={contract}
                onChange={(patch) => setContract((current) => ({ ...current, ...patch }))}
                startDateError={form.errors.startDate}
              />
              <Button type="submit" isDisabled={form.busy}>
                {form.busy ? 'Enregistrement…' : 'Enregistrer l’embauche'}
              </Button>
            </Form>
          </>
        )}
      </div>
    </section>
  );
}
