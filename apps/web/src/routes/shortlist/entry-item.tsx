import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { api, describeError, ok } from '../../api/client';
import type { ShortlistEntryResponse, ShortlistResponse } from '../../api/types';
import { Field } from '../../ui/forms';
import { INTRODUCTION_STATUS_LABELS, REFUSAL_REASON_LABELS } from '../../ui/labels';
import { Alert, Badge, Button, formatDateTime } from '../../ui/ui';

/** What the employer answered for one person, in French. */
function answerText(entry: ShortlistEntryResponse): string {
  switch (entry.answer) {
    case null:
      return 'Pas encore de réponse';
    case 'interested':
      return entry.slotStartsAt
        ? `Souhaite rencontrer la personne le ${formatDateTime(entry.slotStartsAt)} (rendez-vous ajouté à l’agenda)`
        : `Souhaite rencontrer la personne${entry.proposedSlot ? ` ; propose : ${entry.proposedSlot}` : ''}`;
    case 'not_now':
      return `Pas pour le moment : ${REFUSAL_REASON_LABELS[entry.refusalReason ?? 'other'] ?? entry.refusalReason}`;
    case 'question':
      return 'Pose une question';
  }
}

/** One person of a shortlist: the employer's answer, the exchange about them, and the mediator's reply. */
export function EntryItem({
  shortlistId,
  entry,
  onReplied,
}: {
  shortlistId: string;
  entry: ShortlistEntryResponse;
  onReplied: (shortlist: ShortlistResponse) => void;
}) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = entry.card?.firstName ?? 'Personne';
  const headingId = `entry-${entry.id}`;
  const last = entry.messages.at(-1);
  const awaitingReply = last?.authorKind === 'employer';

  const reply = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onReplied(
        await ok(
          api.POST('/shortlists/{id}/replies', {
            params: { path: { id: shortlistId } },
            body: { entryId: entry.id, body: body.trim() },
          }),
        ),
      );
      setBody('');
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId} style={{ marginTop: 0 }}>
        <Link to={`/mises-en-relation/${entry.introductionId}`}>{name}</Link>{' '}
        <Badge>{INTRODUCTION_STATUS_LABELS[entry.status]}</Badge>
      </h2>
      <p>
        <strong>{answerText(entry)}</strong>
        {entry.answeredAt && <span className="muted"> — le {formatDateTime(entry.answeredAt)}</span>}
      </p>
      {entry.freeText && <p>Précisions de l’employeur : « {entry.freeText} »</p>}
      {entry.messages.length > 0 && (
        <>
          <h3>Échanges</h3>
          <ul>
            {entry.messages.map((message) => (
              <li key={message.id}>
                {message.authorKind === 'employer' ? 'Employeur' : (message.authorName ?? 'Vous')} (
                {formatDateTime(message.at)}) : {message.body}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <Alert>{error}</Alert>}
      {entry.messages.length > 0 && (
        <Form onSubmit={(event) => void reply(event)} aria-label={`Répondre à l’employeur au sujet de ${name}`}>
          <Field
            label={awaitingReply ? 'Votre réponse à la question' : 'Ajouter un message pour l’employeur'}
            name="body"
            value={body}
            onChange={setBody}
            multiline
            rows={2}
            maxLength={2000}
            isRequired
          />
          <div className="actions">
            <Button type="submit" isDisabled={busy || !body.trim()}>
              {busy ? 'Envoi…' : 'Répondre'}
            </Button>
          </div>
        </Form>
      )}
    </li>
  );
}
