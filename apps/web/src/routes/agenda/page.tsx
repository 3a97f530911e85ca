import { useState } from 'react';
import { hasRole, useAuth } from '../../auth/auth';
import { formatDay, mondayOf, parisDay, plusDays } from '../../features/agenda/agenda-time';
import { Choice } from '../../ui/choice';
import { Alert, Button, Loading, PageTitle, parisToday } from '../../ui/ui';
import { AppointmentCard } from './appointment-card';
import { CalendarFeedSection } from './calendar-feed-section';
import { PlanForm } from './plan-form';
import { SlotsSection } from './slots-section';
import { useAgendaData, usePeopleData } from './use-agenda-data';

const VIEWS = [
  { id: 'day', label: 'Jour' },
  { id: 'week', label: 'Semaine' },
] as const;
type View = (typeof VIEWS)[number]['id'];

/** The coach's agenda: a day or a week of appointments and workshops, planning, attendance. */
export function AgendaPage() {
  const { user } = useAuth();
  const [view, setView] = useState<View>('week');
  const [day, setDay] = useState(parisToday());
  const [notice, setNotice] = useState<string | null>(null);
  const first = view === 'week' ? mondayOf(day) : day;
  const days = view === 'week' ? 7 : 1;
  const agenda = useAgendaData(first, days);
  const people = usePeopleData();

  if (!hasRole(user, 'coach')) return <Alert>L’agenda est celui des conseiller·ères.</Alert>;

  const changed = (message: string) => {
    setNotice(message);
    agenda.reload();
  };
  const shownDays = Array.from({ length: days }, (_, index) => plusDays(first, index));

  return (
    <>
      <PageTitle title="Agenda">Agenda</PageTitle>
      {notice && <Alert kind="success">{notice}</Alert>}
      {agenda.error && <Alert>{agenda.error}</Alert>}
      <div className="toolbar">
        <Choice label="Vue" options={VIEWS} value={view} onChange={setView} />
        <Button variant="secondary" onPress={() => setDay(plusDays(day, -days))}>
          {view === 'week' ? 'Semaine précédente' : 'Jour précédent'}
        </Button>
        <Button variant="secondary" onPress={() => setDay(parisToday())}>
          Aujourd’hui
        </Button>
        <Button variant="secondary" onPress={() => setDay(plusDays(day, days))}>
          {view === 'week' ? 'Semaine suivante' : 'Jour suivant'}
        </Button>
      </div>
      <p role="status">
        {view === 'week'
          ? `Semaine du ${formatDay(first)} au ${formatDay(plusDays(first, 6))}`
          : formatDay(first).replace(/^./, (letter) => letter.toUpperCase())}
      </p>
      {!agenda.data && !agenda.error && <Loading what="de l’agenda" />}
      {agenda.data &&
        shownDays.map((shown) => {
          const items = agenda.data!.filter((item) => parisDay(item.startsAt) === shown);
          if (view === 'week' && items.length === 0) return null;
          return (
            <section key={shown} aria-label={formatDay(shown)}>
              <h2>{formatDay(shown).replace(/^./, (letter) => letter.toUpperCase())}</h2>
              {items.length === 0 && <p>Aucun rendez-vous ce jour.</p>}
              {items.map((item) => (
                <AppointmentCard key={item.id} appointment={item} people={people.data ?? []} onChanged={changed} />
              ))}
            </section>
          );
        })}
      {agenda.data && view === 'week' && agenda.data.length === 0 && <p>Aucun rendez-vous cette semaine.</p>}
      <details className="card">
        <summary>
          <h2 style={{ display: 'inline', fontSize: '1.1rem' }}>Planifier un rendez-vous ou un atelier</h2>
        </summary>
        {people.error && <Alert>{people.error}</Alert>}
        <PlanForm
          people={people.data ?? []}
          defaultDay={day}
          onPlanned={(message, plannedDay) => {
            setDay(plannedDay);
            changed(message);
          }}
        />
      </details>
      <SlotsSection first={first} days={days} onBooked={agenda.reload} />
      <CalendarFeedSection />
    </>
  );
}
