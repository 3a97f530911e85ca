import { useMemo, useState } from 'react';
import { api, ok } from '../../api/client';
import type { EmployerDetailResponse } from '../../api/types';
import type { InteractionKind } from '../../features/employers/employer-detail';
import { Choice } from '../../ui/choice';
import { Field, NativeDate } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Button, parisToday } from '../../ui/ui';
import { INTERACTION_KINDS } from './employer-labels';
import { ToggledForm } from '../../features/employers/toggled-form';

/** An exchange with the employer, and the next action it calls for (with its date, among the actions due). */
export function InteractionForm({
  employerId,
  contacts,
  onLogged,
}: {
  employerId: string;
  contacts: EmployerDetailResponse['contacts'];
  onLogged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<InteractionKind>('call');
  const [occurredOn, setOccurredOn] = useState(parisToday());
  const [contactId, setContactId] = useState('none');
  const [outcome, setOutcome] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [nextActionOn, setNextActionOn] = useState('');
  const formId = `interaction-form-${employerId}`;
  const contactOptions = useMemo(
    () => [
      { id: 'none', label: 'Aucun en particulier' },
      ...contacts.map((contact) => ({ id: contact.id, label: contact.name })),
    ],
    [contacts],
  );

  const form = useForm({
    check: (): Record<string, string> => {
      if (nextAction.trim() && !nextActionOn) return { nextActionOn: 'indiquez la date de l’action suivante' };
      if (nextActionOn && !nextAction.trim()) return { nextAction: 'décrivez l’action suivante, ou effacez sa date' };
      return {};
    },
    fields: ['kind', 'occurredOn', 'contactId', 'outcome', 'nextAction', 'nextActionOn'],
    send: async () => {
      await ok(
        api.POST('/employers/{id}/interactions', {
          params: { path: { id: employerId } },
          body: {
            kind,
            occurredOn,
            ...(contactId !== 'none' ? { contactId } : {}),
            ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
            ...(nextAction.trim() ? { nextAction: nextAction.trim(), nextActionOn } : {}),
          },
        }),
      );
      setOutcome('');
      setNextAction('');
      setNextActionOn('');
      setOpen(false);
      onLogged();
    },
  });

  return (
    <ToggledForm
      id={formId}
      open={open}
      onOpenChange={setOpen}
      openLabel="Noter un échange"
      label="Nouvel échange"
      form={form}
    >
      <Choice label="Type d’échange" options={INTERACTION_KINDS} value={kind} onChange={setKind} />
      <NativeDate
        label="Date"
        name="occurredOn"
        value={occurredOn}
        onChange={setOccurredOn}
        isRequired
        error={form.errors.occurredOn}
      />
      {contacts.length > 0 && (
        <Choice label="Interlocuteur" options={contactOptions} value={contactId} onChange={setContactId} />
      )}
      <Field
        label="Ce qui a été dit ou décidé"
        name="outcome"
        value={outcome}
        onChange={setOutcome}
        multiline
        maxLength={2000}
      />
      <Field
        label="Action suivante"
        name="nextAction"
        value={nextAction}
        onChange={setNextAction}
        description="Facultatif ; avec sa date, elle apparaît dans « Actions à faire »"
        maxLength={500}
      />
      <NativeDate
        label="Date de l’action suivante"
        name="nextActionOn"
        value={nextActionOn}
        onChange={setNextActionOn}
        error={form.errors.nextActionOn}
      />
      <Button type="submit" isDisabled={form.busy}>
        {form.busy ? 'Enregistrement…' : 'Enregistrer l’échange'}
      </Button>
    </ToggledForm>
  );
}
