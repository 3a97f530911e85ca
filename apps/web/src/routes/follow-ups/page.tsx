import { useRef, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { FollowUpResponse } from '../../api/types';
import { hasRole, useAuth } from '../../auth/auth';
import { Alert, Button, Loading, PageTitle } from '../../ui/ui';
import { FollowUpItem } from './follow-up-item';
import { MILESTONE_LABELS } from './follow-up-labels';
import { type State, useFollowUpsData } from './use-follow-ups-data';

const STATES: ReadonlyArray<{ id: State; label: string; heading: string; empty: string }> = [
  { id: 'due', label: 'À faire', heading: 'Suivis à faire', empty: 'Aucun suivi à faire en ce moment.' },
  {
    id: 'overdue',
    label: 'En retard',
    heading: 'Suivis en retard',
    empty: 'Aucun suivi en retard : bravo.',
  },
  { id: 'upcoming', label: 'À venir', heading: 'Suivis à venir', empty: 'Aucun suivi à venir.' },
  { id: 'answered', label: 'Faits', heading: 'Suivis faits', empty: 'Aucun suivi renseigné pour le moment.' },
];

const tabStyle = ({ isSelected }: { isSelected: boolean }) => ({
  padding: '0.5rem 0.8rem',
  cursor: 'pointer',
  borderBottom: isSelected ? '4px solid var(--accent)' : '4px solid transparent',
  fontWeight: isSelected ? 700 : 400,
  color: isSelected ? 'var(--accent)' : 'var(--ink)',
  outlineOffset: '-3px',
});

/** Follow-up checkpoints as a task list: due, overdue, upcoming and answered, each answered in place. */
export function FollowUpsPage() {
  const { user } = useAuth();
  const canAnswer = hasRole(user, 'coach', 'platform_staff');
  const [state, setState] = useState<State>('due');
  const { items, overdue, error, reload } = useFollowUpsData(state);
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const answered = (followUp: FollowUpResponse) => {
    setDone(
      `Suivi ${MILESTONE_LABELS[followUp.milestone] ?? followUp.milestone} de ${followUp.person} enregistré : il est maintenant dans l’onglet « Faits ».`,
    );
    reload();
    headingRef.current?.focus();
  };

  const changed = (message: string) => {
    setDone(message);
    reload();
    headingRef.current?.focus();
  };

  const current = STATES.find((option) => option.id === state)!;

  return (
    <>
      <PageTitle title="Suivis">Suivis après l’embauche et après l’accompagnement</PageTitle>
      <p className="muted">
        Chaque personne est recontactée à M+1, M+3 et M+6 après le début d’un emploi et après la fin de son
        accompagnement. Un suivi passe « en retard » 7 jours après sa date prévue.
      </p>
      <div className="card" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 1rem' }}>
        <p style={{ margin: 0 }}>
          {overdue === null ? (
            'Suivis en retard : nombre indisponible.'
          ) : (
            <>
              <span className={overdue > 0 ? 'figure target-missed' : 'figure'}>{overdue}</span>{' '}
              {overdue > 0 ? (
                <>
                  <span aria-hidden="true">⚠ </span>
                  suivi{overdue > 1 ? 's' : ''} en retard (plus de 7 jours après la date prévue)
                </>
              ) : (
                'suivi en retard'
              )}
            </>
          )}
        </p>
        {overdue !== null && overdue > 0 && state !== 'overdue' && (
          <Button variant="secondary" onPress={() => setState('overdue')}>
            Voir les suivis en retard
          </Button>
        )}
      </div>
      {done && <Alert kind="success">{done}</Alert>}
      {error && <Alert>{error}</Alert>}
      <Tabs
        selectedKey={state}
        onSelectionChange={(key) => {
          setDone(null);
          setState(key as State);
        }}
      >
        <TabList
          aria-label="État des suivis"
          style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem', borderBottom: '1px solid var(--line)' }}
        >
          {STATES.map((option) => (
            <Tab key={option.id} id={option.id} style={tabStyle}>
              {option.label}
              {option.id === 'overdue' && overdue !== null ? ` (${overdue})` : ''}
            </Tab>
          ))}
        </TabList>
        {STATES.map((option) => (
          <TabPanel key={option.id} id={option.id} style={{ paddingTop: '0.5rem' }}>
            <h2 ref={headingRef} tabIndex={-1}>
              {current.heading}
              {items ? ` (${items.length})` : ''}
            </h2>
            {!items && !error && <Loading what="des suivis" />}
            {items && items.length === 0 && <p>{current.empty}</p>}
            {items && items.length > 0 && (
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <FollowUpItem
                    key={item.id}
                    item={item}
                    canAnswer={canAnswer}
                    onAnswered={answered}
                    onChanged={changed}
                  />
                ))}
              </ul>
            )}
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}
