import type { IntroductionStatus, IntroductionSummaryResponse } from '../../api/types';
import { Link } from 'react-router';
import type { ApiData } from '../../api/use-api-data';
import { EMPLOYER_ANSWER_LABELS, INTRODUCTION_STATUS_LABELS, INTRODUCTION_STATUS_TONES } from '../../ui/labels';
import { Alert, Badge, formatDate, formatDateTime, Loading } from '../../ui/ui';

const BOARD_COLUMNS: ReadonlyArray<{ id: string; label: string; statuses: readonly IntroductionStatus[] }> = [
  { id: 'proposed', label: 'Proposées', statuses: ['proposed'] },
  { id: 'accepted', label: 'Acceptées', statuses: ['accepted'] },
  { id: 'card_sent', label: 'Fiche envoyée', statuses: ['card_sent'] },
  { id: 'employer_interested', label: 'Employeur intéressé', statuses: ['employer_interested'] },
  { id: 'interview', label: 'Entretien', statuses: ['interview'] },
  { id: 'trial', label: 'Immersion', statuses: ['trial'] },
  { id: 'hired', label: 'Embauche', statuses: ['hired'] },
  { id: 'closed', label: 'Clôturées', statuses: ['declined', 'withdrawn'] },
];

/** The introductions as a board, one column per stage (the closed ones together, each with its outcome). */
export function IntroductionsBoard({ introductions }: { introductions: ApiData<IntroductionSummaryResponse[]> }) {
  const { data: items, error } = introductions;
  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">Mises en relation</h2>
      {error && <Alert>{error}</Alert>}
      {!items && !error && <Loading what="des mises en relation" />}
      {items && items.length === 0 && <p>Aucune mise en relation pour l’instant.</p>}
      {items && items.length > 0 && (
        <div className="board" role="region" aria-label="Mises en relation par étape">
          {BOARD_COLUMNS.map((column) => {
            const cards = items.filter((item) => column.statuses.includes(item.status));
            return (
              <section key={column.id} className="board-column" aria-labelledby={`column-${column.id}`}>
                <h3 id={`column-${column.id}`}>
                  {column.label} <span className="muted">({cards.length})</span>
                </h3>
                {cards.length === 0 ? (
                  <p className="muted">Aucune.</p>
                ) : (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {cards.map((item) => (
                      <li key={item.id} className="board-card">
                        <Link to={`/mises-en-relation/${item.id}`}>
                          <strong>{item.firstName ?? 'Personne (fiche à venir)'}</strong>
                          <span className="visually-hidden"> chez {item.employerName}</span>
                        </Link>
                        {column.id === 'closed' && (
                          <>
                            {' '}
                            <Badge tone={INTRODUCTION_STATUS_TONES[item.status] ?? 'neutral'}>
                              {INTRODUCTION_STATUS_LABELS[item.status]}
                            </Badge>
                          </>
                        )}
                        <div>{item.employerName}</div>
                        {item.offerTitle && <div className="muted">{item.offerTitle}</div>}
                        {item.interviewAt && item.status === 'interview' && (
                          <div>Entretien le {formatDateTime(item.interviewAt)}</div>
                        )}
                        {item.lastAnswer && (
                          <div>
                            <Badge tone={item.lastAnswer.answer === 'interested' ? 'success' : 'warning'}>
                              {EMPLOYER_ANSWER_LABELS[item.lastAnswer.answer] ?? item.lastAnswer.answer}
                            </Badge>
                            <span className="muted"> le {formatDate(item.lastAnswer.at)}</span>
                            {item.lastAnswer.message && <div>« {item.lastAnswer.message} »</div>}
                          </div>
                        )}
                        <div className="muted">Mise à jour le {formatDate(item.updatedAt)}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
