import { useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { FollowUpResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { fetchEmployer } from '../../features/employers/employer-detail';
import { Choice } from '../../ui/choice';
import { Alert, Badge, Button, formatDate, formatDateTime } from '../../ui/ui';

type EmployerForm = NonNullable<FollowUpResponse['employerForm']>;

const STATE_LABELS: Record<EmployerForm['state'], string> = {
  sent: 'Envoyé',
  opened: 'Ouvert par l’employeur',
  answered: 'Répondu',
};

const END_REASON_LABELS: Record<string, string> = {
  contract_end: 'Fin du contrat',
  trial_period_end: 'Fin de la période d’essai',
  resignation: 'Démission',
  dismissal: 'Licenciement',
  other: 'Autre raison',
};

/** The employer's answer on their form: source and date, still in the job or the end, the message. */
function EmployerAnswer({ form }: { form: EmployerForm }) {
  const answer = form.answer!;
  return (
    <>
      <h4 style={{ margin: '0.75rem 0 0.25rem' }}>
        Réponse de l’employeur ({form.contactName}) du {formatDateTime(answer.answeredAt)}
      </h4>
      <dl className="facts">
        <dt>Toujours en poste</dt>
        <dd>{answer.inJob ? 'Oui' : 'Non'}</dd>
        {!answer.inJob && (
          <>
            <dt>Fin de l’emploi</dt>
            <dd>
              le {formatDate(answer.endDate)} ({END_REASON_LABELS[answer.endReason ?? ''] ?? answer.endReason})
            </dd>
          </>
        )}
        <dt>À signaler</dt>
        <dd>{answer.remark ?? 'Rien'}</dd>
      </dl>
    </>
  );
}

/** Picks an employer contact with an e-mail and sends them the two-question form. */
function SendForm({ item, onSent }: { item: FollowUpResponse; onSent: (message: string) => void }) {
  const employerId = item.placement!.employerId!;
  const employer = useApiData(() => fetchEmployer(employerId), [employerId]);
  const contacts = employer.data?.contacts.filter((contact) => contact.email) ?? [];
  const [contactId, setContactId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = contactId ?? contacts[0]?.id ?? null;

  const send = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const sent = await ok(
        api.POST('/follow-ups/{id}/employer-links', {
          params: { path: { id: item.id } },
          body: { contactId: chosen },
        }),
      );
      onSent(
        `Formulaire de suivi envoyé à ${sent.emailedTo} pour ${item.person || 'la personne'}, valable jusqu’au ${formatDate(sent.expiresAt)}.`,
      );
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (employer.error) return <Alert>{employer.error}</Alert>;
  if (!employer.data) return null;
  if (contacts.length === 0)
    return <p className="muted">Aucun contact de cet employeur n’a d’adresse e-mail : ajoutez-en une sur sa fiche.</p>;
  return (
    <>
      {error && <Alert>{error}</Alert>}
      {contacts.length > 1 && (
        <Choice
          label="Contact de l’employeur"
          options={contacts.map((contact) => ({ id: contact.id, label: `${contact.name} (${contact.email})` }))}
          value={chosen}
          onChange={setContactId}
        />
      )}
      <Button isDisabled={busy} onPress={() => void send()}>
        Envoyer le formulaire à l’employeur
        {contacts.length === 1 && <span className="visually-hidden"> ({contacts[0].name})</span>}
      </Button>
    </>
  );
}

/**
 * The employer's side of a job's checkpoint: the form sent to an employer contact (sent, opened,
 * answered) and their answer, or the button that sends it once the checkpoint is due.
 */
export function EmployerFormSection({
  item,
  canSend,
  onChanged,
}: {
  item: FollowUpResponse;
  canSend: boolean;
  onChanged: (message: string) => void;
}) {
  const form = item.employerForm;
  if (item.kind !== 'placement' || !item.placement?.employerId) return null;
  const due = item.state !== 'upcoming';
  return (
    <section aria-label={`Formulaire employeur du suivi de ${item.person || 'la personne'}`}>
      {form && (
        <p style={{ margin: '0.75rem 0 0.25rem' }}>
          Formulaire employeur :{' '}
          <Badge tone={form.state === 'answered' ? 'success' : undefined}>{STATE_LABELS[form.state]}</Badge>{' '}
          <span className="muted">
            envoyé à {form.contactName} le {formatDateTime(form.sentAt)}
            {form.openedAt && form.state === 'opened' ? `, ouvert le ${formatDateTime(form.openedAt)}` : ''}
          </span>
        </p>
      )}
      {form?.answer && <EmployerAnswer form={form} />}
      {!form?.answer && due && canSend && <SendForm item={item} onSent={onChanged} />}
    </section>
  );
}
