import { Disclosure, DisclosurePanel } from 'react-aria-components';
import { Link } from 'react-router';
import type { FollowUpResponse } from '../../api/types';
import { CONTRACT_LABELS } from '../../ui/labels';
import { Badge, Button, formatDate, formatDateTime } from '../../ui/ui';
import { AnswerForm } from './answer-form';
import { EmployerFormSection } from './employer-form-section';
import { DIFFICULTY_LABELS, KIND_LABELS, MILESTONE_LABELS } from './follow-up-labels';

function StateBadge({ state }: { state: string }) {
  if (state === 'overdue') return <Badge tone="danger">En retard</Badge>;
  if (state === 'due') return <Badge tone="warning">À faire</Badge>;
  if (state === 'answered') return <Badge tone="success">Fait</Badge>;
  return <Badge>À venir</Badge>;
}

/** A checkpoint: who, when, the job; its answer, or the form to give it when it is due; the employer's form. */
export function FollowUpItem({
  item,
  canAnswer,
  onAnswered,
  onChanged,
}: {
  item: FollowUpResponse;
  canAnswer: boolean;
  onAnswered: (item: FollowUpResponse) => void;
  /** Something else changed on the checkpoint (the employer's form sent): say it, read it again. */
  onChanged: (message: string) => void;
}) {
  const milestone = MILESTONE_LABELS[item.milestone] ?? item.milestone;
  return (
    <li className="card">
      <h3 style={{ marginTop: 0 }}>
        <Link to={`/personnes/${item.beneficiaryId}`}>{item.person || 'Personne'}</Link> — {milestone}
      </h3>
      <p style={{ margin: '0 0 0.5rem' }}>
        <StateBadge state={item.state} />
        <span>{KIND_LABELS[item.kind] ?? item.kind}</span>
      </p>
      <dl className="facts">
        <dt>Échéance</dt>
        <dd>
          {milestone}, le {formatDate(item.dueOn)}
        </dd>
        {item.placement && (
          <>
            <dt>Employeur</dt>
            <dd>{item.placement.employerName}</dd>
            <dt>Contrat</dt>
            <dd>
              {CONTRACT_LABELS[item.placement.contractType] ?? item.placement.contractType}, depuis le{' '}
              {formatDate(item.placement.startDate)}
            </dd>
          </>
        )}
      </dl>
      {item.answer && <AnswerSummary kind={item.kind} answer={item.answer} />}
      <EmployerFormSection item={item} canSend={canAnswer} onChanged={onChanged} />
      {!item.answer && item.state === 'upcoming' && (
        <p className="muted">Ce suivi pourra être renseigné à partir du {formatDate(item.dueOn)}.</p>
      )}
      {!item.answer && item.state !== 'upcoming' && !canAnswer && (
        <p className="muted">
          À renseigner par le ou la conseiller·ère référent·e, ou la personne à qui le suivi est confié.
        </p>
      )}
      {!item.answer && item.state !== 'upcoming' && canAnswer && (
        <Disclosure style={{ marginTop: '0.75rem' }}>
          <Button slot="trigger" variant={item.state === 'overdue' ? 'primary' : 'secondary'}>
            Renseigner le suivi {milestone} de {item.person || 'la personne'}
          </Button>
          <DisclosurePanel>
            <AnswerForm item={item} onAnswered={onAnswered} />
          </DisclosurePanel>
        </Disclosure>
      )}
    </li>
  );
}

function AnswerSummary({ kind, answer }: { kind: string; answer: NonNullable<FollowUpResponse['answer']> }) {
  return (
    <>
      <h4 style={{ margin: '0.75rem 0 0.25rem' }}>Réponse du {formatDateTime(answer.answeredAt)}</h4>
      <dl className="facts">
        <dt>{kind === 'placement' ? 'Toujours en emploi' : 'En emploi'}</dt>
        <dd>{answer.inJob ? 'Oui' : 'Non'}</dd>
        {answer.rsaExit !== null && (
          <>
            <dt>Sortie du RSA</dt>
            <dd>{answer.rsaExit ? 'Oui' : 'Non'}</dd>
          </>
        )}
        <dt>Difficultés</dt>
        <dd>
          {answer.difficulties.length === 0
            ? 'Aucune'
            : answer.difficulties.map((difficulty) => DIFFICULTY_LABELS[difficulty] ?? difficulty).join(', ')}
        </dd>
        {answer.employerView && (
          <>
            <dt>Avis de l’employeur</dt>
            <dd>{answer.employerView}</dd>
          </>
        )}
        {answer.note && (
          <>
            <dt>Note</dt>
            <dd>{answer.note}</dd>
          </>
        )}
      </dl>
    </>
  );
}
